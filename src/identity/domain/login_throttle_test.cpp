#include "identity/domain/login_throttle.h"

#include <gtest/gtest.h>

namespace kvitka::identity {
namespace {

TEST(LoginThrottle, BlocksAfterTooManyFailuresInTheWindow) {
  LoginThrottle throttle(3, 900);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.RetryAfter("a", 1000 + i), 0);
    throttle.RecordFailure("a", 1000 + i);
  }
  EXPECT_EQ(throttle.RetryAfter("a", 1003), 897);  // the first failure leaves at 1900
  EXPECT_EQ(throttle.RetryAfter("b", 1003), 0);    // other keys are not affected
}

TEST(LoginThrottle, ForgetsOldFailures) {
  LoginThrottle throttle(2, 60);
  throttle.RecordFailure("a", 0);
  throttle.RecordFailure("a", 10);
  EXPECT_GT(throttle.RetryAfter("a", 20), 0);
  EXPECT_EQ(throttle.RetryAfter("a", 60), 0);
}

TEST(LoginThrottle, ForgetClearsAKey) {
  LoginThrottle throttle(1, 60);
  throttle.RecordFailure("a", 0);
  EXPECT_GT(throttle.RetryAfter("a", 1), 0);
  throttle.Forget("a");
  EXPECT_EQ(throttle.RetryAfter("a", 1), 0);
}

}  // namespace
}  // namespace kvitka::identity
