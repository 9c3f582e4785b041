#include "channels/alpha_sms.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

class AlphaSmsTest : public ::testing::Test {
 protected:
  AlphaSmsTest() : gateway_({server_.url(), "alpha-key", "SMSTest", 0, 6}) {}
  json LastBody() { return json::parse(server_.last_request().body); }

  testing::FakeHttpServer server_;
  AlphaSms gateway_;
};

Outgoing Sms() {
  Outgoing message;
  message.to = "+380971234567";
  message.text = "Нагадуємо про запис";
  return message;
}

constexpr char kSent[] =
    R"({"success":true,"data":[{"success":true,"data":{"id":1,"msg_id":123456789,"data":1,"parts":1}}]})";

TEST_F(AlphaSmsTest, SendsAsTheDocsShow) {
  server_.EnqueueJson(200, kSent);
  const Delivery delivery = gateway_.Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_EQ(delivery.provider_id, "123456789");
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/api/json.php");
  EXPECT_EQ(request.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(request.Header("Authorization"), "");  // the key travels in the body
  const json body = LastBody();
  EXPECT_EQ(body["auth"], "alpha-key");
  ASSERT_EQ(body["data"].size(), 1u);
  const json& item = body["data"][0];
  EXPECT_EQ(item["type"], "sms");
  EXPECT_EQ(item["phone"], 380971234567);  // a number, as in the docs
  EXPECT_EQ(item["sms_signature"], "SMSTest");
  EXPECT_EQ(item["sms_message"], "Нагадуємо про запис");
  EXPECT_TRUE(item["id"].is_number_integer());
  EXPECT_FALSE(item.contains("sms_lifetime"));
}

TEST_F(AlphaSmsTest, EveryMessageHasItsOwnId) {
  server_.EnqueueJson(200, kSent);
  server_.EnqueueJson(200, kSent);
  gateway_.Send(Sms());
  gateway_.Send(Sms());
  const auto requests = server_.requests();
  ASSERT_EQ(requests.size(), 2u);
  const auto first = json::parse(requests[0].body)["data"][0]["id"].get<std::int64_t>();
  const auto second = json::parse(requests[1].body)["data"][0]["id"].get<std::int64_t>();
  EXPECT_LT(first, second);
}

TEST_F(AlphaSmsTest, ARefusedRequestOrMessageIsRejectedWithTheError) {
  server_.EnqueueJson(200, R"({"success":false,"error":"Access denied"})");
  server_.EnqueueJson(
      200,
      R"({"success":true,"data":[{"success":false,"error":"Error in Alpha-name","data":{"id":1}}]})");
  const Delivery denied = gateway_.Send(Sms());
  EXPECT_EQ(denied.outcome, Outcome::kRejected);
  EXPECT_EQ(denied.error, "AlphaSMS: Access denied");
  const Delivery alpha = gateway_.Send(Sms());
  EXPECT_EQ(alpha.outcome, Outcome::kRejected);
  EXPECT_EQ(alpha.error, "AlphaSMS: Error in Alpha-name");
}

TEST_F(AlphaSmsTest, RateLimitServerErrorsAndNetworkAreRetried) {
  server_.EnqueueJson(429, "{}", {{"Retry-After", "3"}});
  server_.EnqueueJson(502, "bad gateway");
  server_.Enqueue({200, "<html>", {}, {}});
  const Delivery limited = gateway_.Send(Sms());
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, 3);
  EXPECT_EQ(gateway_.Send(Sms()).outcome, Outcome::kRetry);
  EXPECT_EQ(gateway_.Send(Sms()).outcome, Outcome::kRetry);  // unreadable: not AlphaSMS talking
  AlphaSms closed(
      {"http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()), "k", "s", 0, 6});
  EXPECT_EQ(closed.Send(Sms()).outcome, Outcome::kRetry);
}

TEST_F(AlphaSmsTest, OtherHttpStatusesAreRejected) {
  server_.EnqueueJson(403, "forbidden");
  EXPECT_EQ(gateway_.Send(Sms()).outcome, Outcome::kRejected);
}

}  // namespace
}  // namespace kvitka::channels
