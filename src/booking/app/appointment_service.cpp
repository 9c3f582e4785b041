#include "booking/app/appointment_service.h"

#include <algorithm>
#include <map>

#include "core/time.h"
#include "identity/app/authorize.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

namespace {

bool ChangesTime(const AppointmentPatch& p) { return p.items || p.start || p.staff_id; }

}  // namespace

nlohmann::json AppointmentSnapshot(const Appointment& a) {
  nlohmann::json items = nlohmann::json::array();
  for (const auto& item : a.items) {
    items.push_back({{"service_id", item.service_id},
                     {"staff_id", item.staff_id},
                     {"start", FormatRfc3339Utc(item.start)},
                     {"end", FormatRfc3339Utc(item.end)},
                     {"price", item.price},
                     {"discount_percent", item.discount_percent}});
  }
  return {{"client_id", a.client_id}, {"status", StatusName(a.status)},
          {"notes", a.notes},         {"items", items},
          {"total", a.Total()},       {"version", a.version}};
}

std::vector<AppointmentView> AppointmentService::Views(db::Session& s, const Actor& actor,
                                                       std::vector<Appointment> list) {
  std::vector<Id> ids;
  ids.reserve(list.size());
  for (const auto& a : list) ids.push_back(a.client_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<Id, clients::Client> by_id;
  for (auto& c : d_.clients.Briefs(s, actor, ids)) by_id.emplace(c.id, std::move(c));
  std::vector<AppointmentView> views;
  views.reserve(list.size());
  for (auto& a : list) {
    AppointmentView view;
    if (auto it = by_id.find(a.client_id); it != by_id.end()) view.client = it->second;
    view.appointment = std::move(a);
    views.push_back(std::move(view));
  }
  return views;
}

void AppointmentService::RecountStats(db::Session& s, Id org_id, Id client_id) {
  d_.clients.SetVisitStats(s, org_id, client_id, d_.appointments.StatsOf(s, org_id, client_id));
}

void AppointmentService::Record(db::Session& s, const Actor& actor, const Appointment& a,
                                const std::string& kind, const nlohmann::json& before) {
  const auto after = AppointmentSnapshot(a);
  d_.audit.Record(s, actor, "appointment." + kind, "appointment", a.id, before, after);
  d_.appointments.AddEvent(s, actor.org_id,
                           {a.branch_id, a.id, a.group_event_id, std::nullopt, kind, a.version,
                            nlohmann::json{{"source", SourceName(a.source)},
                                           {"status", StatusName(a.status)},
                                           {"start", FormatRfc3339Utc(a.Start())}}
                                .dump(),
                            d_.clock.Now()});
  // The messages about the visit go into the outbox in this same transaction.
  std::optional<Status> old_status;
  std::optional<EpochSeconds> old_start;
  std::vector<Id> old_masters;
  if (before.is_object()) {
    old_status = ParseStatus(before.value("status", ""));
    const auto& items = before.value("items", nlohmann::json::array());
    if (!items.empty()) old_start = ParseRfc3339(items.front().value("start", ""));
    for (const auto& item : items) old_masters.push_back(item.value("staff_id", Id{0}));
  }
  d_.messages.Changed(s, actor, {kind, a, old_status, old_start, old_masters, d_.clock.Now()});
}

void AppointmentService::Publish(Id org_id, const Appointment& a, const std::string& kind) {
  d_.feed.Publish({org_id, a.branch_id, "appointment", kind, a.id, SourceName(a.source),
                   StatusName(a.status), a.version});
}

Result<AppointmentView, Error> AppointmentService::Create(const Actor& actor,
                                                          const NewAppointment& in) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  if (!d_.branches.Find(actor.org_id, in.branch_id)) {
    return Fail(Error(ErrorCode::kValidation, {{"branch_id", "not_found"}}));
  }
  const std::string zone = BranchZone(d_.branches, actor.org_id, in.branch_id);
  if (in.recurrence && !in.items.empty() && in.items.front().start) {
    auto errors = CheckRecurrence(*in.recurrence, CivilDate(*in.items.front().start, zone));
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  }
  auto created =
      d_.db.Write([&](db::Session& s) { return Book(s, actor, in, zone, d_.clock.Now()); });
  if (created) Announce(actor.org_id, *created);
  return created;
}

void AppointmentService::Announce(Id org_id, const AppointmentView& created) {
  if (created.replayed) return;
  for (const auto& [id, start] : created.series) {
    if (id != created.appointment.id) {
      Appointment ghost = created.appointment;
      ghost.id = id;
      Publish(org_id, ghost, "created");
    }
  }
  Publish(org_id, created.appointment, "created");
}

Result<AppointmentView, Error> AppointmentService::Book(db::Session& s, const Actor& actor,
                                                        const NewAppointment& in,
                                                        const std::string& zone, EpochSeconds now) {
  {
    if (!in.idempotency_key.empty()) {
      if (auto seen = d_.appointments.FindRequest(s, actor.org_id, in.idempotency_key)) {
        if (seen->first != in.fingerprint) return Fail(Error(ErrorCode::kIdempotencyKeyReused));
        auto a = d_.appointments.Find(s, actor.org_id, seen->second);
        if (!a) return Fail(Error(ErrorCode::kNotFound));
        auto views = Views(s, actor, {*a});
        views.front().replayed = true;
        return views.front();
      }
    }
    auto clients = d_.clients.FindMany(s, actor, {in.client_id});
    if (clients.empty() || clients.front().erased || clients.front().merged_into_id) {
      return Fail(Error(ErrorCode::kValidation, {{"client_id", "not_found"}}));
    }
    auto placement = reservations_.Place(s, actor.org_id, in.branch_id, in.items,
                                         clients.front().discount_percent);
    if (!placement) return Fail(placement.error());
    std::vector<EpochSeconds> starts = {placement->items.front().start};
    if (in.recurrence) {
      starts = Occurrences(placement->items.front().start, *in.recurrence, zone);
    }
    AppointmentView view;
    Error collided(ErrorCode::kSlotTaken);
    for (std::size_t k = 0; k < starts.size(); ++k) {
      Placement occurrence = *placement;
      Shift(occurrence.items, starts[k] - starts.front());
      auto holds = reservations_.Check(s, actor.org_id, occurrence, in.allow_outside_hours, zone);
      if (!holds) {
        // A series reports every date that collides; nothing of it is kept.
        if (!in.recurrence) return Fail(holds.error());
        if (holds.error().code != ErrorCode::kSlotTaken &&
            holds.error().code != ErrorCode::kOutsideWorkingHours) {
          return Fail(holds.error());
        }
        collided.code = holds.error().code;
        collided.dates.push_back(starts[k]);
        for (const auto& c : holds.error().conflicts) collided.conflicts.push_back(c);
        continue;
      }
      if (!collided.dates.empty()) continue;  // the series fails: only collect the dates
      Appointment a;
      a.branch_id = in.branch_id;
      a.client_id = in.client_id;
      a.source = in.source;
      a.status = in.status;
      a.notes = in.notes;
      a.created_by = actor.user_id;
      a.created_at = a.updated_at = now;
      a.items = occurrence.items;  // with the rooms chosen
      if (k > 0) a.series_id = view.appointment.id;
      d_.appointments.Insert(s, actor.org_id, a);
      if (auto held = reservations_.Hold(s, actor.org_id, *holds, {a.id, std::nullopt}); !held) {
        return Fail(held.error());
      }
      if (k == 0 && in.recurrence) {
        a.series_id = a.id;
        d_.appointments.Update(s, actor.org_id, a);
      }
      Record(s, actor, a, "created", nullptr);
      if (k == 0) view.appointment = a;
      view.series.emplace_back(a.id, a.Start());
    }
    if (!collided.dates.empty()) return Fail(collided);
    if (!in.recurrence) view.series.clear();
    if (!in.idempotency_key.empty() &&
        !d_.appointments.SaveRequest(s, actor.org_id, in.idempotency_key, in.fingerprint,
                                     view.appointment.id, now)) {
      // The same key was used meanwhile by a concurrent request with another body.
      return Fail(Error(ErrorCode::kIdempotencyKeyReused));
    }
    // A new visit is booked: the card's statistics count only completed, missed and cancelled
    // ones, so they change with the status, not here.
    auto series = std::move(view.series);
    view = Views(s, actor, {view.appointment}).front();
    view.series = std::move(series);
    return view;
  }
}

Result<AppointmentView, Error> AppointmentService::Get(const Actor& actor, Id id) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<AppointmentView, Error> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    if (!a) return Fail(Error(ErrorCode::kNotFound));
    return Views(s, actor, {*a}).front();
  });
}

Result<Done, Error> AppointmentService::Move(db::Session& s, const Actor& actor, Appointment& a,
                                             const AppointmentPatch& patch, const std::string& zone,
                                             std::optional<std::pair<int, int>> wall_shift) {
  if (IsClosed(a.status)) return Fail(Error(ErrorCode::kClosed));
  std::vector<ItemInput> inputs;
  if (patch.items && !wall_shift) {
    inputs = *patch.items;
  } else {
    for (const auto& item : a.items) {
      inputs.push_back({item.service_id, item.staff_id, item.start,
                        static_cast<int>((item.end - item.start) / 60), item.price,
                        item.discount_percent, item.room_id});
    }
  }
  if (patch.staff_id) {
    for (auto& in : inputs) in.staff_id = *patch.staff_id;
  }
  EpochSeconds target = inputs.empty() || !inputs.front().start ? a.Start() : *inputs.front().start;
  if (wall_shift) {
    // A later occurrence moves by the same days and to the same wall time.
    const std::string date = AddDays(CivilDate(a.Start(), zone), wall_shift->first);
    target = LocalInstant(date, wall_shift->second, zone).value_or(a.Start());
  } else if (patch.start) {
    target = *patch.start;
  }
  if (!inputs.empty() && inputs.front().start) {
    const EpochSeconds delta = target - *inputs.front().start;
    for (auto& in : inputs) {
      if (in.start) *in.start += delta;
    }
  }
  auto placement = reservations_.Place(s, actor.org_id, a.branch_id, inputs, 0);
  if (!placement) {
    Error error = placement.error();
    // The request named one master for every item: report it under its own name.
    if (patch.staff_id && !patch.items) {
      for (auto& f : error.fields) {
        if (f.field.ends_with(".staff_id")) f.field = "staff_id";
      }
      error.fields.erase(std::unique(error.fields.begin(), error.fields.end()), error.fields.end());
    }
    return Fail(error);
  }
  const HoldOwner owner{a.id, std::nullopt};
  if (HoldsTime(a.status) && !a.group_event_id) {
    reservations_.Release(s, actor.org_id, owner);
    auto taken =
        reservations_.Take(s, actor.org_id, *placement, owner, patch.allow_outside_hours, zone);
    if (!taken) return Fail(taken.error());
  }
  a.items = placement->items;
  ++a.version;
  return Done{};
}

Result<AppointmentView, Error> AppointmentService::Change(const Actor& actor, Id id,
                                                          const AppointmentPatch& patch) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  auto branch_id = d_.db.Read([&](db::Session& s) -> std::optional<Id> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    return a ? std::optional<Id>(a->branch_id) : std::nullopt;
  });
  if (!branch_id) return Fail(Error(ErrorCode::kNotFound));
  const std::string zone = BranchZone(d_.branches, actor.org_id, *branch_id);
  std::vector<Appointment> changed;
  Span old_span;
  auto result = d_.db.Write([&](db::Session& s) -> Result<AppointmentView, Error> {
    auto a = d_.appointments.Find(s, actor.org_id, id);
    if (!a) return Fail(Error(ErrorCode::kNotFound));
    const auto before = AppointmentSnapshot(*a);
    const EpochSeconds old_start = a->Start();
    old_span = {a->Start(), a->End()};
    if (ChangesTime(patch)) {
      if (auto moved = Move(s, actor, *a, patch, zone, std::nullopt); !moved) {
        return Fail(moved.error());
      }
    }
    if (patch.notes) a->notes = *patch.notes;
    a->updated_at = d_.clock.Now();
    d_.appointments.Update(s, actor.org_id, *a);
    Record(s, actor, *a, ChangesTime(patch) ? "rescheduled" : "updated", before);
    changed.push_back(*a);
    if (patch.following && a->series_id) {
      const int days =
          DaysBetween(CivilDate(old_start, zone), CivilDate(a->Start(), zone)).value_or(0);
      const int minutes = LocalMinutes(a->Start(), zone);
      Error collided(ErrorCode::kSlotTaken);
      for (auto& next : d_.appointments.InSeries(s, actor.org_id, *a->series_id, old_start + 1)) {
        if (next.id == a->id || IsClosed(next.status)) continue;
        const auto next_before = AppointmentSnapshot(next);
        if (ChangesTime(patch)) {
          AppointmentPatch same = patch;
          same.items.reset();
          auto moved = Move(s, actor, next, same, zone, std::make_pair(days, minutes));
          if (!moved && moved.error().code != ErrorCode::kSlotTaken &&
              moved.error().code != ErrorCode::kOutsideWorkingHours) {
            return Fail(moved.error());
          }
          if (!moved) {
            collided.code = moved.error().code;
            collided.dates.push_back(next.Start());
            continue;
          }
        }
        if (patch.notes) next.notes = *patch.notes;
        next.updated_at = a->updated_at;
        d_.appointments.Update(s, actor.org_id, next);
        Record(s, actor, next, ChangesTime(patch) ? "rescheduled" : "updated", next_before);
        changed.push_back(next);
      }
      if (!collided.dates.empty()) return Fail(collided);
    }
    return Views(s, actor, {*a}).front();
  });
  if (result) {
    for (const auto& a : changed) Publish(actor.org_id, a, "updated");
    if (ChangesTime(patch))
      freed_.TimeFreed(actor.org_id, *branch_id, old_span.start, old_span.end);
  }
  return result;
}

}  // namespace kvitka::booking
