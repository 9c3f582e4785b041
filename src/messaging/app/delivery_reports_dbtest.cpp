// Delivery reports on both databases: the job asks the organization's SMS provider (a loopback
// fake of TurboSMS) about the SMS sent in the last two days whose delivery is not known yet,
// saves what it says, asks again only after a while, and waits for the next run when the
// provider is in trouble; a Viber callback's report moves a message on, never back.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"
#include "messaging/app/delivery_reports.h"
#include "messaging/app/messaging_fixture.h"

namespace kvitka::messaging {
namespace {

using State = DeliveryState;
using nlohmann::json;

class DeliveryReportsTest : public MessagingFixture {
 protected:
  DeliveryReportsTest()
      : gateways_(ProviderUrls{{"turbosms", server_.url()}}),
        reports_(DeliveryReportsDeps{*db_, channel_store_, outbox_, gateways_}) {}

  void UseSms(const std::string& provider = "turbosms") {
    db_->Write([&](db::Session& s) {
      channel_store_.Save(
          s, owner_.org_id,
          {Channel::kSms, true,
           json{{"provider", provider}, {"sender", "Kvitka"}, {"url", server_.url() + "/send"}}
               .dump(),
           R"({"token":"t"})", clock_.Now()});
    });
  }

  // A message sent on `channel` at `sent_at` that the provider knows as `provider_id`.
  Id Sent(const std::string& provider_id, EpochSeconds sent_at,
          const std::string& channel = "sms") {
    return db_->Write([&](db::Session& s) {
      OutboxRow row;
      row.org_id = owner_.org_id;
      row.kind = MessageKind::kCampaign;
      row.slot = ++slot_;
      row.recipient_id = 1;
      row.channel = channel;
      row.due_at = row.created_at = row.updated_at = sent_at;
      EXPECT_TRUE(outbox_.Add(s, row));
      auto claimed = outbox_.Claim(s, sent_at, sent_at + 60, 10);
      EXPECT_EQ(claimed.size(), 1u);
      auto& r = claimed.at(0);
      r.status = OutboxStatus::kSent;
      r.provider_id = provider_id;
      r.sent_at = sent_at;
      EXPECT_TRUE(outbox_.Finish(s, r, sent_at + 60));
      return r.id;
    });
  }

  OutboxRow Row(Id id) {
    return db_->Read([&](db::Session& s) {
      for (auto& row : outbox_.List(s, owner_.org_id, {}, std::nullopt, 100)) {
        if (row.id == id) return row;
      }
      ADD_FAILURE() << "no message " << id;
      return OutboxRow{};
    });
  }
  State DeliveryOf(Id id) { return Row(id).delivery; }

  // The message ids of the last status request.
  json Asked() { return json::parse(server_.last_request().body).at("messages"); }
  static std::string TurboAnswer(const std::vector<std::pair<std::string, std::string>>& said) {
    json results = json::array();
    for (const auto& [id, status] : said) {
      results.push_back({{"message_id", id}, {"response_code", 0}, {"status", status}});
    }
    return json{{"response_code", 0}, {"response_status", "OK"}, {"response_result", results}}
        .dump();
  }

  channels::testing::FakeHttpServer server_;
  SqlOutboxStore outbox_;
  Gateways gateways_;
  DeliveryReports reports_;
  std::int64_t slot_ = 0;
};

TEST_P(DeliveryReportsTest, AsksAboutTheRecentSmsAndSavesWhatTheProviderSays) {
  UseSms();
  const EpochSeconds now = clock_.Now();
  const Id a = Sent("p-a", now - 600);
  const Id b = Sent("p-b", now - 300);
  const Id c = Sent("p-c", now - 60);
  const Id old = Sent("p-old", now - 49L * 3600);   // past the two days: never asked
  const Id mail = Sent("e-1", now - 60, "email");   // email has no reports
  const Id viber = Sent("123", now - 60, "viber");  // Viber reports come by its webhook
  server_.EnqueueJson(
      200, TurboAnswer({{"p-a", "Delivered"}, {"p-b", "Undelivered"}, {"p-c", "Queued"}}));

  const auto run = reports_.Run(now);
  EXPECT_EQ(run.asked, 3);
  EXPECT_EQ(run.updated, 2);
  EXPECT_EQ(run.failed, 0);
  ASSERT_EQ(server_.requests().size(), 1u);
  EXPECT_EQ(server_.last_request().target, "/message/status.json");
  EXPECT_EQ(server_.last_request().Header("Authorization"), "Bearer t");
  EXPECT_EQ(Asked(), json::parse(R"(["p-a","p-b","p-c"])"));
  EXPECT_EQ(DeliveryOf(a), State::kDelivered);
  EXPECT_EQ(Row(a).delivered_at, now);
  EXPECT_EQ(Row(a).status, OutboxStatus::kSent);
  EXPECT_EQ(DeliveryOf(b), State::kUndelivered);
  EXPECT_EQ(DeliveryOf(c), State::kUnknown);
  EXPECT_EQ(Row(c).delivered_at, std::nullopt);
  for (const Id untouched : {old, mail, viber}) EXPECT_EQ(DeliveryOf(untouched), State::kUnknown);

  // Asked a minute ago: not again yet.
  EXPECT_EQ(reports_.Run(now + 60).asked, 0);
  EXPECT_EQ(server_.requests().size(), 1u);

  // Ten minutes on, only the one still on its way is asked about.
  server_.EnqueueJson(200, TurboAnswer({{"p-c", "Delivered"}}));
  const auto later = reports_.Run(now + 11L * 60);
  EXPECT_EQ(later.asked, 1);
  EXPECT_EQ(later.updated, 1);
  EXPECT_EQ(Asked(), json::parse(R"(["p-c"])"));
  EXPECT_EQ(DeliveryOf(c), State::kDelivered);
  EXPECT_EQ(Row(c).delivered_at, now + 11L * 60);
}

TEST_P(DeliveryReportsTest, AProviderInTroubleIsAskedAgainNextRun) {
  UseSms();
  const EpochSeconds now = clock_.Now();
  const Id a = Sent("p-a", now - 60);
  server_.EnqueueJson(503, "busy");
  const auto failed = reports_.Run(now);
  EXPECT_EQ(failed.failed, 1);
  EXPECT_EQ(failed.updated, 0);
  EXPECT_EQ(DeliveryOf(a), State::kUnknown);

  server_.EnqueueJson(200, TurboAnswer({{"p-a", "Delivered"}}));
  const auto next = reports_.Run(now + 1);  // not marked as asked: asked again at once
  EXPECT_EQ(next.updated, 1);
  EXPECT_EQ(DeliveryOf(a), State::kDelivered);
}

TEST_P(DeliveryReportsTest, TheGenericGatewayHasNoReports) {
  UseSms("generic");
  const Id a = Sent("g-1", clock_.Now() - 60);
  const auto run = reports_.Run(clock_.Now());
  EXPECT_EQ(run.asked, 0);
  EXPECT_TRUE(server_.requests().empty());
  EXPECT_EQ(DeliveryOf(a), State::kUnknown);
}

TEST_P(DeliveryReportsTest, AViberReportMovesItsMessageOnAndNeverBack) {
  const EpochSeconds now = clock_.Now();
  const Id v = Sent("5741311803571721087", now - 60, "viber");
  const Id sms = Sent("5741311803571721087", now - 60, "sms");  // the same id on another channel
  auto record = [&](State state, EpochSeconds at) {
    return db_->Write([&](db::Session& s) {
      return RecordReport(s, outbox_, owner_.org_id, Channel::kViber,
                          {"5741311803571721087", state, at}, now);
    });
  };
  EXPECT_EQ(record(State::kDelivered, now - 30), 1);
  EXPECT_EQ(DeliveryOf(v), State::kDelivered);
  EXPECT_EQ(Row(v).delivered_at, now - 30);
  EXPECT_EQ(record(State::kSeen, now - 10), 1);
  EXPECT_EQ(DeliveryOf(v), State::kSeen);
  EXPECT_EQ(Row(v).delivered_at, now - 10);
  EXPECT_EQ(record(State::kDelivered, now), 0);  // late: seen stays
  EXPECT_EQ(DeliveryOf(v), State::kSeen);
  EXPECT_EQ(DeliveryOf(sms), State::kUnknown);
  EXPECT_EQ(db_->Write([&](db::Session& s) {
    return RecordReport(s, outbox_, owner_.org_id, Channel::kViber, {"999", State::kDelivered, now},
                        now);
  }),
            0);
}

INSTANTIATE_TEST_SUITE_P(Dialects, DeliveryReportsTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
