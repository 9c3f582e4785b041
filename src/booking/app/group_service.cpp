#include "booking/app/group_service.h"

#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

namespace {

constexpr int kMaxCapacity = 500;

nlohmann::json GroupSnapshot(const GroupEvent& e) {
  return {{"service_id", e.service_id}, {"staff_id", e.staff_id},
          {"start", e.start},           {"end", e.end},
          {"capacity", e.capacity},     {"cancelled", e.cancelled}};
}

}  // namespace

GroupEventView GroupService::View(db::Session& s, const Actor& actor, GroupEvent event) {
  GroupEventView view{std::move(event), {}};
  view.participants =
      appointments_.Views(s, actor, d_.appointments.OfGroup(s, actor.org_id, view.event.id));
  return view;
}

Result<std::vector<GroupEventView>, Error> GroupService::List(const Actor& actor, Id branch_id,
                                                              std::string from_date,
                                                              std::string to_date) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  if (!d_.branches.Find(actor.org_id, branch_id)) {
    return Fail(Error(ErrorCode::kValidation, {{"branch_id", "not_found"}}));
  }
  const std::string zone = BranchZone(d_.branches, actor.org_id, branch_id);
  if (from_date.empty()) from_date = CivilDate(d_.clock.Now(), zone);
  if (to_date.empty()) to_date = AddDays(from_date, 30);
  const auto days = DaysBetween(from_date, to_date);
  if (!IsJournalDate(from_date) || !IsJournalDate(to_date) || !days || *days < 0 || *days > 366) {
    return Fail(Error(ErrorCode::kValidation, {{"to", "too_many_days", 366}}));
  }
  const EpochSeconds from = StartOfDay(from_date, zone).value_or(0);
  const EpochSeconds to = StartOfDay(AddDays(to_date, 1), zone).value_or(0);
  return d_.db.Read([&](db::Session& s) -> Result<std::vector<GroupEventView>, Error> {
    std::vector<GroupEventView> views;
    for (auto& e : d_.groups.InBranch(s, actor.org_id, branch_id, from, to)) {
      views.push_back(View(s, actor, std::move(e)));
    }
    return views;
  });
}

Result<GroupEventView, Error> GroupService::Get(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<GroupEventView, Error> {
    auto e = d_.groups.Find(s, actor.org_id, id);
    if (!e) return Fail(Error(ErrorCode::kNotFound));
    return View(s, actor, *e);
  });
}

Result<GroupEventView, Error> GroupService::Save(const Actor& actor, std::optional<Id> id,
                                                 const GroupEventInput& in) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  Id branch_id = in.branch_id.value_or(0);
  if (id) {
    auto found = d_.db.Read([&](db::Session& s) { return d_.groups.Find(s, actor.org_id, *id); });
    if (!found) return Fail(Error(ErrorCode::kNotFound));
    branch_id = found->branch_id;
  } else if (!d_.branches.Find(actor.org_id, branch_id)) {
    return Fail(Error(ErrorCode::kValidation, {{"branch_id", "not_found"}}));
  }
  const std::string zone = BranchZone(d_.branches, actor.org_id, branch_id);
  const EpochSeconds now = d_.clock.Now();
  auto saved = d_.db.Write([&](db::Session& s) -> Result<GroupEventView, Error> {
    GroupEvent e;
    if (id) {
      e = *d_.groups.Find(s, actor.org_id, *id);
      if (e.cancelled) return Fail(Error(ErrorCode::kClosed));
    }
    const auto before = id ? GroupSnapshot(e) : nlohmann::json(nullptr);
    FieldErrors errors;
    if (!id) {
      e.branch_id = branch_id;
      e.service_id = in.service_id.value_or(0);
      e.created_at = now;
    }
    const auto service = d_.catalog.FindServiceIn(s, actor.org_id, e.service_id);
    if (!service || service->archived) {
      errors.push_back({"service_id", "not_found"});
    } else if (!service->group) {
      errors.push_back({"service_id", "not_group_service"});
    }
    if (in.staff_id) e.staff_id = *in.staff_id;
    const auto member = d_.staff.FindIn(s, actor.org_id, e.staff_id);
    if (!member || member->archived || member->branch_id != e.branch_id) {
      errors.push_back({"staff_id", "not_found"});
    }
    if (in.room_id) e.room_id = *in.room_id;
    if (!id && !in.room_id && service && !service->room_ids.empty()) {
      e.room_id = service->room_ids.front();
    }
    if (e.room_id) {
      bool known = false;
      for (const auto& room : d_.catalog.RoomsIn(s, actor.org_id, e.branch_id)) {
        known = known || room.id == *e.room_id;
      }
      if (!known) errors.push_back({"room_id", "not_found"});
    }
    if (in.start) e.start = *in.start;
    if (!id && !in.start) errors.push_back({"start", "required"});
    if (in.capacity) e.capacity = *in.capacity;
    if (!id && !in.capacity && service) e.capacity = service->capacity;
    if (e.capacity < 1 || e.capacity > kMaxCapacity) {
      errors.push_back({"capacity", "out_of_range", kMaxCapacity});
    } else if (e.capacity < e.seats_taken) {
      errors.push_back({"capacity", "out_of_range", e.seats_taken});
    }
    if (in.notes) e.notes = *in.notes;
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    int duration = service->duration;
    std::int64_t price = service->price_min;
    for (const auto& ss : service->staff) {
      if (ss.staff_id == e.staff_id) {
        duration = ss.duration.value_or(duration);
        price = ss.price_min.value_or(price);
      }
    }
    const bool moved = !id || in.start || in.staff_id || in.room_id;
    e.service_name = service->name;
    e.end = e.start + duration * 60L;
    if (!id) e.price = price;
    e.updated_at = now;
    if (!id) e.id = d_.groups.Insert(s, actor.org_id, e);
    if (moved) {
      appointments_.reservations().Release(s, actor.org_id, {std::nullopt, e.id});
      auto taken =
          appointments_.reservations().TakeGroup(s, actor.org_id, e, in.allow_outside_hours, zone);
      if (!taken) return Fail(taken.error());
    }
    d_.groups.Update(s, actor.org_id, e);
    if (moved && id) {
      // The participants' visits follow the class.
      for (auto& a : d_.appointments.OfGroup(s, actor.org_id, e.id)) {
        for (auto& item : a.items) {
          item.staff_id = e.staff_id;
          item.start = e.start;
          item.end = e.end;
          item.room_id = e.room_id;
        }
        ++a.version;
        a.updated_at = now;
        d_.appointments.Update(s, actor.org_id, a);
      }
    }
    d_.audit.Record(s, actor, id ? "group_event.update" : "group_event.create", "group_event", e.id,
                    before, GroupSnapshot(e));
    d_.appointments.AddEvent(s, actor.org_id,
                             {e.branch_id, std::nullopt, e.id, std::nullopt,
                              id ? "group_updated" : "group_created", 1, "{}", now});
    return View(s, actor, e);
  });
  if (saved) {
    d_.feed.Publish({actor.org_id, saved->event.branch_id, "group_event",
                     id ? "updated" : "created", saved->event.id, "", "scheduled", 0});
  }
  return saved;
}

Result<GroupEventView, Error> GroupService::Cancel(const Actor& actor, Id id,
                                                   const std::string& reason) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  const EpochSeconds now = d_.clock.Now();
  auto cancelled = d_.db.Write([&](db::Session& s) -> Result<GroupEventView, Error> {
    auto e = d_.groups.Find(s, actor.org_id, id);
    if (!e) return Fail(Error(ErrorCode::kNotFound));
    if (e->cancelled) return View(s, actor, *e);
    const auto before = GroupSnapshot(*e);
    e->cancelled = true;
    e->updated_at = now;
    d_.groups.Update(s, actor.org_id, *e);
    appointments_.reservations().Release(s, actor.org_id, {std::nullopt, e->id});
    for (auto& a : d_.appointments.OfGroup(s, actor.org_id, e->id)) {
      if (!HoldsTime(a.status)) continue;
      const auto a_before = AppointmentSnapshot(a);
      d_.groups.ChangeSeats(s, actor.org_id, e->id, -1);
      a.status = Status::kCancelled;
      a.cancel_reason = reason;
      a.cancelled_by = "salon";
      ++a.version;
      a.updated_at = now;
      d_.appointments.Update(s, actor.org_id, a);
      appointments_.Record(s, actor, a, "status_changed", a_before);
      appointments_.RecountStats(s, actor.org_id, a.client_id);
    }
    d_.audit.Record(s, actor, "group_event.cancel", "group_event", id, before, GroupSnapshot(*e));
    d_.appointments.AddEvent(s, actor.org_id,
                             {e->branch_id, std::nullopt, e->id, std::nullopt, "group_cancelled", 1,
                              nlohmann::json{{"reason", reason}}.dump(), now});
    return View(s, actor, *e);
  });
  if (cancelled) {
    d_.feed.Publish({actor.org_id, cancelled->event.branch_id, "group_event", "cancelled", id, "",
                     "cancelled", 0});
  }
  return cancelled;
}

Result<AppointmentView, Error> GroupService::AddParticipant(const Actor& actor, Id id, Id client_id,
                                                            const std::string& notes) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  if (notes.size() > 2000)
    return Fail(Error(ErrorCode::kValidation, {{"notes", "too_long", 2000}}));
  const EpochSeconds now = d_.clock.Now();
  std::optional<Appointment> booked;
  auto added = d_.db.Write([&](db::Session& s) -> Result<AppointmentView, Error> {
    auto e = d_.groups.Find(s, actor.org_id, id);
    if (!e) return Fail(Error(ErrorCode::kNotFound));
    if (e->cancelled) return Fail(Error(ErrorCode::kClosed));
    auto clients = d_.clients.FindMany(s, actor, {client_id});
    if (clients.empty() || clients.front().erased || clients.front().merged_into_id) {
      return Fail(Error(ErrorCode::kValidation, {{"client_id", "not_found"}}));
    }
    for (const auto& a : d_.appointments.OfGroup(s, actor.org_id, id)) {
      if (a.client_id == client_id && HoldsTime(a.status)) {
        return Fail(Error(ErrorCode::kAlreadyParticipant));
      }
    }
    if (!d_.groups.ChangeSeats(s, actor.org_id, id, 1)) return Fail(Error(ErrorCode::kGroupFull));
    Appointment a;
    a.branch_id = e->branch_id;
    a.client_id = client_id;
    a.notes = notes;
    a.group_event_id = id;
    a.created_by = actor.user_id;
    a.created_at = a.updated_at = now;
    Item item;
    item.service_id = e->service_id;
    item.service_name = e->service_name;
    item.staff_id = e->staff_id;
    item.room_id = e->room_id;
    item.start = e->start;
    item.end = e->end;
    item.price = e->price;
    item.discount_percent = clients.front().discount_percent;
    a.items.push_back(item);
    d_.appointments.Insert(s, actor.org_id, a);
    appointments_.Record(s, actor, a, "created", nullptr);
    booked = a;  // booked: the card's statistics change with the status, not here
    return appointments_.Views(s, actor, {a}).front();
  });
  if (added) appointments_.Publish(actor.org_id, *booked, "created");
  return added;
}

}  // namespace kvitka::booking
