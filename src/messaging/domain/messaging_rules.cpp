#include "messaging/domain/messaging_rules.h"

#include <algorithm>
#include <string>

namespace kvitka::messaging {

FieldErrors CheckMessagingRules(const MessagingRules& rules) {
  FieldErrors errors;
  for (std::size_t i = 0; i < rules.channel_order.size(); ++i) {
    const auto begin = rules.channel_order.begin();
    if (std::find(begin, begin + static_cast<long>(i), rules.channel_order[i]) !=
        begin + static_cast<long>(i)) {
      errors.push_back({"channel_order[" + std::to_string(i) + "]", "duplicate"});
    }
  }
  ReminderRules reminders = rules.reminders;
  for (auto& e : CheckReminderRules(reminders)) {
    if (!e.field.starts_with("quiet_hours")) e.field = "reminders." + e.field;
    errors.push_back(std::move(e));
  }
  for (const auto& [branch_id, quiet] : rules.branch_quiet_hours) {
    if (!quiet) continue;
    ReminderRules at_branch;
    at_branch.quiet_hours = quiet;
    for (auto& e : CheckReminderRules(at_branch)) {
      e.field = "branches[" + std::to_string(branch_id) + "]." + e.field;
      errors.push_back(std::move(e));
    }
  }
  if (rules.feedback_delay_minutes < 0 || rules.feedback_delay_minutes > kMaxFeedbackDelayMinutes) {
    errors.push_back({"feedback_delay_minutes", "out_of_range", kMaxFeedbackDelayMinutes});
  }
  if (rules.come_back_lead_days < 0 || rules.come_back_lead_days > kMaxComeBackLeadDays) {
    errors.push_back({"come_back_lead_days", "out_of_range", kMaxComeBackLeadDays});
  }
  if (rules.birthday_days_before < 0 || rules.birthday_days_before > kMaxBirthdayDaysBefore) {
    errors.push_back({"birthday_days_before", "out_of_range", kMaxBirthdayDaysBefore});
  }
  return errors;
}

}  // namespace kvitka::messaging
