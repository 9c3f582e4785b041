#include "channels/generic_sms_gateway.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

class GenericSmsGatewayTest : public ::testing::Test {
 protected:
  GenericSmsSettings Settings() {
    GenericSmsSettings settings;
    settings.url = server_.url() + "/api/sms";
    settings.headers = {{"X-Api-Key", "gw-secret"}};
    settings.body_template =
        R"({"to": "{{phone}}", "msisdn": "{{phone_digits}}", "message": "{{text}}", "flash": false})";
    return settings;
  }
  testing::FakeHttpServer server_;
};

Outgoing Sms(std::string text = "Рядок 1\n\"Лапки\" і \\ слеш") {
  Outgoing message;
  message.to = "+380671234567";
  message.text = std::move(text);
  return message;
}

TEST(ChannelsGenericTemplate, FillsPlaceholdersEscaped) {
  EXPECT_EQ(FillGenericTemplate(
                R"({"t":"{{text}}","p":"{{phone}}","d":"{{phone_digits}}","id":"{{message_id}}"})",
                "+380671234567", "a\"b\\c\nd", "kvitka-1-7-sms", false),
            R"({"t":"a\"b\\c\nd","p":"+380671234567","d":"380671234567","id":"kvitka-1-7-sms"})");
  EXPECT_EQ(FillGenericTemplate("https://gw/send?to={{phone}}&text={{text}}", "+380671234567",
                                "a b&c", "", true),
            "https://gw/send?to=%2B380671234567&text=a%20b%26c");
  EXPECT_EQ(FillGenericTemplate("{{unknown}} {{text", "+1", "x", "", false), "{{unknown}} {{text");
}

TEST(ChannelsGenericTemplate, SettingsProblems) {
  GenericSmsSettings settings;
  settings.url = "ftp://x";
  EXPECT_TRUE(GenericSmsSettingsProblem(settings).has_value());
  settings.url = "https://gw.example/send";
  settings.body_template = R"({"text": {{text}}})";  // placeholder outside quotes
  EXPECT_TRUE(GenericSmsSettingsProblem(settings).has_value());
  settings.body_template = R"({"text": "{{text}}"})";
  EXPECT_EQ(GenericSmsSettingsProblem(settings), std::nullopt);
  settings.success_pointer = "status";  // must start with '/'
  EXPECT_TRUE(GenericSmsSettingsProblem(settings).has_value());
  settings.success_pointer = "/status";
  settings.method = "DELETE";
  EXPECT_TRUE(GenericSmsSettingsProblem(settings).has_value());
  settings.method = "GET";
  settings.body_template = "not json";  // no body for GET
  EXPECT_EQ(GenericSmsSettingsProblem(settings), std::nullopt);
}

TEST_F(GenericSmsGatewayTest, PostsTheFilledTemplateWithTheHeaders) {
  server_.EnqueueJson(200, R"({"id":"x1"})");
  EXPECT_EQ(GenericSmsGateway(Settings()).Send(Sms()).outcome, Outcome::kSent);
  const auto request = server_.last_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/api/sms");
  EXPECT_EQ(request.Header("X-Api-Key"), "gw-secret");
  EXPECT_EQ(request.Header("Content-Type"), "application/json");
  EXPECT_EQ(json::parse(request.body), json({{"to", "+380671234567"},
                                             {"msisdn", "380671234567"},
                                             {"message", "Рядок 1\n\"Лапки\" і \\ слеш"},
                                             {"flash", false}}));
}

TEST_F(GenericSmsGatewayTest, EveryAttemptCarriesTheMessagesKey) {
  Outgoing message = Sms();
  message.key = "kvitka-3-41-sms";
  server_.EnqueueJson(503, "{}");
  server_.EnqueueJson(200, "{}");
  GenericSmsGateway gateway(Settings());
  EXPECT_EQ(gateway.Send(message).outcome, Outcome::kRetry);
  EXPECT_EQ(server_.last_request().Header("Idempotency-Key"), "kvitka-3-41-sms");
  EXPECT_EQ(gateway.Send(message).outcome, Outcome::kSent);
  EXPECT_EQ(server_.last_request().Header("Idempotency-Key"), "kvitka-3-41-sms");
  // Without a key there is no header.
  server_.EnqueueJson(200, "{}");
  EXPECT_EQ(gateway.Send(Sms()).outcome, Outcome::kSent);
  EXPECT_EQ(server_.last_request().Header("Idempotency-Key"), "");
}

TEST_F(GenericSmsGatewayTest, ChecksTheSuccessValueAndReadsTheId) {
  GenericSmsSettings settings = Settings();
  settings.success_pointer = "/result/status";
  settings.success_value = "0";
  settings.message_id_pointer = "/result/id";
  server_.EnqueueJson(200, R"({"result":{"status":0,"id":98765}})");
  server_.EnqueueJson(200, R"({"result":{"status":3,"error":"no money"}})");
  const Delivery sent = GenericSmsGateway(settings).Send(Sms());
  EXPECT_EQ(sent.outcome, Outcome::kSent);
  EXPECT_EQ(sent.provider_id, "98765");
  const Delivery refused = GenericSmsGateway(settings).Send(Sms());
  EXPECT_EQ(refused.outcome, Outcome::kRejected);
  EXPECT_NE(refused.error.find("/result/status is 3"), std::string::npos) << refused.error;
}

TEST_F(GenericSmsGatewayTest, GetPutsTheValuesInTheUrl) {
  GenericSmsSettings settings = Settings();
  settings.method = "GET";
  settings.url = server_.url() + "/send?to={{phone_digits}}&text={{text}}";
  server_.EnqueueJson(200, "OK");
  EXPECT_EQ(GenericSmsGateway(settings).Send(Sms("Hi there")).outcome, Outcome::kSent);
  EXPECT_EQ(server_.last_request().method, "GET");
  EXPECT_EQ(server_.last_request().target, "/send?to=380671234567&text=Hi%20there");
}

TEST_F(GenericSmsGatewayTest, MapsStatuses) {
  server_.EnqueueJson(429, "{}", {{"Retry-After", "11"}});
  server_.EnqueueJson(400, R"({"error":"bad number"})");
  server_.EnqueueJson(503, "{}");
  const Delivery limited = GenericSmsGateway(Settings()).Send(Sms());
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, 11);
  const Delivery bad = GenericSmsGateway(Settings()).Send(Sms());
  EXPECT_EQ(bad.outcome, Outcome::kRejected);
  EXPECT_NE(bad.error.find("bad number"), std::string::npos);
  EXPECT_EQ(GenericSmsGateway(Settings()).Send(Sms()).outcome, Outcome::kRetry);

  GenericSmsSettings closed = Settings();
  closed.url = "http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()) + "/x";
  const Delivery down = GenericSmsGateway(closed).Send(Sms());
  EXPECT_EQ(down.outcome, Outcome::kRetry);
  EXPECT_EQ(down.error.find("gw-secret"), std::string::npos);
}

TEST_F(GenericSmsGatewayTest, BrokenSettingsAreRejectedWithoutCalling) {
  GenericSmsSettings settings = Settings();
  settings.body_template = R"({"text": {{text}}})";
  EXPECT_EQ(GenericSmsGateway(settings).Send(Sms()).outcome, Outcome::kRejected);
  EXPECT_TRUE(server_.requests().empty());
}

}  // namespace
}  // namespace kvitka::channels
