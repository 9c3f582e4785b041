#include "channels/turbo_sms.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;
using Mode = TurboSmsSettings::Mode;

class TurboSmsTest : public ::testing::Test {
 protected:
  TurboSms Gateway(Mode mode = Mode::kSms) {
    TurboSmsSettings settings;
    settings.base_url = server_.url();
    settings.token = "turbo-token";
    settings.sender = "Kvitka";
    settings.mode = mode;
    settings.viber_sender = "KvitkaViber";
    settings.max_sms_parts = 2;
    return TurboSms(settings);
  }
  json LastBody() { return json::parse(server_.last_request().body); }

  testing::FakeHttpServer server_;
};

Outgoing Sms(std::string text = "Нагадуємо: завтра о 10:00") {
  Outgoing message;
  message.channel = messaging::Channel::kSms;
  message.to = "+380671234567";
  message.text = std::move(text);
  return message;
}

constexpr char kAccepted[] = R"({"response_code":800,"response_status":"SUCCESS_MESSAGE_ACCEPTED",
  "response_result":[{"phone":"380671234567","response_code":0,"message_id":"f83f8868-5e46-c6cf-e4fb-615e5a293754","response_status":"OK"}]})";

TEST_F(TurboSmsTest, SendsAnSmsWithABearerToken) {
  server_.EnqueueJson(200, kAccepted);
  const Delivery delivery = Gateway().Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_EQ(delivery.provider_id, "f83f8868-5e46-c6cf-e4fb-615e5a293754");
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/message/send.json");
  EXPECT_EQ(request.Header("Authorization"), "Bearer turbo-token");
  EXPECT_EQ(LastBody(), json::parse(R"({"recipients":["380671234567"],
    "sms":{"sender":"Kvitka","text":"Нагадуємо: завтра о 10:00"}})"));
}

TEST_F(TurboSmsTest, ViberThenSmsSendsBothPartsWithTheButton) {
  server_.EnqueueJson(200, kAccepted);
  Outgoing message = Sms("Нагадуємо про візит завтра о 10:00. Деталі за посиланням.");
  message.fallback_text = "Vizyt zavtra o 10:00";
  message.buttons = {{{"Підтвердити", "confirm:1", ""}, {"Мій запис", "", "https://k.example/m"}}};
  EXPECT_EQ(Gateway(Mode::kViberThenSms).Send(message).outcome, Outcome::kSent);
  EXPECT_EQ(LastBody(), json::parse(R"({"recipients":["380671234567"],
    "viber":{"sender":"KvitkaViber","text":"Нагадуємо про візит завтра о 10:00. Деталі за посиланням.",
             "caption":"Мій запис","action":"https://k.example/m"},
    "sms":{"sender":"Kvitka","text":"Vizyt zavtra o 10:00"}})"));
}

TEST_F(TurboSmsTest, ViberOnlyHasNoSmsPart) {
  server_.EnqueueJson(200, kAccepted);
  EXPECT_EQ(Gateway(Mode::kViber).Send(Sms()).outcome, Outcome::kSent);
  EXPECT_TRUE(LastBody().contains("viber"));
  EXPECT_FALSE(LastBody().contains("sms"));
}

TEST_F(TurboSmsTest, EverySuccessCodeIsSent) {
  for (const int code : {801, 802, 803}) {
    server_.EnqueueJson(
        200,
        R"({"response_code":)" + std::to_string(code) +
            R"(,"response_status":"SUCCESS","response_result":[{"phone":"380671234567","response_code":0,"message_id":"m1"}]})");
    EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kSent) << code;
  }
}

TEST_F(TurboSmsTest, ARecipientRefusedInsideASuccessIsRejected) {
  server_.EnqueueJson(200,
                      R"({"response_code":802,"response_status":"SUCCESS_MESSAGE_PARTIAL_ACCEPTED",
    "response_result":[{"phone":"380671234567","response_code":404,"response_status":"NOT_ALLOWED_NUMBER_STOPLIST"}]})");
  const Delivery delivery = Gateway().Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kRejected);
  EXPECT_EQ(delivery.error, "TurboSMS: 404 NOT_ALLOWED_NUMBER_STOPLIST");
}

TEST_F(TurboSmsTest, AccountAndRequestProblemsAreRejected) {
  for (const auto& [code, status] :
       std::vector<std::pair<int, std::string>>{{105, "REQUIRED_AUTH"},
                                                {203, "REQUIRED_BALANCE"},
                                                {302, "INVALID_MESSAGE_SENDER"},
                                                {305, "INVALID_PHONE"},
                                                {406, "NOT_ALLOWED_RECIPIENT_COUNTRY"},
                                                {502, "FAILED_PARSE_BODY"}}) {
    server_.EnqueueJson(200, R"({"response_code":)" + std::to_string(code) +
                                 R"(,"response_status":")" + status +
                                 R"(","response_result":null})");
    const Delivery delivery = Gateway().Send(Sms());
    EXPECT_EQ(delivery.outcome, Outcome::kRejected) << code;
    EXPECT_NE(delivery.error.find(status), std::string::npos) << delivery.error;
  }
}

TEST_F(TurboSmsTest, TurboSmsOwnFailuresAreRetried) {
  for (const int code : {503, 504, 999}) {
    server_.EnqueueJson(200, R"({"response_code":)" + std::to_string(code) +
                                 R"(,"response_status":"FAILED","response_result":null})");
    EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRetry) << code;
  }
}

TEST_F(TurboSmsTest, ADuplicateWithin90SecondsCountsAsSent) {
  server_.EnqueueJson(200,
                      R"({"response_code":427,"response_status":"NOT_ALLOWED_MESSAGE_DUPLICATE"})");
  const Delivery delivery = Gateway().Send(Sms());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_NE(delivery.error.find("427"), std::string::npos);
}

TEST_F(TurboSmsTest, HttpTooManyRequestsServerErrorsAndNetworkAreRetried) {
  server_.EnqueueJson(429, "{}", {{"Retry-After", "7"}});
  server_.EnqueueJson(500, "oops");
  const Delivery limited = Gateway().Send(Sms());
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, 7);
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRetry);

  TurboSmsSettings closed;
  closed.base_url = "http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort());
  EXPECT_EQ(TurboSms(closed).Send(Sms()).outcome, Outcome::kRetry);
}

TEST_F(TurboSmsTest, OtherHttpStatusesAreRejected) {
  server_.EnqueueJson(401, R"({"message":"Unauthorized"})");
  EXPECT_EQ(Gateway().Send(Sms()).outcome, Outcome::kRejected);
}

TEST_F(TurboSmsTest, RefusesBadPhonesAndLongTextsWithoutCalling) {
  Outgoing local = Sms();
  local.to = "0671234567";
  EXPECT_EQ(Gateway().Send(local).outcome, Outcome::kRejected);
  std::string long_text;
  for (int i = 0; i < 140; ++i) long_text += "ї";  // 3 UCS-2 parts, 2 allowed
  const Delivery delivery = Gateway().Send(Sms(long_text));
  EXPECT_EQ(delivery.outcome, Outcome::kRejected);
  EXPECT_NE(delivery.error.find("3 SMS parts"), std::string::npos) << delivery.error;
  EXPECT_TRUE(server_.requests().empty());
}

}  // namespace
}  // namespace kvitka::channels
