// An organization's messaging rules: which channels the salon tries in which order, when visits
// are reminded of, quiet hours (the organization's, and a branch's own), which kinds of message
// go out at all, and the timing of feedback requests, come-back reminders and birthday
// greetings. Pure: no I/O.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "core/field_error.h"
#include "core/id.h"
#include "messaging/domain/message_kind.h"
#include "messaging/domain/reminder_plan.h"

namespace kvitka::messaging {

struct MessagingRules {
  std::vector<Channel> channel_order = {Channel::kTelegram, Channel::kViber, Channel::kSms,
                                        Channel::kEmail};
  ReminderRules reminders;  // offsets, quiet hours, min lead, min gap after booking
  // A kind missing here is on. Marketing starts off: the salon turns it on when it wants it.
  // The masters' evening notice of tomorrow's shift starts off too (a message a day each).
  std::map<MessageKind, bool> kinds = {{MessageKind::kBirthday, false},
                                       {MessageKind::kComeBack, false},
                                       {MessageKind::kFeedbackRequest, false},
                                       {MessageKind::kStaffShiftTomorrow, false}};
  int feedback_delay_minutes = 120;  // after the visit ends
  int come_back_lead_days = 3;       // before the service's cycle ends
  int birthday_days_before = 0;
  // A branch's own quiet hours (nullopt inside: none at that branch); a branch missing here has
  // the organization's.
  std::map<Id, std::optional<QuietHours>> branch_quiet_hours;

  bool Sends(MessageKind kind) const {
    auto it = kinds.find(kind);
    return it == kinds.end() || it->second;
  }
  // The reminder rules at one branch (its quiet hours).
  ReminderRules AtBranch(Id branch_id) const {
    ReminderRules rules = reminders;
    if (auto it = branch_quiet_hours.find(branch_id); it != branch_quiet_hours.end()) {
      rules.quiet_hours = it->second;
    }
    return rules;
  }
};

inline constexpr int kMaxFeedbackDelayMinutes = 7 * 24 * 60;
inline constexpr int kMaxComeBackLeadDays = 60;
inline constexpr int kMaxBirthdayDaysBefore = 30;

// Field errors of the rules ("channel_order[1]", "reminders.offsets[0]", "quiet_hours.start",
// "feedback_delay_minutes", ...).
FieldErrors CheckMessagingRules(const MessagingRules& rules);

}  // namespace kvitka::messaging
