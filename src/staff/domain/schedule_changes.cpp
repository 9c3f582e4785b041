#include "staff/domain/schedule_changes.h"

#include <map>

#include "core/time.h"

namespace kvitka::staff {

std::vector<WorkDay> WorkDays(const WorkSchedule& schedule, const std::vector<Absence>& absences,
                              const std::vector<std::string>& closed_dates, const std::string& from,
                              int days, const std::string& zone) {
  std::vector<WorkDay> out;
  out.reserve(days > 0 ? static_cast<std::size_t>(days) : 0);
  for (int i = 0; i < days; ++i) {
    const std::string date = AddDays(from, i);
    out.push_back({date, ExpandSchedule(schedule, absences, closed_dates, date, date, zone)});
  }
  return out;
}

std::vector<DayChange> ChangedDays(const std::vector<WorkDay>& before,
                                   const std::vector<WorkDay>& after) {
  std::map<std::string, DayChange> days;
  for (const auto& day : before) days[day.date].before = day.hours;
  for (const auto& day : after) days[day.date].after = day.hours;
  std::vector<DayChange> changed;
  for (auto& [date, change] : days) {
    if (change.before == change.after) continue;
    change.date = date;
    changed.push_back(std::move(change));
  }
  return changed;
}

}  // namespace kvitka::staff
