#include <gtest/gtest.h>

#include "messaging/app/messaging_fixture.h"
#include "messaging/domain/default_templates.h"

namespace kvitka::messaging {
namespace {

class MessageTemplatesTest : public MessagingFixture {
 protected:
  MessageTemplate Sms(std::string body) {
    return {MessageKind::kReminder, Channel::kSms, Language::kUk, "", std::move(body), ""};
  }
  std::vector<TemplateView> Reminders(const identity::Actor& actor) {
    auto list = templates_.List(actor, {MessageKind::kReminder, Channel::kSms, Language::kUk});
    EXPECT_TRUE(list.ok());
    return list.ok() ? *list : std::vector<TemplateView>{};
  }
};

TEST_P(MessageTemplatesTest, ListsTheDefaultsUntilTheSalonWritesItsOwn) {
  auto all = templates_.List(owner_, {});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), AllMessageKinds().size() * AllChannels().size() * AllLanguages().size());
  auto reminder = Reminders(owner_);
  ASSERT_EQ(reminder.size(), 1u);
  EXPECT_FALSE(reminder[0].custom);
  EXPECT_EQ(reminder[0].text.body,
            DefaultTemplate(MessageKind::kReminder, Channel::kSms, Language::kUk).body);

  auto saved = templates_.Save(owner_, Sms("{{client_name}}, чекаємо {{date}} о {{time}}"));
  ASSERT_TRUE(saved.ok());
  EXPECT_TRUE(saved->custom);
  reminder = Reminders(manager_);
  ASSERT_EQ(reminder.size(), 1u);
  EXPECT_TRUE(reminder[0].custom);
  EXPECT_EQ(reminder[0].text.body, "{{client_name}}, чекаємо {{date}} о {{time}}");
  EXPECT_TRUE(reminder[0].updated_at);

  // Saving again replaces; deleting goes back to the default.
  ASSERT_TRUE(templates_.Save(owner_, Sms("Нагадуємо: {{date}} {{time}}")).ok());
  EXPECT_EQ(Reminders(owner_)[0].text.body, "Нагадуємо: {{date}} {{time}}");
  auto reset = templates_.Reset(owner_, MessageKind::kReminder, Channel::kSms, Language::kUk);
  ASSERT_TRUE(reset.ok());
  EXPECT_FALSE(reset->custom);
  EXPECT_FALSE(Reminders(owner_)[0].custom);
  const std::string audit = AuditText();
  EXPECT_NE(audit.find("message_template.create"), std::string::npos);
  EXPECT_NE(audit.find("message_template.update"), std::string::npos);
  EXPECT_NE(audit.find("message_template.reset"), std::string::npos);
}

TEST_P(MessageTemplatesTest, RefusesWhatCheckTemplateRefuses) {
  auto unknown = templates_.Save(owner_, Sms("Привіт, {{client_name}} {{unknown}}"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kValidation);
  EXPECT_EQ(unknown.error().fields, CheckTemplate(Sms("Привіт, {{client_name}} {{unknown}}")));
  ASSERT_EQ(unknown.error().issues.size(), 1u);
  EXPECT_EQ(unknown.error().issues[0].field, "body");
  EXPECT_EQ(unknown.error().issues[0].issue.code, "unknown_variable");
  EXPECT_EQ(unknown.error().issues[0].issue.name, "unknown");
  EXPECT_EQ(unknown.error().issues[0].issue.position, 24);

  auto empty = templates_.Save(owner_, Sms(""));
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().fields, (FieldErrors{{"body", "required"}}));

  MessageTemplate birthday = Sms("З днем народження, {{client_name}}!");
  birthday.kind = MessageKind::kBirthday;
  auto no_opt_out = templates_.Save(owner_, birthday);
  ASSERT_FALSE(no_opt_out.ok());
  EXPECT_EQ(no_opt_out.error().issues[0].issue.code, "opt_out_required");
  EXPECT_FALSE(Reminders(owner_)[0].custom);
}

TEST_P(MessageTemplatesTest, PreviewCountsSmsParts) {
  // 71 Cyrillic characters: UCS-2, two parts.
  std::string text;
  for (int i = 0; i < 71; ++i) text += "ж";
  auto preview = templates_.Preview(owner_, Sms(text));
  ASSERT_TRUE(preview.ok());
  ASSERT_TRUE(preview->sms);
  EXPECT_EQ(preview->sms->encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(preview->sms->parts, 2);
  EXPECT_EQ(preview->sms->units, 71);

  auto named = templates_.Preview(owner_, Sms("{{client_name}}"));
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->message.body, SampleValues(Language::kUk).at("client_name"));

  MessageTemplate email{MessageKind::kReminder, Channel::kEmail,    Language::kEn,
                        "At {{time}}",          "See you {{date}}", "<p>{{client_name}}</p>"};
  auto mail = templates_.Preview(owner_, email);
  ASSERT_TRUE(mail.ok());
  EXPECT_FALSE(mail->sms);
  EXPECT_FALSE(mail->message.subject.empty());
  EXPECT_EQ(mail->message.html.rfind("<p>", 0), 0u);

  auto broken = templates_.Preview(owner_, Sms("{{#date}} unclosed"));
  ASSERT_FALSE(broken.ok());
  EXPECT_FALSE(broken.error().issues.empty());
}

TEST_P(MessageTemplatesTest, OnlyOwnersAndManagers) {
  for (const auto& actor : {admin_, master_}) {
    EXPECT_EQ(templates_.List(actor, {}).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(templates_.Save(actor, Sms("{{date}}")).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(
        templates_.Reset(actor, MessageKind::kReminder, Channel::kSms, Language::kUk).error().code,
        ErrorCode::kForbidden);
    EXPECT_EQ(templates_.Preview(actor, Sms("{{date}}")).error().code, ErrorCode::kForbidden);
  }
  EXPECT_TRUE(templates_.Save(manager_, Sms("{{date}}")).ok());
  auto variables = templates_.Variables(manager_, MessageKind::kReminder);
  ASSERT_TRUE(variables.ok());
  EXPECT_EQ(variables->front(), "client_name");
}

INSTANTIATE_TEST_SUITE_P(Dialects, MessageTemplatesTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
