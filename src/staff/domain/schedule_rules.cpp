// Which pattern applies on a date, the plan of one date, and the checks of a schedule and of
// an absence.
#include <date/date.h>

#include <algorithm>
#include <string>

#include "staff/domain/schedule.h"
#include "staff/domain/schedule_days.h"

namespace kvitka::staff {

namespace {

const DayPlan kDayOff;

constexpr int kMinutesPerDay = 1440;
constexpr int kMaxEnd = 2 * kMinutesPerDay;
constexpr std::size_t kMaxCycleDays = 60;
constexpr int kMaxAbsenceDays = 366;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

std::optional<int> ParseCivilDay(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  const date::year_month_day ymd{date::year{Digits(text, 0, 4)},
                                 date::month{static_cast<unsigned>(Digits(text, 5, 2))},
                                 date::day{static_cast<unsigned>(Digits(text, 8, 2))}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days{ymd}.time_since_epoch().count();
}

MonthDay MonthDayOf(int day) {
  const date::year_month_day ymd{date::sys_days{date::days{day}}};
  const date::year_month_day_last last{ymd.year(), date::month_day_last{ymd.month()}};
  return {static_cast<int>(static_cast<unsigned>(ymd.day())),
          static_cast<int>(static_cast<unsigned>(last.day()))};
}

std::vector<DatedPattern> OrderPatterns(const WorkSchedule& schedule) {
  std::vector<DatedPattern> ordered;
  ordered.reserve(schedule.patterns.size());
  for (const auto& pattern : schedule.patterns) {
    const auto from = ParseCivilDay(pattern.valid_from);
    if (!from) continue;
    int until = kOpenEnd;
    if (!pattern.valid_until.empty()) {
      const auto parsed = ParseCivilDay(pattern.valid_until);
      if (!parsed) continue;
      until = *parsed;
    }
    ordered.push_back({*from, until, &pattern});
  }
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const DatedPattern& a, const DatedPattern& b) { return a.from < b.from; });
  return ordered;
}

const DayPlan* PatternPlan(const DatedPattern& dated, int day, int weekday, int day_of_month) {
  if (day > dated.until) return nullptr;
  const SchedulePattern& p = *dated.pattern;
  switch (p.kind) {
    case PatternKind::kWeekly:
      return static_cast<std::size_t>(weekday) < p.weekdays.size() ? &p.weekdays[weekday]
                                                                   : &kDayOff;
    case PatternKind::kCycle:
      if (p.cycle.empty()) return &kDayOff;
      return &p.cycle[static_cast<std::size_t>(day - dated.from) % p.cycle.size()];
    case PatternKind::kEvenDates:
      return day_of_month % 2 == 0 ? &p.day : &kDayOff;
    case PatternKind::kOddDates:
      return day_of_month % 2 == 1 ? &p.day : &kDayOff;
    case PatternKind::kEveryDay:
      return &p.day;
  }
  return &kDayOff;
}

std::optional<DayPlan> PlanOf(const WorkSchedule& schedule, const std::string& date) {
  const auto day = ParseCivilDay(date);
  if (!day) return std::nullopt;
  for (const auto& exception : schedule.exceptions) {
    if (ParseCivilDay(exception.date) == day) return exception.plan;
  }
  const auto ordered = OrderPatterns(schedule);
  const auto after = std::upper_bound(ordered.begin(), ordered.end(), *day,
                                      [](int d, const DatedPattern& p) { return d < p.from; });
  if (after == ordered.begin()) return std::nullopt;
  const DayPlan* plan = PatternPlan(*std::prev(after), *day, WeekdayOf(*day), MonthDayOf(*day).day);
  if (plan == nullptr) return std::nullopt;
  return *plan;
}

namespace {

bool IsValid(const DayInterval& i) {
  return i.start >= 0 && i.start < i.end && i.end <= kMaxEnd && i.end - i.start <= kMinutesPerDay;
}

void CheckPlan(const DayPlan& plan, const std::string& field,
               std::vector<ScheduleProblem>& problems) {
  for (std::size_t j = 0; j < plan.size(); ++j) {
    const DayInterval& a = plan[j];
    const std::string name = field + "[" + std::to_string(j) + "]";
    if (!IsValid(a)) {
      problems.push_back({name, "invalid_interval"});
      continue;
    }
    for (std::size_t k = 0; k < j; ++k) {
      const DayInterval& b = plan[k];
      if (IsValid(b) && a.start < b.end && b.start < a.end) {
        problems.push_back({name, "overlapping_intervals"});
        break;
      }
    }
  }
}

void CheckPattern(const SchedulePattern& pattern, const std::string& field,
                  std::vector<ScheduleProblem>& problems) {
  const auto from = ParseCivilDay(pattern.valid_from);
  if (!from) problems.push_back({field + ".valid_from", "invalid_date"});
  if (!pattern.valid_until.empty()) {
    const auto until = ParseCivilDay(pattern.valid_until);
    if (!until || (from && *until < *from)) {
      problems.push_back({field + ".valid_until", "invalid_date"});
    }
  }
  switch (pattern.kind) {
    case PatternKind::kWeekly:
      if (pattern.weekdays.size() != 7) {
        problems.push_back({field + ".weekdays", "invalid_value"});
        break;
      }
      for (std::size_t d = 0; d < 7; ++d) {
        CheckPlan(pattern.weekdays[d], field + ".weekdays[" + std::to_string(d) + "]", problems);
      }
      break;
    case PatternKind::kCycle:
      if (pattern.cycle.empty() || pattern.cycle.size() > kMaxCycleDays) {
        problems.push_back({field + ".cycle", "invalid_value"});
        break;
      }
      for (std::size_t d = 0; d < pattern.cycle.size(); ++d) {
        CheckPlan(pattern.cycle[d], field + ".cycle[" + std::to_string(d) + "]", problems);
      }
      break;
    case PatternKind::kEvenDates:
    case PatternKind::kOddDates:
    case PatternKind::kEveryDay:
      CheckPlan(pattern.day, field + ".day", problems);
      break;
  }
}

}  // namespace

std::vector<ScheduleProblem> CheckSchedule(const WorkSchedule& schedule) {
  std::vector<ScheduleProblem> problems;
  for (std::size_t i = 0; i < schedule.patterns.size(); ++i) {
    const SchedulePattern& pattern = schedule.patterns[i];
    const std::string field = "patterns[" + std::to_string(i) + "]";
    CheckPattern(pattern, field, problems);
    const auto from = ParseCivilDay(pattern.valid_from);
    for (std::size_t k = 0; from && k < i; ++k) {
      if (ParseCivilDay(schedule.patterns[k].valid_from) == from) {
        problems.push_back({field + ".valid_from", "invalid_value"});
        break;
      }
    }
  }
  for (std::size_t i = 0; i < schedule.exceptions.size(); ++i) {
    const ScheduleException& exception = schedule.exceptions[i];
    const std::string field = "exceptions[" + std::to_string(i) + "]";
    const auto day = ParseCivilDay(exception.date);
    if (!day) {
      problems.push_back({field + ".date", "invalid_date"});
    } else {
      for (std::size_t k = 0; k < i; ++k) {
        if (ParseCivilDay(schedule.exceptions[k].date) == day) {
          problems.push_back({field + ".date", "invalid_value"});
          break;
        }
      }
    }
    CheckPlan(exception.plan, field + ".intervals", problems);
  }
  return problems;
}

std::vector<ScheduleProblem> CheckAbsence(const Absence& absence) {
  std::vector<ScheduleProblem> problems;
  const auto from = ParseCivilDay(absence.from);
  const auto to = ParseCivilDay(absence.to);
  if (!from) problems.push_back({"from", "invalid_date"});
  if (!to) {
    problems.push_back({"to", "invalid_date"});
  } else if (from && *to < *from) {
    problems.push_back({"to", "invalid_date"});
  } else if (from && *to - *from + 1 > kMaxAbsenceDays) {
    problems.push_back({"to", "out_of_range"});
  }
  return problems;
}

}  // namespace kvitka::staff
