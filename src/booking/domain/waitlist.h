// The waitlist: a client asks for services (a master, dates, a time of day) when nothing is free;
// when such a time frees up the entry is offered to the front desk. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/availability.h"
#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::booking {

enum class WaitlistStatus { kWaiting, kOffered, kBooked, kClosed };

// "waiting", "offered", "booked", "closed".
const char* WaitlistStatusName(WaitlistStatus status);
std::optional<WaitlistStatus> ParseWaitlistStatus(std::string_view name);

struct WaitlistEntry {
  Id id = 0;
  Id branch_id = 0;
  Id client_id = 0;
  std::vector<Id> service_ids;
  std::optional<Id> staff_id;
  std::string date_from;         // YYYY-MM-DD
  std::string date_to;           // inclusive
  std::optional<int> time_from;  // minutes of the local day; none: any time
  std::optional<int> time_to;
  std::string notes;
  WaitlistStatus status = WaitlistStatus::kWaiting;
  std::optional<EpochSeconds> offered_start;
  std::optional<Id> offered_staff_id;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
};

// Field errors of an entry's own values ("HH:MM" windows are parsed by the edge).
FieldErrors CheckWaitlistEntry(const WaitlistEntry& entry);

// "10:30" -> 630; nullopt when malformed.
std::optional<int> ParseClockTime(std::string_view text);
std::string FormatClockTime(int minutes);

// The first slot (slots sorted by start) whose start falls inside the entry's time window on
// the local clock (`local_minutes` of each slot, parallel to `slots`).
std::optional<Slot> FirstInWindow(const WaitlistEntry& entry, const std::vector<Slot>& slots,
                                  const std::vector<int>& local_minutes);

}  // namespace kvitka::booking
