#include "messaging/domain/come_back.h"

#include <algorithm>
#include <charconv>

#include "core/time.h"

namespace kvitka::messaging {
namespace {

bool IsCivilDate(std::string_view date) { return DaysBetween(date, date).has_value(); }

}  // namespace

std::optional<std::string> ComeBackDay(const ServiceCycle& cycle, int lead_days) {
  if (cycle.repeat_after_days <= 0 || !IsCivilDate(cycle.last_visit)) return std::nullopt;
  const int days_after = std::max(1, cycle.repeat_after_days - std::max(0, lead_days));
  return AddDays(cycle.last_visit, days_after);
}

bool ComeBackDueOn(const ServiceCycle& cycle, int lead_days, std::string_view today,
                   bool has_future_booking) {
  if (has_future_booking) return false;
  const auto day = ComeBackDay(cycle, lead_days);
  if (!day) return false;
  const auto from_day = DaysBetween(*day, today);
  const auto since_visit = DaysBetween(cycle.last_visit, today);
  if (!from_day || !since_visit) return false;
  return *from_day >= 0 && *since_visit <= cycle.repeat_after_days;
}

std::optional<std::string> BirthdayGreetingDay(std::string_view birthday, int year,
                                               int days_before) {
  if (!IsCivilDate(birthday)) return std::nullopt;
  int born = 0;
  std::from_chars(birthday.data(), birthday.data() + 4, born);
  const std::string day = AddYears(birthday, year - born);
  return days_before == 0 ? day : AddDays(day, -days_before);
}

}  // namespace kvitka::messaging
