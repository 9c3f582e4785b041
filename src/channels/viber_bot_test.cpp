#include "channels/viber_bot.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"
#include "core/secret.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

class ViberBotTest : public ::testing::Test {
 protected:
  ViberBot Bot() { return ViberBot({server_.url(), "viber-token", "Салон Квітка", "", 0}); }
  json LastBody() { return json::parse(server_.last_request().body); }
  testing::FakeHttpServer server_;
};

Outgoing Reminder() {
  Outgoing message;
  message.channel = messaging::Channel::kViber;
  message.to = "01234567890A=";
  message.text = "Нагадуємо: завтра о 10:00";
  message.buttons = {{{"Підтвердити", "confirm:7", ""}, {"Скасувати", "cancel:7", ""}},
                     {{"Мій запис", "", "https://kvitka.example/m/abc"}}};
  return message;
}

TEST_F(ViberBotTest, SendsATextWithAKeyboard) {
  server_.EnqueueJson(200, R"({"status":0,"status_message":"ok","message_token":5741311803571721087,
    "chat_hostname":"SN-CHAT-05_"})");
  const Delivery delivery = Bot().Send(Reminder());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_EQ(delivery.provider_id, "5741311803571721087");
  const auto request = server_.last_request();
  EXPECT_EQ(request.target, "/pa/send_message");
  EXPECT_EQ(request.Header("X-Viber-Auth-Token"), "viber-token");
  EXPECT_EQ(LastBody(), json::parse(R"({"receiver":"01234567890A=","type":"text",
    "text":"Нагадуємо: завтра о 10:00","sender":{"name":"Салон Квітка"},
    "keyboard":{"Type":"keyboard","DefaultHeight":false,"Buttons":[
      {"Columns":3,"Rows":1,"ActionType":"reply","ActionBody":"confirm:7","Text":"Підтвердити"},
      {"Columns":3,"Rows":1,"ActionType":"reply","ActionBody":"cancel:7","Text":"Скасувати"},
      {"Columns":6,"Rows":1,"ActionType":"open-url","ActionBody":"https://kvitka.example/m/abc",
       "Text":"Мій запис"}]}})"));
}

TEST_F(ViberBotTest, NotSubscribedAndOtherRequestErrorsAreRejected) {
  server_.EnqueueJson(200, R"({"status":6,"status_message":"notSubscribed"})");
  server_.EnqueueJson(200, R"({"status":2,"status_message":"invalidAuthToken"})");
  server_.EnqueueJson(200, R"({"status":5,"status_message":"receiverNotRegistered"})");
  const Delivery not_subscribed = Bot().Send(Reminder());
  EXPECT_EQ(not_subscribed.outcome, Outcome::kRejected);
  EXPECT_EQ(not_subscribed.error, "Viber: 6 notSubscribed");
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRejected);
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRejected);
}

TEST_F(ViberBotTest, RateLimitsAndViberTroubleAreRetried) {
  server_.EnqueueJson(200, R"({"status":12,"status_message":"tooManyRequests"})");
  server_.EnqueueJson(200, R"({"status":99,"status_message":"general error"})");
  server_.EnqueueJson(429, "{}", {{"Retry-After", "4"}});
  server_.EnqueueJson(500, "{}");
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRetry);
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRetry);
  const Delivery limited = Bot().Send(Reminder());
  EXPECT_EQ(limited.outcome, Outcome::kRetry);
  EXPECT_EQ(limited.retry_after, 4);
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRetry);
  ViberBot closed(
      {"http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()), "t", "s", "", 0});
  EXPECT_EQ(closed.Send(Reminder()).outcome, Outcome::kRetry);
}

TEST_F(ViberBotTest, SetsTheWebhook) {
  server_.EnqueueJson(200, R"({"status":0,"status_message":"ok","event_types":["subscribed"]})");
  EXPECT_EQ(Bot()
                .SetWebhook("https://kvitka.example/viber", {"subscribed", "conversation_started"})
                .outcome,
            Outcome::kSent);
  EXPECT_EQ(server_.last_request().target, "/pa/set_webhook");
  EXPECT_EQ(LastBody()["url"], "https://kvitka.example/viber");
  EXPECT_EQ(LastBody()["event_types"], json::parse(R"(["subscribed","conversation_started"])"));
}

// HMAC-SHA256 with OpenSSL directly, as an independent reference.
std::string ReferenceHmacHex(const std::string& key, const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), digest, &length);
  std::string hex;
  char byte[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(byte, sizeof(byte), "%02x", digest[i]);
    hex += byte;
  }
  return hex;
}

TEST(ChannelsViberSignature, MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(ViberSignature("what do ya want for nothing?", "Jefe"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(ChannelsViberSignature, ChecksACallbackBody) {
  InitSecrets();
  const std::string token = "445da6az1s345z78-dazcczb2542zv51a-e0vc5fva17480im9";
  const std::string body =
      R"({"event":"conversation_started","timestamp":1457764197627,"message_token":4912661846655238145,)"
      R"("type":"open","context":"link-tok_123","user":{"id":"01234567890A=","name":"Олена"},"subscribed":false})";
  const std::string signature = ReferenceHmacHex(token, body);
  EXPECT_EQ(ViberSignature(body, token), signature);
  EXPECT_TRUE(ViberSignatureMatches(body, signature, token));
  std::string upper = signature;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(ViberSignatureMatches(body, upper, token));
  EXPECT_FALSE(ViberSignatureMatches(body + " ", signature, token));  // the raw body, byte for byte
  EXPECT_FALSE(ViberSignatureMatches(body, signature, "other-token"));
  EXPECT_FALSE(ViberSignatureMatches(body, "", token));
  EXPECT_FALSE(ViberSignatureMatches(body, ReferenceHmacHex("", body), ""));
}

}  // namespace
}  // namespace kvitka::channels
