#include "messaging/domain/retry_policy.h"

#include <gtest/gtest.h>

namespace kvitka::messaging {
namespace {

constexpr EpochSeconds kNow = 1'800'000'000;
constexpr EpochSeconds kDay = 86400;

RetryDecision After(int failed, SendFailure failure = SendFailure::kTemporary, double jitter = 0.5,
                    std::optional<int> retry_after = std::nullopt,
                    std::optional<EpochSeconds> deadline = std::nullopt) {
  return NextAttempt(RetryPolicy{}, failed, failure, retry_after, jitter, kNow, deadline);
}

TEST(MessagingRetry, BacksOffThenGivesUp) {
  EXPECT_EQ(After(1), (RetryDecision{false, kNow + 30}));
  EXPECT_EQ(After(2), (RetryDecision{false, kNow + 120}));
  EXPECT_EQ(After(3), (RetryDecision{false, kNow + 600}));
  EXPECT_EQ(After(4), (RetryDecision{false, kNow + 1800}));
  EXPECT_EQ(After(5), (RetryDecision{false, kNow + 7200}));
  EXPECT_TRUE(After(6).give_up);
  EXPECT_TRUE(After(0).give_up);
}

TEST(MessagingRetry, JitterSpreadsByTwentyPercentEitherWay) {
  EXPECT_EQ(After(3, SendFailure::kTemporary, 0.0).retry_at, kNow + 480);
  EXPECT_EQ(After(3, SendFailure::kTemporary, 0.999999).retry_at, kNow + 720);
  EXPECT_EQ(After(3, SendFailure::kTemporary, 0.75).retry_at, kNow + 660);
  EXPECT_EQ(After(3, SendFailure::kTemporary, 7.0).retry_at, kNow + 720);  // clamped
  RetryPolicy exact;
  exact.jitter_percent = 0;
  EXPECT_EQ(NextAttempt(exact, 1, SendFailure::kTemporary, std::nullopt, 0.0, kNow).retry_at,
            kNow + 30);
}

TEST(MessagingRetry, RateLimitWaitsWhatTheProviderSaysAtLeast) {
  EXPECT_EQ(After(1, SendFailure::kRateLimited, 0.0, 17), (RetryDecision{false, kNow + 17}));
  EXPECT_EQ(After(1, SendFailure::kRateLimited, 0.5, 100), (RetryDecision{false, kNow + 110}));
  EXPECT_EQ(After(1, SendFailure::kRateLimited, 0.0, 0), (RetryDecision{false, kNow + 1}));
  // Without retry_after the backoff decides.
  EXPECT_EQ(After(2, SendFailure::kRateLimited), (RetryDecision{false, kNow + 120}));
  EXPECT_TRUE(After(6, SendFailure::kRateLimited, 0.0, 5).give_up);
}

TEST(MessagingRetry, PermanentFailuresGiveUpAtOnce) {
  EXPECT_TRUE(After(1, SendFailure::kPermanent).give_up);
}

TEST(MessagingRetry, NoRetryAtOrPastTheDeadline) {
  EXPECT_TRUE(After(3, SendFailure::kTemporary, 0.5, std::nullopt, kNow + 600).give_up);
  EXPECT_FALSE(After(3, SendFailure::kTemporary, 0.5, std::nullopt, kNow + 601).give_up);
}

TEST(MessagingRetry, NeverAReminderAfterTheVisitStarted) {
  const EpochSeconds start = kNow + 3600;
  EXPECT_TRUE(StillWorthSending(MessageKind::kReminder, start, start - 1));
  EXPECT_FALSE(StillWorthSending(MessageKind::kReminder, start, start));
  EXPECT_FALSE(StillWorthSending(MessageKind::kBookingConfirmation, start, start + 60));
  EXPECT_FALSE(StillWorthSending(MessageKind::kStaffShiftTomorrow, start, start + 60));
  EXPECT_FALSE(StillWorthSending(MessageKind::kWaitlistOffer, start, start));
  EXPECT_TRUE(StillWorthSending(MessageKind::kFeedbackRequest, start, start + 2 * kDay));
  EXPECT_FALSE(StillWorthSending(MessageKind::kFeedbackRequest, start, start + 3 * kDay));
  EXPECT_TRUE(StillWorthSending(MessageKind::kCampaign, std::nullopt, kNow));
  EXPECT_TRUE(StillWorthSending(MessageKind::kBirthday, start, start + kDay));
  EXPECT_EQ(SendDeadline(MessageKind::kReminder, start), start);
  EXPECT_FALSE(SendDeadline(MessageKind::kReminder, std::nullopt).has_value());
}

TEST(MessagingRetry, DeadlineAndBackoffTogether) {
  // A reminder failing 10 minutes before the visit: the third retry (10 min) would be too late.
  const EpochSeconds start = kNow + 600;
  const auto deadline = SendDeadline(MessageKind::kReminder, start);
  EXPECT_FALSE(After(2, SendFailure::kTemporary, 0.5, std::nullopt, deadline).give_up);
  EXPECT_TRUE(After(3, SendFailure::kTemporary, 0.5, std::nullopt, deadline).give_up);
}

}  // namespace
}  // namespace kvitka::messaging
