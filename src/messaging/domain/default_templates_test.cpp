#include "messaging/domain/default_templates.h"

#include <gtest/gtest.h>

#include "messaging/domain/sms_text.h"

namespace kvitka::messaging {
namespace {

std::string Label(MessageKind kind, Channel channel, Language language) {
  return std::string(MessageKindName(kind)) + "/" + ChannelName(channel) + "/" +
         LanguageName(language);
}

RenderedMessage RenderSample(MessageKind kind, Channel channel, Language language) {
  const auto rendered =
      RenderMessage(DefaultTemplate(kind, channel, language), SampleValues(language));
  EXPECT_TRUE(rendered.ok()) << Label(kind, channel, language);
  return rendered.ok() ? rendered.value() : RenderedMessage{};
}

TEST(MessagingDefaults, EveryKindChannelAndLanguageHasAValidTemplate) {
  for (MessageKind kind : AllMessageKinds()) {
    for (Channel channel : AllChannels()) {
      for (Language language : AllLanguages()) {
        const MessageTemplate t = DefaultTemplate(kind, channel, language);
        const std::string label = Label(kind, channel, language);
        EXPECT_EQ(t.kind, kind);
        EXPECT_EQ(t.channel, channel);
        EXPECT_EQ(t.language, language);
        EXPECT_TRUE(CheckTemplate(t).empty()) << label;
        EXPECT_TRUE(FindTemplateIssues(t.body, kind).empty()) << label;
        EXPECT_EQ(channel == Channel::kEmail, !t.subject.empty()) << label;
        EXPECT_EQ(channel == Channel::kEmail, !t.html.empty()) << label;
      }
    }
  }
}

TEST(MessagingDefaults, LanguagesHaveTheirOwnTexts) {
  for (MessageKind kind : AllMessageKinds()) {
    for (Channel channel : AllChannels()) {
      const auto uk = DefaultTemplate(kind, channel, Language::kUk).body;
      const auto ru = DefaultTemplate(kind, channel, Language::kRu).body;
      const auto en = DefaultTemplate(kind, channel, Language::kEn).body;
      EXPECT_NE(uk, ru) << Label(kind, channel, Language::kRu);
      EXPECT_NE(uk, en) << Label(kind, channel, Language::kEn);
    }
  }
}

TEST(MessagingDefaults, SampleValuesFillEveryVariable) {
  for (Language language : AllLanguages()) {
    const TemplateValues values = SampleValues(language);
    for (MessageKind kind : AllMessageKinds()) {
      for (std::string_view name : TemplateVariables(kind)) {
        const auto it = values.find(name);
        ASSERT_NE(it, values.end()) << name;
        EXPECT_FALSE(it->second.empty()) << name;
      }
    }
  }
}

TEST(MessagingDefaults, RenderWithSampleValuesLeavingNoTags) {
  for (MessageKind kind : AllMessageKinds()) {
    for (Channel channel : AllChannels()) {
      for (Language language : AllLanguages()) {
        const RenderedMessage m = RenderSample(kind, channel, language);
        const std::string label = Label(kind, channel, language);
        EXPECT_FALSE(m.body.empty()) << label;
        EXPECT_EQ(m.body.find("{{"), std::string::npos) << label << "\n" << m.body;
        EXPECT_EQ(m.html.find("{{"), std::string::npos) << label;
        EXPECT_FALSE(m.body.back() == '\n' || m.body.back() == ' ') << label;
        if (IsMarketing(kind)) {
          EXPECT_NE(m.body.find(SampleValues(language).at("opt_out")), std::string::npos) << label;
        }
      }
    }
  }
}

TEST(MessagingDefaults, SmsToClientsStaysWithinTwoParts) {
  for (MessageKind kind : AllMessageKinds()) {
    for (Language language : AllLanguages()) {
      const RenderedMessage m = RenderSample(kind, Channel::kSms, language);
      const SmsSize size = MeasureSms(m.body);
      EXPECT_LE(size.parts, 2) << Label(kind, Channel::kSms, language) << "\n" << m.body;
      if (language == Language::kEn) {
        EXPECT_EQ(size.encoding, SmsEncoding::kGsm7) << m.body;
        EXPECT_EQ(size.parts, 1) << m.body;
      }
    }
  }
}

TEST(MessagingDefaults, UkrainianReminderReadsNaturally) {
  EXPECT_EQ(RenderSample(MessageKind::kReminder, Channel::kSms, Language::kUk).body,
            "Квітка: Олена, нагадуємо про запис 25.11.2026 о 14:30, майстер Ірина. "
            "Змінити: https://kvitka.ua/m/7Hq2xK");
  EXPECT_EQ(RenderSample(MessageKind::kReminder, Channel::kTelegram, Language::kUk).body,
            "Олена, нагадуємо про ваш запис:\n\n"
            "Манікюр з покриттям\n"
            "середа, 25.11.2026 о 14:30\n"
            "Майстер: Ірина\n"
            "Адреса: вул. Сагайдачного, 12, Київ\n"
            "Як дістатися: https://maps.app.goo.gl/kv1tka\n\n"
            "Якщо плани змінилися, перенесіть або скасуйте запис: https://kvitka.ua/m/7Hq2xK\n\n"
            "До зустрічі!");
}

TEST(MessagingDefaults, OptionalLinesDisappearWithoutTheirValues) {
  TemplateValues values = SampleValues(Language::kUk);
  values.erase("address");
  values.erase("map_link");
  values["manage_link"] = "";
  const auto body =
      RenderText(DefaultTemplate(MessageKind::kReminder, Channel::kViber, Language::kUk).body,
                 values, TextFormat::kPlain);
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(*body,
            "Олена, нагадуємо про ваш запис:\n\nМанікюр з покриттям\nсереда, 25.11.2026 о 14:30\n"
            "Майстер: Ірина\n\nДо зустрічі!");
}

TEST(MessagingDefaults, EmailHasSignatureAndLinkedHtml) {
  const RenderedMessage m =
      RenderSample(MessageKind::kBookingConfirmation, Channel::kEmail, Language::kEn);
  EXPECT_EQ(m.subject, "Kvitka: your booking on 25.11.2026 at 14:30");
  EXPECT_TRUE(m.body.ends_with("Kind regards,\nKvitka\n+380671234567")) << m.body;
  EXPECT_NE(m.html.find("<a href=\"https://kvitka.ua/m/7Hq2xK\">https://kvitka.ua/m/7Hq2xK</a>"),
            std::string::npos)
      << m.html;
  EXPECT_NE(m.html.find("Gel manicure<br>\n"), std::string::npos);
  const MessageTemplate staff =
      DefaultTemplate(MessageKind::kStaffNewBooking, Channel::kEmail, Language::kUk);
  EXPECT_EQ(staff.body.find("З повагою"), std::string::npos);
}

TEST(MessagingDefaults, HtmlFromPlainEscapesTextAndKeepsTags) {
  EXPECT_EQ(HtmlFromPlainTemplate("A & <B>\n{{#manage_link}}Go: {{manage_link}}{{/manage_link}}"
                                  " {{{client_name}}}"),
            "<div style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5\">\n"
            "A &amp; &lt;B&gt;<br>\n{{#manage_link}}Go: <a href=\"{{manage_link}}\">"
            "{{manage_link}}</a>{{/manage_link}} {{{client_name}}}\n</div>");
}

}  // namespace
}  // namespace kvitka::messaging
