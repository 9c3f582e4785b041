#include "booking/app/journal_service.h"

#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

Result<Done, Error> JournalService::CanWatch(const Actor& actor, std::optional<Id> branch_id) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  if (branch_id && !d_.branches.Find(actor.org_id, *branch_id)) {
    return Fail(Error(ErrorCode::kNotFound));
  }
  return Done{};
}

Result<JournalView, Error> JournalService::Journal(const Actor& actor, Id branch_id,
                                                   const std::string& date, int days,
                                                   bool include_cancelled) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  FieldErrors errors;
  if (!IsJournalDate(date)) errors.push_back({"date", "invalid_date"});
  if (days < 1 || days > 7) errors.push_back({"days", "out_of_range", 7});
  const auto branch = d_.branches.Find(actor.org_id, branch_id);
  if (!branch) errors.push_back({"branch_id", "not_found"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const std::string zone = branch->timezone;
  const std::string last = AddDays(date, days - 1);
  const EpochSeconds from = *StartOfDay(date, zone);
  const EpochSeconds to = *StartOfDay(AddDays(last, 1), zone);
  return d_.db.Read([&](db::Session& s) -> Result<JournalView, Error> {
    JournalView view;
    view.branch_id = branch_id;
    view.timezone = zone;
    view.date = date;
    view.days = days;
    auto members = d_.staff.MembersIn(s, actor.org_id, branch_id);
    std::vector<Id> ids;
    ids.reserve(members.size());
    for (const auto& m : members) ids.push_back(m.id);
    auto working = d_.staff.WorkingOfMany(s, actor.org_id, branch_id, ids, date, last, zone);
    for (auto& member : members) {
      JournalMaster master;
      for (const auto& w : working[member.id]) master.working.push_back({w.start, w.end});
      if (!identity::Allows(actor.role, Action::kSeeStaffContacts)) {
        member.phone.clear();
        member.email.clear();
        member.contacts_hidden = true;
      }
      master.member = std::move(member);
      view.masters.push_back(std::move(master));
    }
    view.appointments = appointments_.Views(
        s, actor,
        d_.appointments.InBranch(s, actor.org_id, branch_id, from, to, include_cancelled));
    for (auto& event : d_.groups.InBranch(s, actor.org_id, branch_id, from, to)) {
      if (event.cancelled && !include_cancelled) continue;
      GroupEventView group{event, {}};
      group.participants =
          appointments_.Views(s, actor, d_.appointments.OfGroup(s, actor.org_id, event.id));
      view.group_events.push_back(std::move(group));
    }
    for (const auto& closed : d_.staff.ClosedDatesIn(s, actor.org_id, branch_id)) {
      if (closed >= date && closed <= last) view.closed_days.push_back(closed);
    }
    return view;
  });
}

}  // namespace kvitka::booking
