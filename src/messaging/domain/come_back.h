// Dates of the messages that bring clients back: the come-back reminder of a service that is
// usually repeated every N days, and the birthday greeting. Civil dates "YYYY-MM-DD" on the
// branch's calendar. Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kvitka::messaging {

// A service the client had, with its repeat cycle (`repeat_after_days` of the catalog service).
struct ServiceCycle {
  std::string last_visit;  // the local date of the last completed visit with the service
  int repeat_after_days = 0;
};

// The day of the come-back reminder: `lead_days` before the cycle ends, but not before the day
// after the visit. nullopt when the service has no cycle (0 or less) or the date is malformed.
std::optional<std::string> ComeBackDay(const ServiceCycle& cycle, int lead_days);

// Whether the come-back reminder goes out on `today`: from its day until the cycle ends (a job
// that missed a day catches up; past the cycle's end the moment has gone), and never when the
// client already has a future booking.
bool ComeBackDueOn(const ServiceCycle& cycle, int lead_days, std::string_view today,
                   bool has_future_booking);

// The day of the birthday greeting in `year`, `days_before` the birthday ("YYYY-MM-DD" of the
// client card); a birthday on 29 February is greeted on 28 February in other years. nullopt for
// an empty or malformed birthday.
std::optional<std::string> BirthdayGreetingDay(std::string_view birthday, int year,
                                               int days_before = 0);

}  // namespace kvitka::messaging
