#include "channels/sms_club.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

class SmsClubTest : public ::testing::Test {
 protected:
  SmsClub Gateway() { return SmsClub({server_.url(), "club-token", "VashZakaz", 6}); }
  testing::FakeHttpServer server_;
};

Outgoing Sms() {
  Outgoing message;
  message.to = "+380989361131";
  message.text = "Ваш запис на завтра о 10:00";
  return message;
}

TEST_F(SmsClubTest, SendsAsTheDocsShow) {
  server_.EnqueueJson(200, R"({"success_request":{"info":{"106":"380989361131"}}})");
  const Delivery delivery = Gateway().Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_EQ(delivery.provider_id, "106");
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/sms/send");
  EXPECT_EQ(request.Header("Authorization"), "Bearer club-token");
  EXPECT_EQ(json::parse(request.body), json::parse(R"({"phone":["380989361131"],
    "message":"Ваш запис на завтра о 10:00","src_addr":"VashZakaz"})"));
}

TEST_F(SmsClubTest, ARefusedNumberIsRejectedWithTheReason) {
  server_.EnqueueJson(
      200, R"({"success_request":{"info":[],"add_info":{"380989361131":"Invalid number"}}})");
  const Delivery delivery = Gateway().Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kRejected);
  EXPECT_EQ(delivery.error, "SMS Club: Invalid number");
}

TEST_F(SmsClubTest, AnAnswerWithoutTheNumberIsRejected) {
  server_.EnqueueJson(200, R"({"success_request":{"info":{"107":"380000000000"}}})");
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRejected);
  server_.EnqueueJson(200, R"({"error":"something"})");
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRejected);
}

TEST_F(SmsClubTest, AuthorisationAndBadRequestsAreRejected) {
  server_.EnqueueJson(401, R"({"error":"Unauthorized"})");
  server_.EnqueueJson(400, R"({"error":"src_addr is invalid"})");
  const Delivery unauthorised = Gateway().Send(Sms());
  EXPECT_EQ(unauthorised.outcome, Outcome::kRejected);
  EXPECT_NE(unauthorised.error.find("401"), std::string::npos);
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRejected);
}

TEST_F(SmsClubTest, RateLimitServerErrorsAndNetworkAreRetried) {
  server_.EnqueueJson(429, "{}", {{"Retry-After", "1"}});
  server_.EnqueueJson(503, "{}");
  const Delivery limited = Gateway().Send(Sms());
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, 1);
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRetry);
  SmsClub closed(
      {"http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()), "t", "s", 6});
  EXPECT_EQ(closed.Send(Sms()).outcome, Outcome::kRetry);
}

}  // namespace
}  // namespace kvitka::channels
