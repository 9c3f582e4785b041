#include "messaging/domain/delivery_report.h"

#include <gtest/gtest.h>

namespace kvitka::messaging {
namespace {

using State = DeliveryState;

constexpr EpochSeconds kNow = 1'800'000'000;

AwaitingReport Message(Id id, std::string provider_id, State delivery = State::kUnknown,
                       EpochSeconds sent_at = kNow - 600) {
  return {id, std::move(provider_id), delivery, sent_at};
}

TEST(DeliveryReport, NamesRoundTrip) {
  for (auto state : {State::kUnknown, State::kUndelivered, State::kDelivered, State::kSeen}) {
    EXPECT_EQ(ParseDeliveryState(DeliveryStateName(state)), state);
  }
  EXPECT_STREQ(DeliveryStateName(State::kUnknown), "");
  EXPECT_STREQ(DeliveryStateName(State::kSeen), "seen");
  EXPECT_EQ(ParseDeliveryState("read"), std::nullopt);
  EXPECT_TRUE(Reached(State::kDelivered));
  EXPECT_TRUE(Reached(State::kSeen));
  EXPECT_FALSE(Reached(State::kUndelivered));
  EXPECT_FALSE(Reached(State::kUnknown));
}

TEST(DeliveryReport, ADeliveryOnlyMovesOn) {
  EXPECT_TRUE(Advances(State::kUnknown, State::kDelivered));
  EXPECT_TRUE(Advances(State::kUnknown, State::kUndelivered));
  EXPECT_TRUE(Advances(State::kDelivered, State::kSeen));
  EXPECT_TRUE(Advances(State::kUndelivered, State::kDelivered));
  EXPECT_FALSE(Advances(State::kSeen, State::kDelivered));
  EXPECT_FALSE(Advances(State::kDelivered, State::kUndelivered));
  EXPECT_FALSE(Advances(State::kDelivered, State::kDelivered));
  EXPECT_FALSE(Advances(State::kUnknown, State::kUnknown));
}

TEST(DeliveryReport, BatchesRespectTheLimitAndAskEachIdOnce) {
  std::vector<AwaitingReport> messages;
  for (int i = 1; i <= 7; ++i) messages.push_back(Message(i, "p" + std::to_string(i)));
  messages.push_back(Message(8, ""));    // accepted without an id: nothing to ask
  messages.push_back(Message(9, "p2"));  // the same id twice
  const auto batches = ReportBatches(messages, 3);
  ASSERT_EQ(batches.size(), 3u);
  EXPECT_EQ(batches[0], (std::vector<std::string>{"p1", "p2", "p3"}));
  EXPECT_EQ(batches[1], (std::vector<std::string>{"p4", "p5", "p6"}));
  EXPECT_EQ(batches[2], (std::vector<std::string>{"p7"}));
  EXPECT_TRUE(ReportBatches({}, 100).empty());
  EXPECT_EQ(ReportBatches(messages, 0).size(), 7u);  // a limit of 0 is taken as 1
}

TEST(DeliveryReport, ChangesAreWhatMovesOn) {
  const std::vector<AwaitingReport> messages = {Message(1, "a"), Message(2, "b"),
                                                Message(3, "c", State::kDelivered), Message(4, "d"),
                                                Message(5, "e")};
  const std::vector<ProviderReport> reports = {{"a", State::kDelivered, kNow - 60},
                                               {"b", State::kUnknown, 0},       // still on its way
                                               {"c", State::kUndelivered, 0},   // never back
                                               {"d", State::kUndelivered, 0},   // no time said: now
                                               {"zzz", State::kDelivered, 0}};  // not one of ours
  EXPECT_EQ(ChangesFrom(messages, reports, kNow),
            (std::vector<DeliveryChange>{{1, State::kUnknown, State::kDelivered, kNow - 60},
                                         {4, State::kUnknown, State::kUndelivered, kNow}}));
}

TEST(DeliveryReport, TheFurthestWordCountsAndNeverBeforeSending) {
  const std::vector<AwaitingReport> messages = {Message(1, "a", State::kUnknown, kNow - 10)};
  const std::vector<ProviderReport> reports = {{"a", State::kSeen, kNow - 100},
                                               {"a", State::kDelivered, kNow - 200}};
  // A clock behind ours says "seen" before we sent it: the time is the sending's.
  EXPECT_EQ(ChangesFrom(messages, reports, kNow),
            (std::vector<DeliveryChange>{{1, State::kUnknown, State::kSeen, kNow - 10}}));
}

}  // namespace
}  // namespace kvitka::messaging
