// Turning a request's items into priced, timed items, and taking or releasing the time they
// hold inside the caller's write transaction: the one place where double booking is refused.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/booking_deps.h"

namespace kvitka::booking {

struct ItemInput {
  Id service_id = 0;
  Id staff_id = 0;
  std::optional<EpochSeconds> start;    // none: right after the previous item
  std::optional<int> duration;          // minutes; none: the master's or the service's
  std::optional<std::int64_t> price;    // none: the master's or the service's (lowest) price
  std::optional<int> discount_percent;  // none: the client's discount
  std::optional<Id> room_id;            // none: any free room the service may use
};

// Items ready to be held, with the rooms each may still choose from.
struct Placement {
  Id branch_id = 0;
  RoomCapacities rooms;  // of the branch
  std::vector<Item> items;
  std::vector<std::vector<Id>> room_choices;  // per item; empty: no room or a chosen one
};

class Reservations {
 public:
  explicit Reservations(BookingDeps& deps) : d_(deps) {}

  // Checks services, masters and rooms (field errors named items[i].field) and fills times,
  // durations, prices and processing gaps.
  Result<Placement, Error> Place(db::Session& s, Id org_id, Id branch_id,
                                 const std::vector<ItemInput>& inputs, int client_discount);

  // Checks the time of the items (choosing rooms where free) and locks their masters and rooms
  // until the transaction ends: refuses a collision with another booking (a booking being moved
  // releases its own holds first), and time outside working hours unless `allow_outside_hours`.
  // Gives the holds to save with Hold() once the owner exists.
  Result<std::vector<booking::Hold>, Error> Check(db::Session& s, Id org_id, Placement& placement,
                                                  bool allow_outside_hours,
                                                  const std::string& zone);
  // Check() and Hold() for an owner that exists already.
  Result<Done, Error> Take(db::Session& s, Id org_id, Placement& placement, const HoldOwner& owner,
                           bool allow_outside_hours, const std::string& zone) {
    auto holds = Check(s, org_id, placement, allow_outside_hours, zone);
    if (!holds) return Fail(holds.error());
    return Hold(s, org_id, *holds, owner);
  }
  // Saves the holds; a slot-taken error when the database refuses an overlap.
  Result<Done, Error> Hold(db::Session& s, Id org_id, const std::vector<booking::Hold>& holds,
                           const HoldOwner& owner);

  // Takes a group class's master and room.
  Result<Done, Error> TakeGroup(db::Session& s, Id org_id, const GroupEvent& event,
                                bool allow_outside_hours, const std::string& zone);

  void Release(db::Session& s, Id org_id, const HoldOwner& owner) {
    d_.appointments.ReleaseHolds(s, org_id, owner);
  }

  RoomCapacities Capacities(db::Session& s, Id org_id, Id branch_id);

 private:
  bool Working(db::Session& s, Id org_id, Id branch_id, const std::vector<Item>& items,
               const std::string& zone);

  BookingDeps& d_;
};

}  // namespace kvitka::booking
