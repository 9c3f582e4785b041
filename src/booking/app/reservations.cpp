#include "booking/app/reservations.h"

#include <algorithm>

#include "core/time.h"

namespace kvitka::booking {
namespace {

constexpr int kMinDuration = 5;
constexpr int kMaxDuration = 12 * 60;

std::string Field(std::size_t i, const char* name) {
  return "items[" + std::to_string(i) + "]." + name;
}

// A slot-taken error naming what is in the way: the existing holds that meet the wanted ones
// which collided (or those, when the collision is within the request itself).
Error Taken(const std::vector<Hold>& collisions, const std::vector<Hold>& existing) {
  Error error(ErrorCode::kSlotTaken);
  for (const auto& wanted : collisions) {
    bool named = false;
    for (const auto& other : existing) {
      if (other.resource == wanted.resource && other.resource_id == wanted.resource_id &&
          other.span.start < wanted.span.end && wanted.span.start < other.span.end &&
          std::find(error.conflicts.begin(), error.conflicts.end(), other) ==
              error.conflicts.end()) {
        error.conflicts.push_back(other);
        named = true;
      }
    }
    if (!named) error.conflicts.push_back(wanted);
  }
  return error;
}

}  // namespace

RoomCapacities Reservations::Capacities(db::Session& s, Id org_id, Id branch_id) {
  RoomCapacities rooms;
  for (const auto& room : d_.catalog.RoomsIn(s, org_id, branch_id)) {
    rooms.emplace_back(room.id, room.capacity);
  }
  return rooms;
}

Result<Placement, Error> Reservations::Place(db::Session& s, Id org_id, Id branch_id,
                                             const std::vector<ItemInput>& inputs,
                                             int client_discount) {
  FieldErrors errors;
  Placement placement;
  placement.branch_id = branch_id;
  if (inputs.empty()) errors.push_back({"items", "required"});
  if (inputs.size() > 10) errors.push_back({"items", "too_many", 10});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  placement.rooms = Capacities(s, org_id, branch_id);
  std::vector<Id> branch_rooms;
  for (const auto& [room, capacity] : placement.rooms) branch_rooms.push_back(room);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const ItemInput& in = inputs[i];
    Item item;
    item.service_id = in.service_id;
    item.staff_id = in.staff_id;
    const auto service = d_.catalog.FindServiceIn(s, org_id, in.service_id);
    if (!service) {
      errors.push_back({Field(i, "service_id"), "not_found"});
    } else if (service->archived) {
      errors.push_back({Field(i, "service_id"), "archived"});
    } else if (service->group) {
      errors.push_back({Field(i, "service_id"), "group_service"});
    }
    const auto member = d_.staff.FindIn(s, org_id, in.staff_id);
    if (!member) {
      errors.push_back({Field(i, "staff_id"), "not_found"});
    } else if (member->archived) {
      errors.push_back({Field(i, "staff_id"), "archived"});
    } else if (member->branch_id != branch_id) {
      errors.push_back({Field(i, "staff_id"), "other_branch"});
    }
    if (!service || !member) continue;
    const catalog::ServiceStaff* own = nullptr;
    for (const auto& ss : service->staff) {
      if (ss.staff_id == in.staff_id) own = &ss;
    }
    if (!own) {
      errors.push_back({Field(i, "staff_id"), "not_performed"});
      continue;
    }
    item.service_name = service->name;
    const int duration = in.duration.value_or(own->duration.value_or(service->duration));
    if (duration < kMinDuration || duration > kMaxDuration) {
      errors.push_back({Field(i, "duration"), "out_of_range", kMaxDuration});
      continue;
    }
    item.price = in.price.value_or(own->price_min.value_or(service->price_min));
    item.discount_percent = in.discount_percent.value_or(client_discount);
    if (item.price < 0 || item.price > 100'000'000'00LL) {
      errors.push_back({Field(i, "price"), "out_of_range"});
    }
    if (item.discount_percent < 0 || item.discount_percent > 100) {
      errors.push_back({Field(i, "discount_percent"), "out_of_range", 100});
    }
    item.buffer_after = service->buffer_after;
    // Back to back: right after the previous item, or after this master's earlier item and
    // its buffer (the same rule as the availability engine).
    if (in.start) {
      item.start = *in.start;
    } else if (i == 0) {
      errors.push_back({Field(i, "start"), "required"});
      continue;
    } else if (!placement.items.empty()) {
      item.start = placement.items.back().end;
      for (const auto& earlier : placement.items) {
        if (earlier.staff_id == item.staff_id) {
          item.start = std::max(item.start, earlier.end + earlier.buffer_after * 60L);
        }
      }
    }
    item.end = item.start + duration * 60L;
    if (service->processing &&
        service->processing->start + service->processing->duration <= duration) {
      const EpochSeconds from = item.start + service->processing->start * 60L;
      item.processing = Span{from, from + service->processing->duration * 60L};
    }
    std::vector<Id> choices;
    if (in.room_id) {
      if (std::find(branch_rooms.begin(), branch_rooms.end(), *in.room_id) == branch_rooms.end()) {
        errors.push_back({Field(i, "room_id"), "not_found"});
      }
      item.room_id = in.room_id;
    } else {
      for (Id room : service->room_ids) {
        if (std::find(branch_rooms.begin(), branch_rooms.end(), room) != branch_rooms.end()) {
          choices.push_back(room);
        }
      }
      if (!service->room_ids.empty() && choices.empty()) {
        errors.push_back({Field(i, "room_id"), "required"});
      }
    }
    placement.items.push_back(item);
    placement.room_choices.push_back(choices);
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  return placement;
}

Result<Done, Error> Reservations::Hold(db::Session& s, Id org_id,
                                       const std::vector<booking::Hold>& holds,
                                       const HoldOwner& owner) {
  if (!d_.appointments.AddHolds(s, org_id, holds, owner)) {
    Error error(ErrorCode::kSlotTaken);
    error.conflicts = holds;
    return Fail(error);
  }
  return Done{};
}

bool Reservations::Working(db::Session& s, Id org_id, Id branch_id, const std::vector<Item>& items,
                           const std::string& zone) {
  std::vector<Id> staff_ids;
  EpochSeconds first = items.front().start, last = items.front().end;
  for (const auto& item : items) {
    if (std::find(staff_ids.begin(), staff_ids.end(), item.staff_id) == staff_ids.end()) {
      staff_ids.push_back(item.staff_id);
    }
    first = std::min(first, item.start);
    last = std::max(last, item.end);
  }
  // The day before too: a night shift that started yesterday may cover the item.
  auto by_staff =
      d_.staff.WorkingOfMany(s, org_id, branch_id, staff_ids, AddDays(CivilDate(first, zone), -1),
                             CivilDate(last, zone), zone);
  std::vector<std::pair<Id, std::vector<Span>>> working;
  for (Id id : staff_ids) {
    std::vector<Span> spans;
    for (const auto& w : by_staff[id]) spans.push_back({w.start, w.end});
    working.emplace_back(id, std::move(spans));
  }
  return InsideWorkingHours(items, working);
}

Result<std::vector<Hold>, Error> Reservations::Check(db::Session& s, Id org_id,
                                                     Placement& placement, bool allow_outside_hours,
                                                     const std::string& zone) {
  auto& items = placement.items;
  if (items.empty()) return std::vector<booking::Hold>{};
  // Lock every master and every room this visit may use, then read what they hold.
  std::vector<booking::Hold> lockable;
  for (std::size_t i = 0; i < items.size(); ++i) {
    lockable.push_back({Hold::Resource::kStaff, items[i].staff_id, {items[i].start, items[i].end}});
    if (items[i].room_id) {
      lockable.push_back(
          {Hold::Resource::kRoom, *items[i].room_id, {items[i].start, items[i].end}});
    }
    for (Id room : placement.room_choices[i]) {
      lockable.push_back({Hold::Resource::kRoom, room, {items[i].start, items[i].end}});
    }
  }
  const EpochSeconds from = std::min_element(items.begin(), items.end(), [](auto& a, auto& b) {
                              return a.start < b.start;
                            })->start;
  EpochSeconds to = from;
  for (const auto& item : items) to = std::max(to, item.end + item.buffer_after * 60L);
  for (auto& h : lockable) h.span = {from, to};
  d_.appointments.Lock(s, org_id, lockable);
  const auto existing = d_.appointments.Overlapping(s, org_id, lockable);
  const RoomCapacities& capacities = placement.rooms;
  // Rooms not chosen yet: the first of the service's rooms with a place, in its order.
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (placement.room_choices[i].empty()) continue;
    items[i].room_id = placement.room_choices[i].front();
    for (Id room : placement.room_choices[i]) {
      items[i].room_id = room;
      std::vector<Item> so_far(items.begin(), items.begin() + static_cast<long>(i) + 1);
      bool room_free = true;
      for (const auto& c : Collisions(HoldsOf(so_far, capacities), existing, capacities)) {
        room_free = room_free && !(c.resource == Hold::Resource::kRoom && c.resource_id == room);
      }
      if (room_free) break;
    }
    placement.room_choices[i].clear();
  }
  const auto holds = HoldsOf(items, capacities);
  if (auto collisions = Collisions(holds, existing, capacities); !collisions.empty()) {
    return Fail(Taken(collisions, existing));
  }
  if (!allow_outside_hours && !Working(s, org_id, placement.branch_id, items, zone)) {
    return Fail(Error(ErrorCode::kOutsideWorkingHours));
  }
  return holds;
}

Result<Done, Error> Reservations::TakeGroup(db::Session& s, Id org_id, const GroupEvent& event,
                                            bool allow_outside_hours, const std::string& zone) {
  const RoomCapacities capacities = Capacities(s, org_id, event.branch_id);
  const auto holds =
      GroupHolds(event.staff_id, event.room_id, {event.start, event.end}, capacities);
  d_.appointments.Lock(s, org_id, holds);
  const HoldOwner owner{std::nullopt, event.id};
  const auto existing = d_.appointments.Overlapping(s, org_id, holds);
  if (auto collisions = Collisions(holds, existing, capacities); !collisions.empty()) {
    return Fail(Taken(collisions, existing));
  }
  Item as_item;
  as_item.staff_id = event.staff_id;
  as_item.start = event.start;
  as_item.end = event.end;
  if (!allow_outside_hours && !Working(s, org_id, event.branch_id, {as_item}, zone)) {
    return Fail(Error(ErrorCode::kOutsideWorkingHours));
  }
  return Hold(s, org_id, holds, owner);
}

}  // namespace kvitka::booking
