// Expansion of a work schedule into working intervals (UTC instants) over a range of dates.
//
// The range is walked one civil date at a time with the weekday, the day of the month, the
// pattern, the next exception and the next removed range carried along, so that no date is
// parsed or looked up twice. The zone is located once; its UTC offset is taken from one
// sys_info for as long as the whole day lies safely inside it (months at a time), and only
// the days next to a transition convert each civil time on its own.
#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <limits>

#include "staff/domain/schedule.h"
#include "staff/domain/schedule_days.h"

namespace kvitka::staff {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;
// Local times this close to a transition are converted one by one. UTC offsets never change
// by more than a day at once, so two days keep the ambiguous and missing hours outside.
constexpr std::int64_t kTransitionMargin = 2 * kSecondsPerDay;
// Keeps arithmetic on the open ends of the zone's first and last sys_info far from overflow.
constexpr std::int64_t kFarAway = std::int64_t{1} << 50;

struct DayRange {
  int from = 0;
  int to = 0;
};

struct DatedException {
  int day = 0;
  const DayPlan* plan = nullptr;
};

// Converts civil times (local seconds) of one zone into instants.
class ZoneClock {
 public:
  explicit ZoneClock(const date::time_zone* zone) : zone_(zone) {}

  // True when every local time in [first, last] has one instant at the same offset as now:
  // then Fast() converts them.
  bool Covers(std::int64_t first, std::int64_t last) {
    if (first >= safe_begin_ && last < safe_end_) return true;
    Refresh(first);
    return first >= safe_begin_ && last < safe_end_;
  }
  std::int64_t Fast(std::int64_t local) const { return local - offset_; }

  // A start inside a spring gap moves to the gap's end; a time that occurs twice takes its
  // earlier instant for a start and the later one for an end.
  std::int64_t Convert(std::int64_t local, bool is_end) const {
    const auto info = zone_->get_info(date::local_seconds{std::chrono::seconds{local}});
    switch (info.result) {
      case date::local_info::nonexistent:
        return info.second.begin.time_since_epoch().count();
      case date::local_info::ambiguous:
        return local - (is_end ? info.second.offset : info.first.offset).count();
      case date::local_info::unique:
        break;
    }
    return local - info.first.offset.count();
  }

 private:
  void Refresh(std::int64_t local) {
    const auto info = zone_->get_info(date::sys_seconds{std::chrono::seconds{local - offset_}});
    offset_ = info.offset.count();
    const std::int64_t begin = std::max(info.begin.time_since_epoch().count(), -kFarAway);
    const std::int64_t end = std::min(info.end.time_since_epoch().count(), kFarAway);
    safe_begin_ = begin + offset_ + kTransitionMargin;
    safe_end_ = end + offset_ - kTransitionMargin;
  }

  const date::time_zone* zone_;
  std::int64_t offset_ = 0;
  std::int64_t safe_begin_ = 0;
  std::int64_t safe_end_ = 0;  // empty until the first Refresh
};

const date::time_zone* FindZone(const std::string& name) {
  if (name.empty()) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::exception&) {
    return nullptr;
  }
}

// Absences and closed dates that touch [first, last], sorted and merged.
std::vector<DayRange> RemovedDays(const std::vector<Absence>& absences,
                                  const std::vector<std::string>& closed_dates, int first,
                                  int last) {
  std::vector<DayRange> ranges;
  ranges.reserve(absences.size() + closed_dates.size());
  auto add = [&](std::optional<int> from, std::optional<int> to) {
    if (from && to && *from <= *to && *to >= first && *from <= last) ranges.push_back({*from, *to});
  };
  for (const auto& absence : absences) add(ParseCivilDay(absence.from), ParseCivilDay(absence.to));
  for (const auto& date : closed_dates) {
    const auto day = ParseCivilDay(date);
    add(day, day);
  }
  std::sort(ranges.begin(), ranges.end(),
            [](const DayRange& a, const DayRange& b) { return a.from < b.from; });
  std::size_t merged = 0;
  for (const DayRange& range : ranges) {
    if (merged > 0 && range.from <= ranges[merged - 1].to + 1) {
      ranges[merged - 1].to = std::max(ranges[merged - 1].to, range.to);
    } else {
      ranges[merged++] = range;
    }
  }
  ranges.resize(merged);
  return ranges;
}

// Exceptions dated within [first, last], by date (the first of two on one date wins).
std::vector<DatedException> ExceptionsWithin(const WorkSchedule& schedule, int first, int last) {
  std::vector<DatedException> dated;
  dated.reserve(schedule.exceptions.size());
  for (const auto& exception : schedule.exceptions) {
    const auto day = ParseCivilDay(exception.date);
    if (day && *day >= first && *day <= last) dated.push_back({*day, &exception.plan});
  }
  std::stable_sort(dated.begin(), dated.end(),
                   [](const DatedException& a, const DatedException& b) { return a.day < b.day; });
  return dated;
}

void AppendDay(const DayPlan& plan, int day, ZoneClock& clock, std::vector<WorkInterval>& out) {
  if (plan.empty()) return;
  std::int64_t latest = 0;
  for (const DayInterval& interval : plan) latest = std::max<std::int64_t>(latest, interval.end);
  const std::int64_t midnight = day * kSecondsPerDay;
  const bool fast = clock.Covers(midnight, midnight + latest * 60);
  for (const DayInterval& interval : plan) {
    if (interval.start < 0 || interval.end <= interval.start) continue;
    const std::int64_t start = midnight + std::int64_t{interval.start} * 60;
    const std::int64_t end = midnight + std::int64_t{interval.end} * 60;
    WorkInterval work = fast ? WorkInterval{clock.Fast(start), clock.Fast(end)}
                             : WorkInterval{clock.Convert(start, false), clock.Convert(end, true)};
    if (work.end > work.start) out.push_back(work);
  }
}

void SortAndMerge(std::vector<WorkInterval>& intervals) {
  const auto by_start = [](const WorkInterval& a, const WorkInterval& b) {
    return a.start < b.start;
  };
  if (!std::is_sorted(intervals.begin(), intervals.end(), by_start)) {
    std::sort(intervals.begin(), intervals.end(), by_start);
  }
  std::size_t merged = 0;
  for (const WorkInterval& interval : intervals) {
    if (merged > 0 && interval.start <= intervals[merged - 1].end) {
      intervals[merged - 1].end = std::max(intervals[merged - 1].end, interval.end);
    } else {
      intervals[merged++] = interval;
    }
  }
  intervals.resize(merged);
}

}  // namespace

std::vector<WorkInterval> ExpandSchedule(const WorkSchedule& schedule,
                                         const std::vector<Absence>& absences,
                                         const std::vector<std::string>& closed_dates,
                                         const std::string& from, const std::string& to,
                                         const std::string& zone) {
  std::vector<WorkInterval> out;
  const auto first = ParseCivilDay(from);
  const auto last = ParseCivilDay(to);
  if (!first || !last || *last < *first) return out;
  const date::time_zone* tz = FindZone(zone);
  if (tz == nullptr) return out;

  const std::vector<DatedPattern> patterns = OrderPatterns(schedule);
  const std::vector<DatedException> exceptions = ExceptionsWithin(schedule, *first, *last);
  const std::vector<DayRange> removed = RemovedDays(absences, closed_dates, *first, *last);
  out.reserve(static_cast<std::size_t>(*last - *first + 1) * 2);

  ZoneClock clock(tz);
  std::size_t next_pattern = 0;  // patterns[next_pattern - 1] is the one in force
  std::size_t next_exception = 0;
  std::size_t next_removed = 0;
  int weekday = WeekdayOf(*first);
  MonthDay month_day = MonthDayOf(*first);
  for (int day = *first; day <= *last; ++day) {
    while (next_pattern < patterns.size() && patterns[next_pattern].from <= day) ++next_pattern;
    while (next_removed < removed.size() && removed[next_removed].to < day) ++next_removed;
    const bool is_removed = next_removed < removed.size() && removed[next_removed].from <= day;

    const DayPlan* plan = nullptr;
    if (next_exception < exceptions.size() && exceptions[next_exception].day == day) {
      plan = exceptions[next_exception].plan;
      while (next_exception < exceptions.size() && exceptions[next_exception].day == day) {
        ++next_exception;
      }
    } else if (next_pattern > 0 && !is_removed) {
      plan = PatternPlan(patterns[next_pattern - 1], day, weekday, month_day.day);
    }
    if (plan != nullptr && !is_removed) AppendDay(*plan, day, clock, out);

    weekday = weekday == 6 ? 0 : weekday + 1;
    if (month_day.day == month_day.days_in_month) {
      month_day = MonthDayOf(day + 1);
    } else {
      ++month_day.day;
    }
  }
  SortAndMerge(out);
  return out;
}

}  // namespace kvitka::staff
