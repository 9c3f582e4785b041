// The appointment use cases after booking: statuses (one visit or the rest of its series), the
// visit record, and a client's history.
#include "booking/app/appointment_service.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

Result<Done, Error> AppointmentService::ApplyStatus(db::Session& s, const Actor& actor,
                                                    Appointment& a, const StatusChange& change,
                                                    const std::string& zone) {
  if (a.status == change.status) return Done{};
  const bool held = HoldsTime(a.status);
  const bool holds = HoldsTime(change.status);
  const HoldOwner owner{a.id, std::nullopt};
  if (held && !holds) {
    reservations_.Release(s, actor.org_id, owner);
    if (a.group_event_id) d_.groups.ChangeSeats(s, actor.org_id, *a.group_event_id, -1);
  } else if (!held && holds) {
    if (a.group_event_id) {
      auto event = d_.groups.Find(s, actor.org_id, *a.group_event_id);
      if (!event || event->cancelled) return Fail(Error(ErrorCode::kClosed));
      if (!d_.groups.ChangeSeats(s, actor.org_id, *a.group_event_id, 1)) {
        return Fail(Error(ErrorCode::kGroupFull));
      }
    } else {
      Placement placement{a.branch_id, reservations_.Capacities(s, actor.org_id, a.branch_id),
                          a.items, std::vector<std::vector<Id>>(a.items.size())};
      // Reopening keeps the time it had: the admin booked it once, working hours or not.
      auto taken = reservations_.Take(s, actor.org_id, placement, owner, true, zone);
      if (!taken) return Fail(taken.error());
    }
  }
  a.status = change.status;
  if (change.status == Status::kCancelled) {
    a.cancel_reason = change.reason;
    a.cancelled_by = change.cancelled_by.empty() ? "salon" : change.cancelled_by;
  } else {
    a.cancel_reason.clear();
    a.cancelled_by.clear();
  }
  ++a.version;
  a.updated_at = d_.clock.Now();
  return Done{};
}

Result<AppointmentView, Error> AppointmentService::SetStatus(const Actor& actor, Id id,
                                                             const StatusChange& change) {
  const bool marking = change.status == Status::kArrived || change.status == Status::kCompleted;
  if (auto ok = Allowed(actor, marking ? Action::kMarkVisit : Action::kBook); !ok) {
    return Fail(ok.error());
  }
  auto branch_id = d_.db.Read([&](db::Session& s) -> std::optional<Id> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    return a ? std::optional<Id>(a->branch_id) : std::nullopt;
  });
  if (!branch_id) return Fail(Error(ErrorCode::kNotFound));
  const std::string zone = BranchZone(d_.branches, actor.org_id, *branch_id);
  std::vector<Appointment> changed;
  auto result = d_.db.Write([&](db::Session& s) -> Result<AppointmentView, Error> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    if (!a) return Fail(Error(ErrorCode::kNotFound));
    std::vector<Appointment> targets = {*a};
    if (change.following && a->series_id) {
      for (auto& next : d_.appointments.InSeries(s, actor.org_id, *a->series_id, a->Start() + 1)) {
        if (next.id != a->id && !IsClosed(next.status)) targets.push_back(std::move(next));
      }
    }
    for (auto& target : targets) {
      const auto before = AppointmentSnapshot(target);
      const Status was = target.status;
      if (auto applied = ApplyStatus(s, actor, target, change, zone); !applied) {
        return Fail(applied.error());
      }
      if (target.status == was) continue;
      d_.appointments.Update(s, actor.org_id, target);
      Record(s, actor, target, "status_changed", before);
      changed.push_back(target);
    }
    RecountStats(s, actor.org_id, a->client_id);
    auto fresh = d_.appointments.Find(s, actor.org_id, id);
    return Views(s, actor, {*fresh}).front();
  });
  if (result) {
    for (const auto& a : changed) Publish(actor.org_id, a, "status");
    if (!HoldsTime(change.status)) {
      for (const auto& a : changed) freed_.TimeFreed(actor.org_id, a.branch_id, a.Start(), a.End());
    }
  }
  return result;
}

Result<AppointmentView, Error> AppointmentService::RecordVisit(const Actor& actor, Id id,
                                                               const VisitRecord& visit) {
  if (auto ok = Allowed(actor, Action::kMarkVisit); !ok) return Fail(ok.error());
  std::optional<Appointment> saved;
  auto result = d_.db.Write([&](db::Session& s) -> Result<AppointmentView, Error> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    if (!a) return Fail(Error(ErrorCode::kNotFound));
    if (!d_.clients.HasFiles(s, actor.org_id, a->client_id, visit.photo_file_ids)) {
      return Fail(Error(ErrorCode::kValidation, {{"photo_file_ids", "not_found"}}));
    }
    const auto before = AppointmentSnapshot(*a);
    a->visit = visit;
    a->updated_at = d_.clock.Now();
    d_.appointments.Update(s, actor.org_id, *a);
    Record(s, actor, *a, "visit_recorded", before);
    saved = *a;
    return Views(s, actor, {*a}).front();
  });
  if (result) Publish(actor.org_id, *saved, "visit");
  return result;
}

Result<AppointmentPage, Error> AppointmentService::OfClient(const Actor& actor, Id client_id,
                                                            std::optional<Id> before_id,
                                                            int limit) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<AppointmentPage, Error> {
    if (d_.clients.FindMany(s, actor, {client_id}).empty()) {
      return Fail(Error(ErrorCode::kNotFound));
    }
    auto list = d_.appointments.OfClient(s, actor.org_id, client_id, before_id, limit + 1);
    AppointmentPage page;
    if (static_cast<int>(list.size()) > limit) {
      list.resize(static_cast<std::size_t>(limit));
      page.next_before_id = list.back().id;
    }
    page.items = Views(s, actor, std::move(list));
    return page;
  });
}

}  // namespace kvitka::booking
