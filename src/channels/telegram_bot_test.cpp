#include "channels/telegram_bot.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;
using Outcome = Delivery::Outcome;

constexpr char kToken[] = "123456:AAE-secret_Token";

class TelegramBotTest : public ::testing::Test {
 protected:
  TelegramBot Bot() { return TelegramBot({server_.url(), kToken, true}); }
  json LastBody() { return json::parse(server_.last_request().body); }

  testing::FakeHttpServer server_;
};

Outgoing Reminder() {
  Outgoing message;
  message.channel = messaging::Channel::kTelegram;
  message.to = "123456789";
  message.text = "Нагадуємо: завтра о 10:00 <манікюр> & *педикюр*";
  message.buttons = {{{"Підтвердити", "confirm:77", ""}, {"Скасувати", "cancel:77", ""}},
                     {{"Керувати записом", "", "https://kvitka.example/m/abc"}}};
  return message;
}

TEST_F(TelegramBotTest, SendsPlainTextWithAnInlineKeyboard) {
  server_.EnqueueJson(200, R"({"ok":true,"result":{"message_id":4242,"chat":{"id":123456789}}})");
  const Delivery delivery = Bot().Send(Reminder());
  EXPECT_EQ(delivery.outcome, Outcome::kSent);
  EXPECT_EQ(delivery.provider_id, "4242");

  const auto request = server_.last_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, std::string("/bot") + kToken + "/sendMessage");
  EXPECT_EQ(request.Header("Content-Type"), "application/json");
  const json body = LastBody();
  EXPECT_EQ(body["chat_id"], 123456789);  // a number, not a string
  EXPECT_EQ(body["text"], "Нагадуємо: завтра о 10:00 <манікюр> & *педикюр*");
  EXPECT_FALSE(body.contains("parse_mode"));  // plain text: nothing is markup
  EXPECT_EQ(body["link_preview_options"]["is_disabled"], true);
  EXPECT_EQ(body["reply_markup"], json::parse(R"({"inline_keyboard": [
    [{"text": "Підтвердити", "callback_data": "confirm:77"},
     {"text": "Скасувати", "callback_data": "cancel:77"}],
    [{"text": "Керувати записом", "url": "https://kvitka.example/m/abc"}]]})"));
}

TEST_F(TelegramBotTest, ChannelNamesGoAsStringsAndNoKeyboardWithoutButtons) {
  server_.EnqueueJson(200, R"({"ok":true,"result":{"message_id":1}})");
  Outgoing message;
  message.to = "@kvitka_news";
  message.text = "hi";
  EXPECT_EQ(Bot().Send(message).outcome, Outcome::kSent);
  EXPECT_EQ(LastBody()["chat_id"], "@kvitka_news");
  EXPECT_FALSE(LastBody().contains("reply_markup"));
}

TEST_F(TelegramBotTest, TooManyRequestsWaitsAsTelegramSays) {
  server_.EnqueueJson(429, R"({"ok":false,"error_code":429,
    "description":"Too Many Requests: retry after 35","parameters":{"retry_after":35}})");
  const Delivery delivery = Bot().Send(Reminder());
  EXPECT_EQ(delivery.outcome, Outcome::kRetry);
  EXPECT_EQ(delivery.retry_after, 35);
  EXPECT_NE(delivery.error.find("429"), std::string::npos);
}

TEST_F(TelegramBotTest, BlockedBotAndUnknownChatAreRejected) {
  server_.EnqueueJson(403, R"({"ok":false,"error_code":403,
    "description":"Forbidden: bot was blocked by the user"})");
  server_.EnqueueJson(400, R"({"ok":false,"error_code":400,
    "description":"Bad Request: chat not found"})");
  server_.EnqueueJson(401, R"({"ok":false,"error_code":401,"description":"Unauthorized"})");
  const Delivery blocked = Bot().Send(Reminder());
  EXPECT_EQ(blocked.outcome, Outcome::kRejected);
  EXPECT_EQ(blocked.error, "Telegram: 403 Forbidden: bot was blocked by the user");
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRejected);
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRejected);
}

TEST_F(TelegramBotTest, ServerErrorsAndGarbageAreRetried) {
  server_.EnqueueJson(502, R"({"ok":false,"error_code":502,"description":"Bad Gateway"})");
  server_.Enqueue({200, "<html>captive portal</html>", {}, {}});
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRetry);
  EXPECT_EQ(Bot().Send(Reminder()).outcome, Outcome::kRetry);
}

TEST_F(TelegramBotTest, NetworkFailureIsRetriedAndNeverShowsTheToken) {
  TelegramBot bot(
      {"http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()), kToken, true});
  const Delivery delivery = bot.Send(Reminder());
  EXPECT_EQ(delivery.outcome, Outcome::kRetry);
  EXPECT_FALSE(delivery.error.empty());
  EXPECT_EQ(delivery.error.find("AAE-secret"), std::string::npos) << delivery.error;
}

TEST_F(TelegramBotTest, RefusesBadMessagesWithoutCallingTelegram) {
  Outgoing no_chat = Reminder();
  no_chat.to.clear();
  EXPECT_EQ(Bot().Send(no_chat).outcome, Outcome::kRejected);
  Outgoing both = Reminder();
  both.buttons = {{{"x", "data", "https://x.example"}}};
  EXPECT_EQ(Bot().Send(both).outcome, Outcome::kRejected);
  Outgoing long_data = Reminder();
  long_data.buttons = {{{"x", std::string(65, 'd'), ""}}};
  EXPECT_EQ(Bot().Send(long_data).outcome, Outcome::kRejected);
  EXPECT_TRUE(server_.requests().empty());
}

TEST_F(TelegramBotTest, LongPollsForUpdates) {
  server_.EnqueueJson(200, R"({"ok":true,"result":[
    {"update_id":10,"message":{"message_id":1,"chat":{"id":5},"from":{"id":5},"text":"/start t"}},
    {"update_id":11,"callback_query":{"id":"cb1","data":"confirm:77","from":{"id":5},
     "message":{"message_id":2,"chat":{"id":5}}}}]})");
  const TelegramUpdates got = Bot().GetUpdates(10, 25);
  EXPECT_EQ(got.status.outcome, Outcome::kSent);
  ASSERT_EQ(got.updates.size(), 2u);
  EXPECT_EQ(got.updates[0].text, "/start t");
  EXPECT_EQ(got.updates[1].callback_data, "confirm:77");
  EXPECT_EQ(server_.last_request().target, std::string("/bot") + kToken + "/getUpdates");
  EXPECT_EQ(LastBody()["offset"], 10);
  EXPECT_EQ(LastBody()["timeout"], 25);
  EXPECT_EQ(LastBody()["allowed_updates"],
            json::parse(R"(["message","callback_query","my_chat_member"])"));
}

TEST_F(TelegramBotTest, LongPollingWhileAWebhookIsSetIsRejected) {
  server_.EnqueueJson(409, R"({"ok":false,"error_code":409,
    "description":"Conflict: can't use getUpdates method while webhook is active"})");
  const TelegramUpdates got = Bot().GetUpdates(0, 0);
  EXPECT_EQ(got.status.outcome, Outcome::kRejected);
  EXPECT_TRUE(got.updates.empty());
}

TEST_F(TelegramBotTest, AnswersButtonPresses) {
  server_.EnqueueJson(200, R"({"ok":true,"result":true})");
  EXPECT_EQ(Bot().AnswerCallbackQuery("cb1", "Запис підтверджено").outcome, Outcome::kSent);
  EXPECT_EQ(server_.last_request().target, std::string("/bot") + kToken + "/answerCallbackQuery");
  EXPECT_EQ(LastBody(), json::parse(R"({"callback_query_id":"cb1","text":"Запис підтверджено"})"));
}

TEST_F(TelegramBotTest, SetsAndDeletesTheWebhook) {
  EXPECT_EQ(Bot().SetWebhook("https://kvitka.example/tg", "bad secret!").outcome,
            Outcome::kRejected);
  EXPECT_TRUE(server_.requests().empty());

  server_.EnqueueJson(200, R"({"ok":true,"result":true,"description":"Webhook was set"})");
  EXPECT_EQ(Bot().SetWebhook("https://kvitka.example/tg", "s3cr3t_Token-1").outcome,
            Outcome::kSent);
  EXPECT_EQ(LastBody()["url"], "https://kvitka.example/tg");
  EXPECT_EQ(LastBody()["secret_token"], "s3cr3t_Token-1");

  server_.EnqueueJson(200, R"({"ok":true,"result":true})");
  EXPECT_EQ(Bot().DeleteWebhook().outcome, Outcome::kSent);
  EXPECT_EQ(server_.last_request().target, std::string("/bot") + kToken + "/deleteWebhook");
}

TEST_F(TelegramBotTest, GetMeGivesTheUsername) {
  server_.EnqueueJson(200,
                      R"({"ok":true,"result":{"id":777,"is_bot":true,"username":"KvitkaBot"}})");
  const TelegramMe me = Bot().GetMe();
  EXPECT_EQ(me.status.outcome, Outcome::kSent);
  EXPECT_EQ(me.id, 777);
  EXPECT_EQ(me.username, "KvitkaBot");
}

}  // namespace
}  // namespace kvitka::channels
