#include "messaging/domain/templates.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

namespace kvitka::messaging {

void PrintTo(const TemplateIssue& issue, std::ostream* out) {
  *out << issue.code << "(" << issue.name << " @" << issue.position << ")";
}

namespace {

std::string Render(std::string_view text, const TemplateValues& values, TextFormat format) {
  auto rendered = RenderText(text, values, format);
  EXPECT_TRUE(rendered.ok()) << text;
  return rendered.ok() ? rendered.value() : std::string();
}

TEST(MessagingTemplates, ScanFindsVariablesSectionsAndDropsComments) {
  const auto scanned =
      ScanTemplate("Hi {{ client_name }}{{! note }}{{#price}} {{&price}}{{/price}}{{{master}}}");
  EXPECT_TRUE(scanned.issues.empty());
  ASSERT_EQ(scanned.tags.size(), 5u);
  EXPECT_EQ(scanned.tags[0].name, "client_name");
  EXPECT_EQ(scanned.tags[1].type, TagType::kSection);
  EXPECT_EQ(scanned.tags[3].type, TagType::kSectionEnd);
  EXPECT_EQ(scanned.normalized, "Hi {{{client_name}}}{{#price}} {{{price}}}{{/price}}{{{master}}}");
}

TEST(MessagingTemplates, SyntaxErrorsAreFoundWithTheirPlace) {
  const MessageKind kind = MessageKind::kReminder;
  EXPECT_EQ(FindTemplateIssues("Дата {{date", kind), (TemplateIssues{{"unclosed_tag", "", 5}}));
  EXPECT_EQ(FindTemplateIssues("{{#address}}Адреса", kind),
            (TemplateIssues{{"unclosed_section", "address", 0}}));
  EXPECT_EQ(FindTemplateIssues("ok{{/address}}", kind),
            (TemplateIssues{{"unexpected_section_end", "address", 2}}));
  EXPECT_EQ(FindTemplateIssues("{{#address}}{{#price}}{{/address}}{{/price}}", kind),
            (TemplateIssues{{"unexpected_section_end", "address", 22},
                            {"unclosed_section", "address", 0}}));
  EXPECT_EQ(FindTemplateIssues("{{}} {{ }}", kind),
            (TemplateIssues{{"empty_tag", "", 0}, {"empty_tag", "", 5}}));
  EXPECT_EQ(FindTemplateIssues("{{client name}} {{date.day}}", kind),
            (TemplateIssues{{"invalid_name", "client name", 0}, {"invalid_name", "date.day", 16}}));
  EXPECT_EQ(
      FindTemplateIssues("{{> footer}}{{=<% %>=}}", kind),
      (TemplateIssues{{"unsupported_tag", "> footer", 0}, {"unsupported_tag", "=<% %>=", 12}}));
  EXPECT_EQ(FindTemplateIssues("bad \xff", kind), (TemplateIssues{{"invalid_utf8", "", 0}}));
}

TEST(MessagingTemplates, UnknownVariablesAreNamedWhereTheyAre) {
  EXPECT_EQ(
      FindTemplateIssues("Привіт, {{clinet_name}}! {{#bonus}}x{{/bonus}}", MessageKind::kReminder),
      (TemplateIssues{{"unknown_variable", "clinet_name", 8}, {"unknown_variable", "bonus", 25}}));
  // The feedback link belongs to feedback requests, not to reminders.
  EXPECT_TRUE(FindTemplateIssues("{{feedback_link}}", MessageKind::kFeedbackRequest).empty());
  EXPECT_EQ(FindTemplateIssues("{{feedback_link}}", MessageKind::kReminder).size(), 1u);
}

TEST(MessagingTemplates, MarketingNeedsAnOptOut) {
  EXPECT_EQ(FindTemplateIssues("З днем народження, {{client_name}}!", MessageKind::kBirthday),
            (TemplateIssues{{"opt_out_required", "opt_out", 0}}));
  EXPECT_TRUE(FindTemplateIssues("Вітаємо! {{opt_out}}", MessageKind::kBirthday).empty());
  EXPECT_TRUE(FindTemplateIssues("Нагадуємо про запис", MessageKind::kReminder).empty());
  EXPECT_EQ(FindTemplateIssues("{{opt_out}}", MessageKind::kReminder),
            (TemplateIssues{{"unknown_variable", "opt_out", 0}}));
}

TEST(MessagingTemplates, EveryVariableListIsDistinctAndKnownToItsKind) {
  for (MessageKind kind : AllMessageKinds()) {
    const auto names = TemplateVariables(kind);
    EXPECT_FALSE(names.empty());
    for (std::size_t i = 0; i < names.size(); ++i) {
      for (std::size_t j = i + 1; j < names.size(); ++j) EXPECT_NE(names[i], names[j]);
    }
    EXPECT_EQ(IsMarketing(kind), std::find(names.begin(), names.end(), "opt_out") != names.end());
  }
}

TEST(MessagingTemplates, CheckReportsFieldErrorsOncePerCode) {
  MessageTemplate t;
  t.kind = MessageKind::kReminder;
  t.channel = Channel::kSms;
  t.body = "{{foo}} {{bar}} {{#date}}";
  EXPECT_EQ(CheckTemplate(t),
            (FieldErrors{{"body", "unclosed_section"}, {"body", "unknown_variable"}}));
  t.body = "";
  EXPECT_EQ(CheckTemplate(t), (FieldErrors{{"body", "required"}}));
  t.body = std::string(1001, 'a');
  EXPECT_EQ(CheckTemplate(t), (FieldErrors{{"body", "too_long", 1000}}));
  t.channel = Channel::kTelegram;
  EXPECT_TRUE(CheckTemplate(t).empty());
}

TEST(MessagingTemplates, EmailNeedsASubjectAndChecksItsHtml) {
  MessageTemplate t;
  t.kind = MessageKind::kCampaign;
  t.channel = Channel::kEmail;
  t.body = "Пропозиція. {{opt_out}}";
  t.html = "<p>Пропозиція</p>{{#booking_link}}";
  EXPECT_EQ(CheckTemplate(t), (FieldErrors{{"subject", "required"},
                                           {"html", "unclosed_section"},
                                           {"html", "opt_out_required"}}));
  t.subject = std::string(201, 's');
  t.html = "<p>{{opt_out}}</p>";
  EXPECT_EQ(CheckTemplate(t), (FieldErrors{{"subject", "too_long", 200}}));
}

TEST(MessagingTemplates, PlainTextKeepsValuesVerbatim) {
  const TemplateValues values = {{"client_name", "Tom & \"Jerry\" <b>O'Neil</b>"},
                                 {"manage_link", "https://k.ua/m?a=1&b=2"}};
  EXPECT_EQ(Render("{{client_name}} {{{client_name}}} {{&client_name}} {{manage_link}}", values,
                   TextFormat::kPlain),
            "Tom & \"Jerry\" <b>O'Neil</b> Tom & \"Jerry\" <b>O'Neil</b> "
            "Tom & \"Jerry\" <b>O'Neil</b> https://k.ua/m?a=1&b=2");
}

TEST(MessagingTemplates, HtmlEscapesValuesWhateverBracesTheAuthorUsed) {
  const TemplateValues values = {{"client_name", "<script>alert('x')</script> & \"co\""}};
  const std::string escaped =
      "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;";
  EXPECT_EQ(Render("<p>{{client_name}}|{{{client_name}}}|{{& client_name}}</p>", values,
                   TextFormat::kHtml),
            "<p>" + escaped + "|" + escaped + "|" + escaped + "</p>");
}

TEST(MessagingTemplates, HtmlLinksKeepSlashesAndEscapeAmpersands) {
  EXPECT_EQ(
      Render("<a href=\"{{manage_link}}\">{{manage_link}}</a>",
             {{"manage_link", "https://k.ua/m?a=1&b=\"2\""}}, TextFormat::kHtml),
      "<a "
      "href=\"https://k.ua/m?a=1&amp;b=&quot;2&quot;\">https://k.ua/m?a=1&amp;b=&quot;2&quot;</a>");
  EXPECT_EQ(EscapeHtml("Ліна & <Ко> \"О'Ніл\""), "Ліна &amp; &lt;Ко&gt; &quot;О&#39;Ніл&quot;");
}

TEST(MessagingTemplates, SectionsFollowTheValues) {
  const std::string text = "A{{#address}}, {{address}}{{/address}}{{^price}} (free){{/price}}.";
  EXPECT_EQ(Render(text, {{"address", "Поділ"}}, TextFormat::kPlain), "A, Поділ (free).");
  EXPECT_EQ(Render(text, {{"address", ""}, {"price", "850 грн"}}, TextFormat::kPlain), "A.");
  EXPECT_EQ(Render("{{unknown}}x", {}, TextFormat::kPlain), "x");
}

TEST(MessagingTemplates, ValuesAreNotTemplates) {
  EXPECT_EQ(
      Render("{{client_name}}", {{"client_name", "{{salon_name}} {{#x}}"}}, TextFormat::kPlain),
      "{{salon_name}} {{#x}}");
  EXPECT_EQ(Render("{ {{client_name}} }}} {", {{"client_name", "O"}}, TextFormat::kPlain),
            "{ O }}} {");
}

TEST(MessagingTemplates, RenderRefusesBrokenSyntax) {
  const auto rendered = RenderText("{{#address}}x", {}, TextFormat::kPlain);
  ASSERT_FALSE(rendered.ok());
  EXPECT_EQ(rendered.error().front().code, "unclosed_section");
}

TEST(MessagingTemplates, EmailRendersSubjectAsOneLineAndHtmlEscaped) {
  MessageTemplate t;
  t.kind = MessageKind::kReminder;
  t.channel = Channel::kEmail;
  t.subject = "Запис: {{client_name}}";
  t.body = "{{client_name}} & co";
  t.html = "<b>{{client_name}}</b>";
  const auto message = RenderMessage(t, {{"client_name", "A<b>\r\nBcc: x"}});
  ASSERT_TRUE(message.ok());
  EXPECT_EQ(message->subject, "Запис: A<b>  Bcc: x");
  EXPECT_EQ(message->body, "A<b>\r\nBcc: x & co");
  EXPECT_EQ(message->html, "<b>A&lt;b&gt;\r\nBcc: x</b>");
  t.channel = Channel::kSms;
  const auto sms = RenderMessage(t, {{"client_name", "Оля"}});
  ASSERT_TRUE(sms.ok());
  EXPECT_EQ(sms->body, "Оля & co");
  EXPECT_TRUE(sms->subject.empty());
  EXPECT_TRUE(sms->html.empty());
}

}  // namespace
}  // namespace kvitka::messaging
