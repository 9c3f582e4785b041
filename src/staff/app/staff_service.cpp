#include "staff/app/staff_service.h"

#include <algorithm>

#include "core/secret.h"
#include "core/text.h"
#include "core/time.h"
#include "identity/app/authorize.h"
#include "staff/app/schedule_json.h"
#include "staff/domain/ical.h"
#include "staff/domain/schedule_changes.h"

namespace kvitka::staff {

using identity::Action;
using identity::Actor;
using identity::Snapshot;

namespace {

Result<Done, Error> Allowed(const Actor& actor, Action action) {
  if (!identity::Authorize(actor, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

Snapshot MemberSnapshot(const StaffMember& m) {
  return {{"name", m.name},
          {"branch_id", m.branch_id},
          {"position", m.position},
          {"phone", m.phone},
          {"email", m.email},
          {"color", m.color},
          {"online_booking", m.online_booking},
          {"booking_step", m.booking_step},
          {"hire_date", m.hire_date},
          {"work_permit_expires", m.work_permit_expires},
          {"user_id", m.user_id ? Snapshot(*m.user_id) : nullptr},
          {"archived", m.archived}};
}

FieldErrors FromProblems(const std::vector<ScheduleProblem>& problems) {
  FieldErrors errors;
  for (const auto& p : problems) errors.push_back({p.field, p.code});
  return errors;
}

const char* ReasonTitle(AbsenceReason reason) {
  switch (reason) {
    case AbsenceReason::kVacation:
      return "відпустка";
    case AbsenceReason::kSickLeave:
      return "лікарняний";
    case AbsenceReason::kTraining:
      return "навчання";
    case AbsenceReason::kUnpaid:
      return "за власний рахунок";
    case AbsenceReason::kTruancy:
      return "прогул";
    case AbsenceReason::kOther:
      return "інше";
  }
  return "інше";
}

}  // namespace

StaffView StaffService::View(db::Session& s, const Actor& actor, StaffMember member,
                             const std::string& today) {
  StaffView view;
  view.work_permit_warning = WorkPermitWarning(member, today);
  view.service_ids = d_.catalog.ServicesOfStaff(s, actor.org_id, member.id);
  if (!identity::Allows(actor.role, Action::kSeeStaffContacts) && member.user_id != actor.user_id) {
    member.phone.clear();
    member.email.clear();
    member.contacts_hidden = true;
  }
  view.member = std::move(member);
  return view;
}

std::string StaffService::Today(Id org_id) {
  return CivilDate(d_.clock.Now(), d_.branches.Of(org_id).timezone);
}

Result<std::vector<StaffView>, Error> StaffService::List(const Actor& actor,
                                                         std::optional<Id> branch_id,
                                                         std::optional<Id> service_id,
                                                         bool archived) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  const std::string today = Today(actor.org_id);
  return d_.db.Read([&](db::Session& s) {
    std::vector<StaffView> out;
    auto members = d_.store.List(s, actor.org_id, branch_id, archived);
    std::vector<std::pair<std::string, StaffMember>> sorted;
    sorted.reserve(members.size());
    for (auto& m : members) sorted.emplace_back(SortKey(m.name), std::move(m));
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, m] : sorted) {
      auto view = View(s, actor, m, today);
      if (service_id && std::find(view.service_ids.begin(), view.service_ids.end(), *service_id) ==
                            view.service_ids.end()) {
        continue;
      }
      out.push_back(std::move(view));
    }
    return out;
  });
}

Result<StaffView, Error> StaffService::Get(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  const std::string today = Today(actor.org_id);
  return d_.db.Read([&](db::Session& s) -> Result<StaffView, Error> {
    auto m = d_.store.Find(s, actor.org_id, id);
    if (!m) return Fail(Error(ErrorCode::kNotFound));
    return View(s, actor, *m, today);
  });
}

Result<StaffView, Error> StaffService::Save(const Actor& actor, std::optional<Id> id,
                                            const std::function<void(StaffMember&)>& apply,
                                            const std::optional<std::vector<Id>>& service_ids,
                                            FieldErrors format_errors) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  const auto region = d_.branches.Of(actor.org_id).country;
  const std::string today = Today(actor.org_id);
  return d_.db.Write([&](db::Session& s) -> Result<StaffView, Error> {
    StaffMember m;
    Snapshot before = nullptr;
    if (id) {
      auto found = d_.store.Find(s, actor.org_id, *id);
      if (!found) return Fail(Error(ErrorCode::kNotFound));
      m = *found;
      before = MemberSnapshot(m);
    } else {
      m.created_at = d_.clock.Now();
    }
    apply(m);
    FieldErrors errors = std::move(format_errors);
    for (auto& e : NormalizeStaff(m, region)) {
      if (std::none_of(errors.begin(), errors.end(),
                       [&](const FieldError& f) { return f.field == e.field; })) {
        errors.push_back(std::move(e));
      }
    }
    auto add = [&](FieldError e) {
      if (std::none_of(errors.begin(), errors.end(),
                       [&](const FieldError& f) { return f.field == e.field; })) {
        errors.push_back(std::move(e));
      }
    };
    if (!d_.branches.Exists(s, actor.org_id, m.branch_id)) {
      add({"branch_id", m.branch_id == 0 ? "required" : "not_found"});
    }
    if (m.user_id && !d_.users.IsActiveMember(s, actor.org_id, *m.user_id)) {
      add({"user_id", "not_found"});
    }
    if (service_ids) {
      for (auto& e : d_.catalog.CheckServiceIds(s, actor.org_id, *service_ids, "service_ids")) {
        add(std::move(e));
      }
    }
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    if (id) {
      d_.store.Update(s, actor.org_id, m);
    } else {
      m.id = d_.store.Insert(s, actor.org_id, m);
    }
    if (service_ids) {
      auto service_errors =
          d_.catalog.SetServicesOfStaff(s, actor.org_id, m.id, *service_ids, "service_ids");
      if (!service_errors.empty()) return Fail(Error(ErrorCode::kValidation, service_errors));
    }
    auto after = MemberSnapshot(m);
    if (service_ids) after["service_ids"] = *service_ids;
    d_.audit.Record(s, actor, id ? "staff.update" : "staff.create", "staff", m.id, before, after);
    return View(s, actor, *d_.store.Find(s, actor.org_id, m.id), today);
  });
}

Result<StaffView, Error> StaffService::Archive(const Actor& actor, Id id) {
  return Save(
      actor, id, [](StaffMember& m) { m.archived = true; }, std::nullopt);
}

Result<WorkSchedule, Error> StaffService::Schedule(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<WorkSchedule, Error> {
    if (!d_.store.Find(s, actor.org_id, id)) return Fail(Error(ErrorCode::kNotFound));
    return d_.store.Schedule(s, actor.org_id, id);
  });
}

Result<WorkSchedule, Error> StaffService::SetSchedule(const Actor& actor, Id id,
                                                      const WorkSchedule& schedule) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  auto problems = CheckSchedule(schedule);
  if (!problems.empty()) return Fail(Error(ErrorCode::kValidation, FromProblems(problems)));
  return d_.db.Write([&](db::Session& s) -> Result<WorkSchedule, Error> {
    const auto member = d_.store.Find(s, actor.org_id, id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    const auto days_before = DaysBeforeChange(s, actor.org_id, *member);
    const auto before = ScheduleToJson(d_.store.Schedule(s, actor.org_id, id));
    d_.store.SaveSchedule(s, actor.org_id, id, schedule);
    const auto after = ScheduleToJson(schedule);
    d_.audit.Record(s, actor, "staff.schedule_update", "staff", id, before, after);
    d_.store.AddEvent(s, actor.org_id, {0, id, "schedule_changed", after.dump(), d_.clock.Now()});
    TellChanged(s, actor, *member, "schedule_changed", days_before);
    return schedule;
  });
}

Result<std::vector<Absence>, Error> StaffService::Absences(const Actor& actor, Id id,
                                                           const std::string& from,
                                                           const std::string& to) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<std::vector<Absence>, Error> {
    if (!d_.store.Find(s, actor.org_id, id)) return Fail(Error(ErrorCode::kNotFound));
    return d_.store.Absences(s, actor.org_id, id, from, to);
  });
}

Result<Absence, Error> StaffService::AddAbsence(const Actor& actor, Id id, Absence absence) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  auto problems = CheckAbsence(absence);
  if (!problems.empty()) return Fail(Error(ErrorCode::kValidation, FromProblems(problems)));
  return d_.db.Write([&](db::Session& s) -> Result<Absence, Error> {
    const auto member = d_.store.Find(s, actor.org_id, id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    const auto days_before = DaysBeforeChange(s, actor.org_id, *member);
    const EpochSeconds now = d_.clock.Now();
    absence.id = d_.store.InsertAbsence(s, actor.org_id, id, absence, now);
    const Snapshot details = {{"absence_id", absence.id},
                              {"from", absence.from},
                              {"to", absence.to},
                              {"reason", ReasonName(absence.reason)}};
    d_.audit.Record(s, actor, "staff.absence_add", "staff", id, nullptr, details);
    d_.store.AddEvent(s, actor.org_id, {0, id, "absence_added", details.dump(), now});
    TellChanged(s, actor, *member, "absence_added", days_before);
    return absence;
  });
}

Result<Done, Error> StaffService::RemoveAbsence(const Actor& actor, Id id, Id absence_id) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  return d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    const EpochSeconds now = d_.clock.Now();
    const auto member = d_.store.Find(s, actor.org_id, id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    const auto days_before = DaysBeforeChange(s, actor.org_id, *member);
    if (!d_.store.DeleteAbsence(s, actor.org_id, id, absence_id, now)) {
      return Fail(Error(ErrorCode::kNotFound));
    }
    const Snapshot details = {{"absence_id", absence_id}};
    d_.audit.Record(s, actor, "staff.absence_remove", "staff", id, details, nullptr);
    d_.store.AddEvent(s, actor.org_id, {0, id, "absence_removed", details.dump(), now});
    TellChanged(s, actor, *member, "absence_removed", days_before);
    return Done{};
  });
}

std::vector<std::string> StaffService::ClosedDatesIn(db::Session& s, Id org_id, Id branch_id) {
  std::vector<std::string> closed;
  for (const auto& day : d_.store.ClosedDays(s, org_id, branch_id)) closed.push_back(day.date);
  return closed;
}

std::map<Id, std::vector<WorkInterval>> StaffService::WorkingOfMany(
    db::Session& s, Id org_id, Id branch_id, const std::vector<Id>& staff_ids,
    const std::string& from, const std::string& to, const std::string& zone) {
  const auto closed = ClosedDatesIn(s, org_id, branch_id);
  auto schedules = d_.store.Schedules(s, org_id, staff_ids);
  auto absences = d_.store.AbsencesOf(s, org_id, staff_ids, from, to);
  std::map<Id, std::vector<WorkInterval>> out;
  for (Id id : staff_ids) {
    out[id] = ExpandSchedule(schedules[id], absences[id], closed, from, to, zone);
  }
  return out;
}

std::vector<WorkInterval> StaffService::Expand(db::Session& s, Id org_id, const StaffMember& member,
                                               const std::string& from, const std::string& to,
                                               const std::string& zone) {
  return ExpandSchedule(d_.store.Schedule(s, org_id, member.id),
                        d_.store.Absences(s, org_id, member.id, from, to),
                        ClosedDatesIn(s, org_id, member.branch_id), from, to, zone);
}

StaffService::ComingDays StaffService::Coming(db::Session& s, Id org_id, const StaffMember& member,
                                              const std::string& zone, const std::string& from) {
  const std::string last = AddDays(from, kNoticeDays - 1);
  return {zone, from,
          WorkDays(d_.store.Schedule(s, org_id, member.id),
                   d_.store.Absences(s, org_id, member.id, from, last),
                   ClosedDatesIn(s, org_id, member.branch_id), from, kNoticeDays, zone)};
}

std::optional<StaffService::ComingDays> StaffService::DaysBeforeChange(db::Session& s, Id org_id,
                                                                       const StaffMember& member) {
  if (d_.notices == nullptr || member.archived) return std::nullopt;
  const auto branch = d_.branches.FindIn(s, org_id, member.branch_id);
  const std::string zone = branch ? branch->timezone : "UTC";
  return Coming(s, org_id, member, zone, CivilDate(d_.clock.Now(), zone));
}

void StaffService::TellChanged(db::Session& s, const Actor& actor, const StaffMember& member,
                               const std::string& kind, const std::optional<ComingDays>& before) {
  if (d_.notices == nullptr || !before || member.archived) return;
  // The same dates as before the change (a change made at midnight compares like with like).
  const ComingDays after = Coming(s, actor.org_id, member, before->zone, before->from);
  auto changed = ChangedDays(before->days, after.days);
  if (changed.empty()) return;
  d_.notices->Changed(s, actor, {kind, member, before->zone, std::move(changed), d_.clock.Now()});
}

Result<WorkIntervals, Error> StaffService::Intervals(const Actor& actor, Id id,
                                                     const std::string& from,
                                                     const std::string& to) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  FieldErrors errors;
  auto start = StartOfDay(from, "UTC");
  auto end = StartOfDay(to, "UTC");
  if (!start) errors.push_back({"from", "invalid_date"});
  if (!end) errors.push_back({"to", "invalid_date"});
  if (start && end && *end < *start) errors.push_back({"to", "before_from"});
  if (start && end && *end - *start > 365L * 86400) errors.push_back({"to", "too_many_days", 366});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  auto member = d_.db.Read([&](db::Session& s) { return d_.store.Find(s, actor.org_id, id); });
  if (!member) return Fail(Error(ErrorCode::kNotFound));
  auto branch = d_.branches.Find(actor.org_id, member->branch_id);
  const std::string zone = branch ? branch->timezone : d_.branches.Of(actor.org_id).timezone;
  return d_.db.Read([&](db::Session& s) -> Result<WorkIntervals, Error> {
    return WorkIntervals{zone, Expand(s, actor.org_id, *member, from, to, zone)};
  });
}

Result<std::vector<ClosedDay>, Error> StaffService::ClosedDays(const Actor& actor, Id branch_id) {
  if (auto ok = Allowed(actor, Action::kViewStaff); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<std::vector<ClosedDay>, Error> {
    if (!d_.branches.Exists(s, actor.org_id, branch_id)) return Fail(Error(ErrorCode::kNotFound));
    return d_.store.ClosedDays(s, actor.org_id, branch_id);
  });
}

Result<std::vector<ClosedDay>, Error> StaffService::SetClosedDays(
    const Actor& actor, Id branch_id, const std::vector<ClosedDay>& days) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  FieldErrors errors;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (!StartOfDay(days[i].date, "UTC")) {
      errors.push_back({"items[" + std::to_string(i) + "].date", "invalid_date"});
    }
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  return d_.db.Write([&](db::Session& s) -> Result<std::vector<ClosedDay>, Error> {
    if (!d_.branches.Exists(s, actor.org_id, branch_id)) return Fail(Error(ErrorCode::kNotFound));
    Snapshot dates = Snapshot::array();
    for (const auto& d : days) dates.push_back(d.date);
    d_.store.SetClosedDays(s, actor.org_id, branch_id, days);
    d_.audit.Record(s, actor, "branch.closed_days_update", "branch", branch_id, nullptr,
                    {{"dates", dates}});
    return d_.store.ClosedDays(s, actor.org_id, branch_id);
  });
}

Result<std::string, Error> StaffService::CalendarToken(const Actor& actor, Id id, bool reset) {
  if (auto ok = Allowed(actor, reset ? Action::kManageStaff : Action::kViewStaff); !ok) {
    return Fail(ok.error());
  }
  return d_.db.Write([&](db::Session& s) -> Result<std::string, Error> {
    auto member = d_.store.Find(s, actor.org_id, id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    // Masters get their own link only.
    if (!identity::Allows(actor.role, Action::kManageStaff) && member->user_id != actor.user_id) {
      return Fail(Error(ErrorCode::kForbidden));
    }
    if (!reset) {
      if (auto existing = d_.store.CalendarToken(s, actor.org_id, id)) return *existing;
    }
    const std::string token = RandomToken(24);
    d_.store.SetCalendarToken(s, actor.org_id, id, token);
    d_.audit.Record(s, actor, reset ? "staff.calendar_reset" : "staff.calendar_link", "staff", id,
                    nullptr, nullptr);
    return token;
  });
}

std::optional<std::string> StaffService::CalendarFeed(const std::string& token) {
  if (token.empty() || token.size() > 64) return std::nullopt;
  auto owner = d_.db.Read([&](db::Session& s) { return d_.store.FindByCalendarToken(s, token); });
  if (!owner) return std::nullopt;
  const Id org_id = owner->first;
  const Id staff_id = owner->second;
  auto member = d_.db.Read([&](db::Session& s) { return d_.store.Find(s, org_id, staff_id); });
  if (!member || member->archived) return std::nullopt;
  auto branch = d_.branches.Find(org_id, member->branch_id);
  const std::string zone = branch ? branch->timezone : "Europe/Kyiv";
  const EpochSeconds now = d_.clock.Now();
  const std::string from = CivilDate(now, zone);
  const std::string to = CivilDate(now + 60L * 86400, zone);
  auto intervals =
      d_.db.Read([&](db::Session& s) { return Expand(s, org_id, *member, from, to, zone); });
  std::vector<CalendarEvent> events;
  const std::string place = branch ? branch->name : "Kvitka";
  for (const auto& interval : intervals) {
    events.push_back({std::to_string(staff_id) + "-" + std::to_string(interval.start) + "@kvitka",
                      interval, "Робоча зміна — " + place, branch ? branch->address : ""});
  }
  auto absences =
      d_.db.Read([&](db::Session& s) { return d_.store.Absences(s, org_id, staff_id, from, to); });
  for (const auto& a : absences) {
    CalendarEvent day_off;
    day_off.uid = std::to_string(staff_id) + "-absence-" + std::to_string(a.id) + "@kvitka";
    day_off.summary = std::string("Відсутність: ") + ReasonTitle(a.reason);
    day_off.description = a.note;
    day_off.first_day = a.from;
    day_off.last_day = a.to;
    events.push_back(day_off);
  }
  return RenderCalendar(member->name + " — " + place, events, now);
}

Result<std::vector<StaffEvent>, Error> StaffService::Events(const Actor& actor,
                                                            std::optional<Id> staff_id) {
  if (auto ok = Allowed(actor, Action::kManageStaff); !ok) return Fail(ok.error());
  return d_.db.Read(
      [&](db::Session& s) { return d_.store.Events(s, actor.org_id, staff_id, 200); });
}

}  // namespace kvitka::staff
