#include "messaging/domain/retry_policy.h"

#include <algorithm>
#include <cmath>

namespace kvitka::messaging {
namespace {

constexpr EpochSeconds kFeedbackWindow = EpochSeconds{3} * 86400;

// `seconds` spread by up to `percent` either way: jitter 0 -> -percent, 0.5 -> 0, 1 -> +percent.
EpochSeconds Spread(EpochSeconds seconds, int percent, double jitter) {
  const double share = (2.0 * jitter - 1.0) * percent / 100.0;
  return std::max<EpochSeconds>(1, seconds + std::llround(static_cast<double>(seconds) * share));
}

}  // namespace

std::optional<EpochSeconds> SendDeadline(MessageKind kind,
                                         std::optional<EpochSeconds> visit_start) {
  if (!visit_start) return std::nullopt;
  switch (kind) {
    case MessageKind::kBookingConfirmation:
    case MessageKind::kReminder:
    case MessageKind::kRescheduled:
    case MessageKind::kCancelled:
    case MessageKind::kWaitlistOffer:
    case MessageKind::kStaffNewBooking:
    case MessageKind::kStaffBookingMoved:
    case MessageKind::kStaffBookingCancelled:
    case MessageKind::kStaffShiftTomorrow:
      return *visit_start;
    case MessageKind::kFeedbackRequest:
      return *visit_start + kFeedbackWindow;
    case MessageKind::kStaffScheduleChanged:
    case MessageKind::kBirthday:
    case MessageKind::kComeBack:
    case MessageKind::kCampaign:
      break;
  }
  return std::nullopt;
}

bool StillWorthSending(MessageKind kind, std::optional<EpochSeconds> visit_start,
                       EpochSeconds now) {
  const auto deadline = SendDeadline(kind, visit_start);
  return !deadline || now < *deadline;
}

RetryDecision NextAttempt(const RetryPolicy& policy, int failed_attempts, SendFailure failure,
                          std::optional<int> retry_after, double jitter, EpochSeconds now,
                          std::optional<EpochSeconds> deadline) {
  const RetryDecision give_up{true, 0};
  if (failure == SendFailure::kPermanent) return give_up;
  if (failed_attempts < 1 || failed_attempts > static_cast<int>(policy.delays.size())) {
    return give_up;
  }
  jitter = std::clamp(jitter, 0.0, 1.0);
  const EpochSeconds backoff = policy.delays[static_cast<std::size_t>(failed_attempts - 1)];
  EpochSeconds wait = Spread(backoff, policy.jitter_percent, jitter);
  if (failure == SendFailure::kRateLimited && retry_after && *retry_after >= 0) {
    const EpochSeconds least = std::max(1, *retry_after);
    wait =
        least + std::llround(static_cast<double>(least) * policy.jitter_percent / 100.0 * jitter);
  }
  const EpochSeconds retry_at = now + wait;
  if (deadline && retry_at >= *deadline) return give_up;
  return {false, retry_at};
}

}  // namespace kvitka::messaging
