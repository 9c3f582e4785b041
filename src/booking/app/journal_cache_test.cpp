#include "booking/app/journal_cache.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace kvitka::booking {
namespace {

std::shared_ptr<const std::string> Text(std::string text) {
  return std::make_shared<const std::string>(std::move(text));
}

TEST(JournalCache, ServesTheTextOfTheStampOrLater) {
  JournalCache cache;
  EXPECT_FALSE(cache.FindOrClaim("a", 5));
  cache.Store("a", 5, Text("five"));
  auto hit = cache.FindOrClaim("a", 5);
  ASSERT_TRUE(hit);
  EXPECT_EQ(*hit->text, "five");
  EXPECT_EQ(hit->stamp, 5);
  // A reader that saw an older stamp may get the newer text.
  EXPECT_EQ(*cache.FindOrClaim("a", 4)->text, "five");
  // A slow builder of an older stamp does not replace it.
  cache.Store("a", 3, Text("three"));
  EXPECT_EQ(*cache.FindOrClaim("a", 5)->text, "five");
  // A newer stamp: the old text is dropped, the caller builds.
  EXPECT_FALSE(cache.FindOrClaim("a", 6));
  EXPECT_EQ(cache.size(), 0u);
  cache.Store("a", 6, Text("six"));
  EXPECT_EQ(*cache.FindOrClaim("a", 6)->text, "six");
  EXPECT_FALSE(cache.FindOrClaim("b", 6));
  cache.Abandon("b", 6);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(JournalCache, ForgetsTheLeastRecentlyUsedPastItsBudget) {
  JournalCache cache(8 * 1000);  // texts up to 1,000 bytes are kept
  const std::string big(700, 'x');
  for (int i = 0; i < 10; ++i) {
    ASSERT_FALSE(cache.FindOrClaim("k" + std::to_string(i), 1));
    cache.Store("k" + std::to_string(i), 1, Text(big));
    ASSERT_TRUE(cache.FindOrClaim("k0", 1));  // k0 stays in use
  }
  EXPECT_LE(cache.bytes(), 8000u);
  EXPECT_TRUE(cache.FindOrClaim("k0", 1));
  EXPECT_TRUE(cache.FindOrClaim("k9", 1));
  EXPECT_FALSE(cache.FindOrClaim("k1", 1));
  cache.Abandon("k1", 1);
  // Too big for the budget: served once, not kept.
  ASSERT_FALSE(cache.FindOrClaim("huge", 1));
  cache.Store("huge", 1, Text(std::string(5000, 'y')));
  EXPECT_FALSE(cache.FindOrClaim("huge", 1));
}

TEST(JournalCache, OneBuildsWhileTheOthersWait) {
  JournalCache cache;
  ASSERT_FALSE(cache.FindOrClaim("day", 7));  // this thread builds
  std::atomic<int> served{0}, claimed{0};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {
    readers.emplace_back([&] {
      auto hit = cache.FindOrClaim("day", 7);
      if (hit && *hit->text == "built") served++;
      if (!hit) claimed++;
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(served + claimed, 0);  // waiting
  cache.Store("day", 7, Text("built"));
  for (auto& t : readers) t.join();
  EXPECT_EQ(served, 4);
  EXPECT_EQ(claimed, 0);
}

TEST(JournalCache, AFailedBuildHandsTheClaimOn) {
  JournalCache cache;
  ASSERT_FALSE(cache.FindOrClaim("day", 7));
  std::atomic<bool> claimed{false};
  std::thread next([&] { claimed = !cache.FindOrClaim("day", 7); });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  cache.Abandon("day", 7);
  next.join();
  EXPECT_TRUE(claimed);
  // A newer stamp does not wait for an older build.
  EXPECT_FALSE(cache.FindOrClaim("day", 8));
}

}  // namespace
}  // namespace kvitka::booking
