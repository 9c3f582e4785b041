// What can be booked: every start at which services fit, through the pure engine, with the
// masters' working intervals, what is held already, rooms and the branch's clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/booking_deps.h"

namespace kvitka::booking {

struct AvailabilityQuery {
  Id branch_id = 0;
  std::vector<Id> service_ids;
  std::optional<Id> staff_id;
  std::string from;  // YYYY-MM-DD
  std::string to;    // inclusive
  bool same_master = false;
  bool online_only = false;  // online booking: online services and masters only
  int lead_minutes = 0;
  int horizon_days = 366;
  int display_step = 0;         // online booking: only starts on this step of the local clock
  std::vector<Hold> own_holds;  // of a visit being moved: its time counts as free
};

struct DaySlots {
  std::string date;
  std::vector<Slot> slots;
};

struct AvailabilityView {
  std::string timezone;
  std::vector<DaySlots> days;
};

inline constexpr int kMaxAvailabilityDays = 31;

class AvailabilityService {
 public:
  explicit AvailabilityService(BookingDeps deps) : d_(deps) {}

  Result<AvailabilityView, Error> Availability(const identity::Actor& actor,
                                               const AvailabilityQuery& query);
  // Without an actor check: for the waitlist and the public booking page.
  Result<AvailabilityView, Error> Find(Id org_id, const AvailabilityQuery& query);
  // The same for a branch read already (query.branch_id is not looked at).
  Result<AvailabilityView, Error> FindIn(const identity::Branch& branch,
                                         const AvailabilityQuery& query);

 private:
  BookingDeps d_;
};

}  // namespace kvitka::booking
