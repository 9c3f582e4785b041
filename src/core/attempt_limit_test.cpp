#include "core/attempt_limit.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(AttemptLimit, BlocksAfterTooManyFailuresInTheWindow) {
  AttemptLimit throttle(3, 900);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.RetryAfter("a", 1000 + i), 0);
    throttle.Record("a", 1000 + i);
  }
  EXPECT_EQ(throttle.RetryAfter("a", 1003), 897);  // the first failure leaves at 1900
  EXPECT_EQ(throttle.RetryAfter("b", 1003), 0);    // other keys are not affected
}

TEST(AttemptLimit, ForgetsOldFailures) {
  AttemptLimit throttle(2, 60);
  throttle.Record("a", 0);
  throttle.Record("a", 10);
  EXPECT_GT(throttle.RetryAfter("a", 20), 0);
  EXPECT_EQ(throttle.RetryAfter("a", 60), 0);
}

TEST(AttemptLimit, ForgetClearsAKey) {
  AttemptLimit throttle(1, 60);
  throttle.Record("a", 0);
  EXPECT_GT(throttle.RetryAfter("a", 1), 0);
  throttle.Forget("a");
  EXPECT_EQ(throttle.RetryAfter("a", 1), 0);
}

}  // namespace
}  // namespace kvitka
