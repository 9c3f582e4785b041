#include "booking/domain/online_rules.h"

#include <algorithm>
#include <array>

#include "booking/domain/timeline.h"
#include "core/text.h"

namespace kvitka::booking {

FieldErrors CheckOnlineRules(const OnlineRules& r) {
  FieldErrors errors;
  if (r.lead_minutes < 0 || r.lead_minutes > kMaxRuleMinutes) {
    errors.push_back({"lead_minutes", "out_of_range", kMaxRuleMinutes});
  }
  if (r.horizon_days < 1 || r.horizon_days > 366) {
    errors.push_back({"horizon_days", "out_of_range", 366});
  }
  constexpr std::array kSteps = {5, 10, 15, 20, 30, 60};
  if (std::find(kSteps.begin(), kSteps.end(), r.step_minutes) == kSteps.end()) {
    errors.push_back({"step_minutes", "invalid_value"});
  }
  if (r.cancel_deadline_minutes < 0 || r.cancel_deadline_minutes > kMaxRuleMinutes) {
    errors.push_back({"cancel_deadline_minutes", "out_of_range", kMaxRuleMinutes});
  }
  if (r.max_future_bookings < 1 || r.max_future_bookings > 50) {
    errors.push_back({"max_future_bookings", "out_of_range", 50});
  }
  if (Utf8Length(r.message) > kMaxOnlineMessage) {
    errors.push_back({"message", "too_long", static_cast<std::int64_t>(kMaxOnlineMessage)});
  }
  return errors;
}

bool OnStep(EpochSeconds start, int step_minutes,
            const std::vector<std::pair<EpochSeconds, int>>& utc_offsets) {
  LocalGrid grid(utc_offsets, step_minutes);
  return grid.NextFrom(start) == start;
}

bool ClientMayChange(const Appointment& a, const OnlineRules& rules, EpochSeconds now) {
  if (IsClosed(a.status) || a.status == Status::kArrived) return false;
  return now <= ChangeDeadline(a, rules);
}

bool IsBlackListTag(std::string_view tag_name) {
  std::string letters;
  for (char c : FoldCase(tag_name)) {
    if (c != ' ' && c != '-' && c != '_') letters += c;
  }
  return letters == "blacklist" || letters == "чорнийсписок" || letters == "черныйсписок";
}

}  // namespace kvitka::booking
