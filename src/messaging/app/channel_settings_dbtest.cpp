#include <gtest/gtest.h>

#include "messaging/app/messaging_fixture.h"

namespace kvitka::messaging {
namespace {

using nlohmann::json;

class ChannelSettingsTest : public MessagingFixture {
 protected:
  ChannelView Put(Channel channel, const json& changes) {
    auto saved = channels_.Put(owner_, channel, changes);
    EXPECT_TRUE(saved.ok());
    return saved.ok() ? *saved : ChannelView{};
  }
  FieldErrors Invalid(Channel channel, const json& changes) {
    auto saved = channels_.Put(owner_, channel, changes);
    EXPECT_FALSE(saved.ok());
    if (saved.ok()) return {};
    EXPECT_EQ(saved.error().code, ErrorCode::kValidation);
    return saved.error().fields;
  }
};

TEST_P(ChannelSettingsTest, ListsEveryChannelUnconfiguredAtFirst) {
  auto list = channels_.List(owner_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 4u);
  for (const auto& view : *list) {
    EXPECT_FALSE(view.enabled);
    EXPECT_FALSE(view.configured);
    EXPECT_FALSE(view.updated_at);
  }
  EXPECT_EQ((*list)[0].fields["bot_token_set"], false);
}

TEST_P(ChannelSettingsTest, SecretsAreKeptButNeverShown) {
  auto view = Put(Channel::kTelegram, {{"enabled", true},
                                       {"bot_token", "123456:SECRET-TOKEN"},
                                       {"bot_username", "kvitka_bot"},
                                       {"mode", "webhook"},
                                       {"webhook_secret", "hook-SECRET"}});
  EXPECT_TRUE(view.enabled);
  EXPECT_TRUE(view.configured);
  EXPECT_EQ(view.fields["bot_token_set"], true);
  EXPECT_EQ(view.fields["webhook_secret_set"], true);
  EXPECT_EQ(view.fields["bot_username"], "kvitka_bot");
  EXPECT_EQ(view.fields.dump().find("SECRET"), std::string::npos);

  // A PUT without the secret keeps it.
  view = Put(Channel::kTelegram, {{"bot_username", "salon_bot"}});
  EXPECT_EQ(view.fields["bot_token_set"], true);
  EXPECT_TRUE(view.configured);
  auto got = channels_.Get(manager_, Channel::kTelegram);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->fields["bot_username"], "salon_bot");
  EXPECT_EQ(got->fields["mode"], "webhook");
  EXPECT_EQ(got->fields.dump().find("SECRET"), std::string::npos);

  // null clears it.
  view = Put(Channel::kTelegram, {{"bot_token", nullptr}});
  EXPECT_EQ(view.fields["bot_token_set"], false);
  EXPECT_FALSE(view.configured);

  // The audit log tells what changed, without any secret.
  const std::string audit = AuditText();
  EXPECT_NE(audit.find("message_channel.update"), std::string::npos);
  EXPECT_EQ(audit.find("SECRET"), std::string::npos);
}

TEST_P(ChannelSettingsTest, GenericGatewayHeadersAreSecrets) {
  auto view = Put(Channel::kSms, {{"provider", "generic"},
                                  {"url", "https://gw.example/send"},
                                  {"headers", {{"Authorization", "Bearer SECRET"}}},
                                  {"body_template", R"({"to": "{{phone}}", "text": "{{text}}"})"},
                                  {"sender", "Kvitka"}});
  EXPECT_TRUE(view.configured);
  EXPECT_EQ(view.fields["header_names"], json::array({"Authorization"}));
  EXPECT_EQ(view.fields["headers_set"], true);
  EXPECT_EQ(view.fields.dump().find("SECRET"), std::string::npos);
  EXPECT_EQ(AuditText().find("SECRET"), std::string::npos);
}

TEST_P(ChannelSettingsTest, EachFieldIsChecked) {
  EXPECT_EQ(Invalid(Channel::kSms, {{"sender", "KvitkaBeautySalon"}}),
            (FieldErrors{{"sms.sender", "too_long", 11}}));
  EXPECT_TRUE(channels_.Put(owner_, Channel::kSms, {{"sender", "380671234567"}}).ok());
  EXPECT_EQ(Invalid(Channel::kSms, {{"provider", "kyivstar"}}),
            (FieldErrors{{"sms.provider", "invalid_value"}}));
  EXPECT_EQ(Invalid(Channel::kSms, {{"url", "ftp://gw.example"}}),
            (FieldErrors{{"sms.url", "invalid_url"}}));
  EXPECT_EQ(Invalid(Channel::kSms, {{"provider", "generic"},
                                    {"url", "https://gw.example"},
                                    {"body_template", R"({"to": "{{phone}}"})"}}),
            (FieldErrors{{"sms.body_template", "placeholder_required"}}));
  EXPECT_EQ(Invalid(Channel::kEmail, {{"smtp_url", "https://mail.example"}}),
            (FieldErrors{{"email.smtp_url", "invalid_url"}}));
  EXPECT_EQ(Invalid(Channel::kEmail, {{"from_email", "nobody"}}),
            (FieldErrors{{"email.from_email", "invalid_email"}}));
  EXPECT_EQ(Invalid(Channel::kEmail, {{"starttls", "yes"}}),
            (FieldErrors{{"email.starttls", "invalid_type"}}));
  EXPECT_EQ(Invalid(Channel::kTelegram, {{"mode", "push"}}),
            (FieldErrors{{"telegram.mode", "invalid_value"}}));
  EXPECT_EQ(Invalid(Channel::kViber, {{"colour", "red"}}),
            (FieldErrors{{"viber.colour", "unknown_field"}}));
  // Nothing was saved by the refused changes.
  auto sms = channels_.Get(owner_, Channel::kSms);
  ASSERT_TRUE(sms.ok());
  EXPECT_EQ(sms->fields["sender"], "380671234567");
  EXPECT_TRUE(sms->fields["provider"].is_null());

  auto email = Put(Channel::kEmail, {{"smtp_url", "smtps://smtp.example:465"},
                                     {"from_email", "salon@example.com"},
                                     {"password", "SECRET"},
                                     {"starttls", false}});
  EXPECT_TRUE(email.configured);
  EXPECT_EQ(email.fields["password_set"], true);
}

TEST_P(ChannelSettingsTest, OnlyOwnersAndManagers) {
  EXPECT_TRUE(channels_.List(manager_).ok());
  EXPECT_TRUE(channels_.Put(manager_, Channel::kViber, {{"sender_name", "Kvitka"}}).ok());
  for (const auto& actor : {admin_, master_}) {
    EXPECT_EQ(channels_.List(actor).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(channels_.Get(actor, Channel::kViber).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(channels_.Put(actor, Channel::kViber, {{"enabled", true}}).error().code,
              ErrorCode::kForbidden);
  }
}

TEST_P(ChannelSettingsTest, OrganizationsDoNotShareSettings) {
  Put(Channel::kViber, {{"auth_token", "SECRET"}});
  auto other = ActorOf(SignUp("other@example.com", "Other salon"));
  auto view = channels_.Get(other, Channel::kViber);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->fields["auth_token_set"], false);
}

INSTANTIATE_TEST_SUITE_P(Dialects, ChannelSettingsTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
