// Civil dates as day numbers and the choice of a schedule pattern for a date: what the
// expansion of a schedule and its checks share. Internal to the staff domain.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "staff/domain/schedule.h"

namespace kvitka::staff {

// Days since 1970-01-01 of a strict "YYYY-MM-DD" that names a real date; nullopt otherwise.
std::optional<int> ParseCivilDay(std::string_view text);

// 0 for Monday .. 6 for Sunday.
inline int WeekdayOf(int day) {
  const int shifted = (day + 3) % 7;  // 1970-01-01 was a Thursday
  return shifted < 0 ? shifted + 7 : shifted;
}

// The day of the month (1..31) and the number of days in that month.
struct MonthDay {
  int day = 1;
  int days_in_month = 31;
};
MonthDay MonthDayOf(int day);

// A pattern whose dates parsed: it applies on from..until (inclusive) unless a later one starts.
struct DatedPattern {
  int from = 0;
  int until = 0;  // kOpenEnd when the pattern has no end date
  const SchedulePattern* pattern = nullptr;
};
inline constexpr int kOpenEnd = 1 << 30;

// The patterns with well-formed dates, ordered by `from` (equal starts keep their order, the
// last one wins).
std::vector<DatedPattern> OrderPatterns(const WorkSchedule& schedule);

// The plan `dated` gives `day` (a date on or after dated.from), nullptr when it no longer
// applies (past valid_until). `weekday` and `day_of_month` are those of `day`.
const DayPlan* PatternPlan(const DatedPattern& dated, int day, int weekday, int day_of_month);

}  // namespace kvitka::staff
