#include "channels/pacer.h"

#include <gtest/gtest.h>

#include <string>

namespace kvitka::channels {
namespace {

constexpr EpochMillis kT0 = 1'784'376'000'000;

TEST(ChannelsPacer, OneMessagePerSecondPerChat) {
  Pacer pacer;
  EXPECT_EQ(pacer.NextAllowed("chat-1", kT0), kT0);
  EXPECT_TRUE(pacer.TryAcquire("chat-1", kT0));
  EXPECT_EQ(pacer.NextAllowed("chat-1", kT0 + 10), kT0 + 1000);
  EXPECT_FALSE(pacer.TryAcquire("chat-1", kT0 + 999));
  EXPECT_TRUE(pacer.TryAcquire("chat-1", kT0 + 1000));
  // Another chat is not held back by the first one.
  EXPECT_EQ(pacer.NextAllowed("chat-2", kT0 + 1000), kT0 + 1000);
}

TEST(ChannelsPacer, ThirtyPerSecondOverall) {
  Pacer pacer;
  for (int i = 0; i < 30; ++i) {
    ASSERT_TRUE(pacer.TryAcquire("chat-" + std::to_string(i), kT0 + i)) << i;
  }
  // The 31st waits until the first of the 30 has left the one-second window.
  EXPECT_EQ(pacer.NextAllowed("chat-new", kT0 + 30), kT0 + 1000);
  EXPECT_FALSE(pacer.TryAcquire("chat-new", kT0 + 999));
  EXPECT_TRUE(pacer.TryAcquire("chat-new", kT0 + 1000));
  EXPECT_EQ(pacer.NextAllowed("chat-newer", kT0 + 1000), kT0 + 1001);
}

TEST(ChannelsPacer, SustainedRateNeverExceedsTheLimitInAnyWindow) {
  Pacer pacer;
  std::vector<EpochMillis> sent;
  EpochMillis now = kT0;
  for (int i = 0; i < 300; ++i) {
    const std::string key = "chat-" + std::to_string(i % 7);
    now = std::max(now, pacer.NextAllowed(key, now));
    pacer.Record(key, now);
    sent.push_back(now);
  }
  for (std::size_t i = 30; i < sent.size(); ++i) {
    EXPECT_GE(sent[i] - sent[i - 30], 1000) << i;  // 31 sends never fit in one second
  }
}

TEST(ChannelsPacer, TheLimitsAreSettings) {
  Pacer pacer({.key_interval = 3000, .limit = 2, .window = 500});
  EXPECT_TRUE(pacer.TryAcquire("a", kT0));
  EXPECT_TRUE(pacer.TryAcquire("b", kT0));
  EXPECT_EQ(pacer.NextAllowed("c", kT0), kT0 + 500);
  EXPECT_EQ(pacer.NextAllowed("a", kT0 + 600), kT0 + 3000);
  Pacer unlimited({.key_interval = 1000, .limit = 0, .window = 1000});
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(unlimited.TryAcquire(std::to_string(i), kT0));
}

TEST(ChannelsPacer, HoldsAfterA429) {
  Pacer pacer;
  pacer.HoldKey("chat-1", kT0 + 35'000);
  EXPECT_EQ(pacer.NextAllowed("chat-1", kT0), kT0 + 35'000);
  EXPECT_EQ(pacer.NextAllowed("chat-2", kT0), kT0);
  pacer.HoldAll(kT0 + 5000);
  EXPECT_EQ(pacer.NextAllowed("chat-2", kT0), kT0 + 5000);
  EXPECT_EQ(pacer.NextAllowed("chat-1", kT0), kT0 + 35'000);
  pacer.HoldAll(kT0 + 1000);  // an earlier hold does not shorten a later one
  EXPECT_EQ(pacer.NextAllowed("chat-2", kT0), kT0 + 5000);
}

TEST(ChannelsPacer, OutOfOrderRecordsCountAsTheLatest) {
  Pacer pacer;
  pacer.Record("a", kT0 + 500);
  pacer.Record("b", kT0);  // counted at kT0 + 500
  EXPECT_EQ(pacer.NextAllowed("b", kT0), kT0 + 1500);
}

TEST(ChannelsPacer, ForgetsChatsThatNoLongerDelayAnything) {
  Pacer pacer({.key_interval = 1000, .limit = 0, .window = 1000});
  for (int i = 0; i < 5000; ++i) pacer.Record("chat-" + std::to_string(i), kT0 + i * 10);
  // Only chats from the last second can still delay a send.
  EXPECT_LT(pacer.tracked_keys(), 1200u);
  EXPECT_EQ(pacer.NextAllowed("chat-4999", kT0 + 49'990), kT0 + 50'990);
}

}  // namespace
}  // namespace kvitka::channels
