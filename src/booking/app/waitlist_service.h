// The waitlist: requests for a time when nothing was free, offered to the front desk as soon as
// a matching time frees up (and recorded for messaging to notify the client).
#pragma once

#include <optional>
#include <vector>

#include "booking/app/appointment_service.h"
#include "booking/app/availability_service.h"

namespace kvitka::booking {

struct WaitlistView {
  WaitlistEntry entry;
  std::optional<clients::Client> client;
};

class WaitlistService final : public TimeFreedListener {
 public:
  WaitlistService(BookingDeps deps, AvailabilityService& availability)
      : d_(deps), availability_(availability) {}

  Result<std::vector<WaitlistView>, Error> List(const identity::Actor& actor, Id branch_id,
                                                std::optional<WaitlistStatus> status);
  Result<WaitlistView, Error> Add(const identity::Actor& actor, WaitlistEntry entry);
  // Add() inside the caller's write transaction (entry checked already); Announce() after it.
  Result<WaitlistView, Error> AddIn(db::Session& s, const identity::Actor& actor,
                                    WaitlistEntry entry, EpochSeconds now);
  void Announce(Id org_id, const WaitlistView& added);
  Result<WaitlistView, Error> Change(const identity::Actor& actor, Id id,
                                     std::optional<WaitlistStatus> status,
                                     const std::optional<std::string>& notes);

  // Offers the first matching free time to each waiting entry of the branch whose dates meet
  // [from, to).
  void TimeFreed(Id org_id, Id branch_id, EpochSeconds from, EpochSeconds to) override;

 private:
  WaitlistView View(db::Session& s, const identity::Actor& actor, WaitlistEntry entry);

  BookingDeps d_;
  AvailabilityService& availability_;
};

}  // namespace kvitka::booking
