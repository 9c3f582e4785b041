// What a change of a master's schedule or absences does to their coming days: each date's working
// intervals, and the dates whose hours differ between two versions. Pure: no I/O.
#pragma once

#include <string>
#include <vector>

#include "staff/domain/schedule.h"

namespace kvitka::staff {

// One civil date's working intervals (a shift that runs past midnight belongs to the date it
// starts on).
struct WorkDay {
  std::string date;                 // YYYY-MM-DD
  std::vector<WorkInterval> hours;  // empty: not working that day
};

// The working days of `days` dates from `from` (inclusive) in the zone, one entry per date:
// patterns and exceptions minus absences and the branch's closed dates (as ExpandSchedule).
std::vector<WorkDay> WorkDays(const WorkSchedule& schedule, const std::vector<Absence>& absences,
                              const std::vector<std::string>& closed_dates, const std::string& from,
                              int days, const std::string& zone);

// A date whose hours changed: how they were and how they are now.
struct DayChange {
  std::string date;
  std::vector<WorkInterval> before;
  std::vector<WorkInterval> after;
  friend bool operator==(const DayChange&, const DayChange&) = default;
};

// The dates whose hours differ between `before` and `after` (both from WorkDays over the same
// dates), in date order.
std::vector<DayChange> ChangedDays(const std::vector<WorkDay>& before,
                                   const std::vector<WorkDay>& after);

}  // namespace kvitka::staff
