#include "channels/telegram_updates.h"

#include <gtest/gtest.h>

#include "core/secret.h"

namespace kvitka::channels {
namespace {

using Kind = TelegramUpdate::Kind;

TEST(ChannelsTelegramUpdates, ReadsATextMessage) {
  const auto update = ParseTelegramUpdate(R"({"update_id": 901,
    "message": {"message_id": 55, "date": 1784376000, "text": "/start tok_123",
      "chat": {"id": 123456789, "type": "private"},
      "from": {"id": 123456789, "is_bot": false, "first_name": "Олена", "last_name": "Коваль",
               "username": "olena_k", "language_code": "uk"}}})");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->update_id, 901);
  EXPECT_EQ(update->kind, Kind::kMessage);
  EXPECT_EQ(update->chat_id, 123456789);
  EXPECT_EQ(update->message_id, 55);
  EXPECT_EQ(update->text, "/start tok_123");
  EXPECT_EQ(update->from.id, 123456789);
  EXPECT_EQ(update->from.first_name, "Олена");
  EXPECT_EQ(update->from.last_name, "Коваль");
  EXPECT_EQ(update->from.username, "olena_k");
  EXPECT_EQ(update->from.language_code, "uk");
}

TEST(ChannelsTelegramUpdates, ReadsASharedContact) {
  const auto update = ParseTelegramUpdate(R"({"update_id": 902, "message": {"message_id": 56,
    "chat": {"id": -1001, "type": "private"}, "from": {"id": 42, "first_name": "A"},
    "contact": {"phone_number": "380671234567", "first_name": "A", "user_id": 42}}})");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->kind, Kind::kMessage);
  EXPECT_EQ(update->contact_phone, "380671234567");
  EXPECT_EQ(update->text, "");
  EXPECT_EQ(update->chat_id, -1001);
}

TEST(ChannelsTelegramUpdates, ReadsAButtonPress) {
  const auto update = ParseTelegramUpdate(R"({"update_id": 903, "callback_query": {
    "id": "4382bfdwdsb323b2d9", "data": "confirm:77", "chat_instance": "x",
    "from": {"id": 42, "first_name": "Ivan", "language_code": "en"},
    "message": {"message_id": 60, "chat": {"id": 42, "type": "private"}, "text": "Reminder"}}})");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->kind, Kind::kCallbackQuery);
  EXPECT_EQ(update->callback_id, "4382bfdwdsb323b2d9");
  EXPECT_EQ(update->callback_data, "confirm:77");
  EXPECT_EQ(update->chat_id, 42);
  EXPECT_EQ(update->message_id, 60);
  EXPECT_EQ(update->from.first_name, "Ivan");
}

TEST(ChannelsTelegramUpdates, AButtonPressOnAnOldMessageUsesThePersonsChat) {
  const auto update = ParseTelegramUpdate(
      R"({"update_id": 904, "callback_query": {"id": "q", "data": "x", "from": {"id": 77}}})");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->chat_id, 77);
}

TEST(ChannelsTelegramUpdates, ReadsABlockedBot) {
  const auto update = ParseTelegramUpdate(R"({"update_id": 905, "my_chat_member": {
    "chat": {"id": 42, "type": "private"}, "from": {"id": 42},
    "old_chat_member": {"status": "member"}, "new_chat_member": {"status": "kicked"}}})");
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->kind, Kind::kMemberStatus);
  EXPECT_EQ(update->member_status, "kicked");
  EXPECT_EQ(update->chat_id, 42);
}

TEST(ChannelsTelegramUpdates, OtherKindsKeepTheirIdAndGarbageIsRefused) {
  const auto other = ParseTelegramUpdate(R"({"update_id": 906, "edited_message": {}})");
  ASSERT_TRUE(other.has_value());
  EXPECT_EQ(other->kind, Kind::kOther);
  EXPECT_EQ(other->update_id, 906);
  EXPECT_FALSE(ParseTelegramUpdate("not json").has_value());
  EXPECT_FALSE(ParseTelegramUpdate("[1,2]").has_value());
  EXPECT_FALSE(ParseTelegramUpdate(R"({"message": {}})").has_value());
  EXPECT_FALSE(ParseTelegramUpdate(R"({"update_id": "7"})").has_value());
}

TEST(ChannelsTelegramUpdates, ReadsAGetUpdatesAnswer) {
  const auto updates = ParseTelegramUpdates(R"({"ok": true, "result": [
    {"update_id": 1, "message": {"message_id": 1, "chat": {"id": 5}, "text": "hi"}},
    {"no_update_id": true},
    {"update_id": 2, "message": {"message_id": 2, "chat": {"id": "bad"}, "text": 5}},
    {"update_id": 3, "callback_query": {"id": "c", "from": {"id": 5}}}]})");
  ASSERT_EQ(updates.size(), 3u);
  EXPECT_EQ(updates[0].text, "hi");
  EXPECT_EQ(updates[1].update_id, 2);  // wrong types read as empty, never thrown
  EXPECT_EQ(updates[1].chat_id, 0);
  EXPECT_EQ(updates[1].text, "");
  EXPECT_EQ(updates[2].kind, Kind::kCallbackQuery);
  EXPECT_TRUE(ParseTelegramUpdates(R"({"ok": false})").empty());
  EXPECT_TRUE(ParseTelegramUpdates("").empty());
}

TEST(ChannelsTelegramUpdates, StartPayloads) {
  EXPECT_EQ(TelegramStartPayload("/start abc_123"), "abc_123");
  EXPECT_EQ(TelegramStartPayload("/start"), "");
  EXPECT_EQ(TelegramStartPayload("/start@KvitkaSalonBot abc"), "abc");
  EXPECT_EQ(TelegramStartPayload("/start@KvitkaSalonBot"), "");
  EXPECT_EQ(TelegramStartPayload("/startle"), std::nullopt);
  EXPECT_EQ(TelegramStartPayload("hello"), std::nullopt);
  EXPECT_EQ(TelegramStartPayload(" /start x"), std::nullopt);
}

TEST(ChannelsTelegramUpdates, WebhookSecretToken) {
  InitSecrets();
  EXPECT_TRUE(TelegramSecretTokenMatches("s3cr3t-Token_1", "s3cr3t-Token_1"));
  EXPECT_FALSE(TelegramSecretTokenMatches("s3cr3t-Token_2", "s3cr3t-Token_1"));
  EXPECT_FALSE(TelegramSecretTokenMatches("s3cr3t", "s3cr3t-Token_1"));
  EXPECT_FALSE(TelegramSecretTokenMatches("", ""));  // no secret set: nothing passes
  EXPECT_FALSE(TelegramSecretTokenMatches("x", ""));
}

}  // namespace
}  // namespace kvitka::channels
