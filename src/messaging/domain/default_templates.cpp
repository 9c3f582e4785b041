#include "messaging/domain/default_templates.h"

#include "messaging/domain/default_texts.h"

namespace kvitka::messaging {
namespace {

internal::DefaultTexts TextsOf(MessageKind kind, Language language) {
  switch (language) {
    case Language::kRu:
      return internal::RussianTexts(kind);
    case Language::kEn:
      return internal::EnglishTexts(kind);
    case Language::kUk:
      break;
  }
  return internal::UkrainianTexts(kind);
}

const char* SignatureOf(Language language) {
  switch (language) {
    case Language::kRu:
      return "\n\nС уважением,\n{{salon_name}}{{#salon_phone}}\n{{salon_phone}}{{/salon_phone}}";
    case Language::kEn:
      return "\n\nKind regards,\n{{salon_name}}{{#salon_phone}}\n{{salon_phone}}{{/salon_phone}}";
    case Language::kUk:
      break;
  }
  return "\n\nЗ повагою,\n{{salon_name}}{{#salon_phone}}\n{{salon_phone}}{{/salon_phone}}";
}

void AppendEscaped(std::string& out, char c) {
  if (c == '\n') {
    out += "<br>\n";
  } else {
    out += EscapeHtml(std::string_view(&c, 1));
  }
}

// A plain variable tag "{{name}}" (or triple) whose name ends in "_link": the name, else empty.
std::string_view LinkName(std::string_view tag) {
  std::string_view inner = tag.substr(2, tag.size() - 4);
  if (inner.size() >= 2 && inner.front() == '{' && inner.back() == '}') {
    inner = inner.substr(1, inner.size() - 2);
  }
  if (inner.empty() || inner.front() == '#' || inner.front() == '^' || inner.front() == '/' ||
      inner.front() == '!') {
    return {};
  }
  return inner.ends_with("_link") ? inner : std::string_view{};
}

}  // namespace

std::string HtmlFromPlainTemplate(std::string_view plain) {
  std::string out = "<div style=\"font-family:Arial,sans-serif;font-size:15px;line-height:1.5\">\n";
  std::size_t at = 0;
  while (at < plain.size()) {
    if (plain.compare(at, 2, "{{") == 0) {
      const bool triple = plain.compare(at, 3, "{{{") == 0;
      const std::size_t close = plain.find(triple ? "}}}" : "}}", at + 2);
      if (close != std::string_view::npos) {
        const std::size_t end = close + (triple ? 3 : 2);
        const std::string_view tag = plain.substr(at, end - at);
        const std::string_view link = LinkName(tag);
        if (link.empty()) {
          out += tag;
        } else {
          out.append("<a href=\"{{").append(link).append("}}\">{{").append(link).append("}}</a>");
        }
        at = end;
        continue;
      }
    }
    AppendEscaped(out, plain[at]);
    ++at;
  }
  out += "\n</div>";
  return out;
}

MessageTemplate DefaultTemplate(MessageKind kind, Channel channel, Language language) {
  const internal::DefaultTexts texts = TextsOf(kind, language);
  MessageTemplate t;
  t.kind = kind;
  t.channel = channel;
  t.language = language;
  switch (channel) {
    case Channel::kSms:
      t.body = texts.sms;
      break;
    case Channel::kTelegram:
    case Channel::kViber:
      t.body = texts.chat;
      break;
    case Channel::kEmail:
      t.subject = texts.subject;
      t.body = texts.chat;
      if (!IsForStaff(kind)) t.body += SignatureOf(language);
      t.html = HtmlFromPlainTemplate(t.body);
      break;
  }
  return t;
}

TemplateValues SampleValues(Language language) {
  TemplateValues v = {
      {"date", "25.11.2026"},
      {"time", "14:30"},
      {"old_date", "24.11.2026"},
      {"old_time", "11:00"},
      {"last_visit_date", "01.11.2026"},
      {"salon_phone", "+380671234567"},
      {"client_phone", "+380501112233"},
      {"map_link", "https://maps.app.goo.gl/kv1tka"},
      {"manage_link", "https://kvitka.ua/m/7Hq2xK"},
      {"booking_link", "https://kvitka.ua/b/podil"},
      {"feedback_link", "https://kvitka.ua/f/p4Lw9Z"},
      {"telegram_link", "https://t.me/kvitka_bot?start=Zr8mQ2"},
      {"shift_start", "09:00"},
      {"shift_end", "18:00"},
      {"visits_count", "6"},
  };
  switch (language) {
    case Language::kUk:
      v.insert({{"client_name", "Олена"},
                {"days", "ср 25.11: 10:00–19:00\nчт 26.11: вихідний"},
                {"weekday", "середа"},
                {"master", "Ірина"},
                {"services", "Манікюр з покриттям"},
                {"price", "850 грн"},
                {"salon_name", "Квітка"},
                {"branch_name", "Поділ"},
                {"address", "вул. Сагайдачного, 12, Київ"},
                {"opt_out", "Відписатися: kvitka.ua/u/Q9"}});
      break;
    case Language::kRu:
      v.insert({{"client_name", "Елена"},
                {"days", "ср 25.11: 10:00–19:00\nчт 26.11: выходной"},
                {"weekday", "среда"},
                {"master", "Ирина"},
                {"services", "Маникюр с покрытием"},
                {"price", "850 грн"},
                {"salon_name", "Квитка"},
                {"branch_name", "Подол"},
                {"address", "ул. Сагайдачного, 12, Киев"},
                {"opt_out", "Отписаться: kvitka.ua/u/Q9"}});
      break;
    case Language::kEn:
      v.insert({{"client_name", "Olena"},
                {"days", "Wed 25.11: 10:00-19:00\nThu 26.11: day off"},
                {"weekday", "Wednesday"},
                {"master", "Iryna"},
                {"services", "Gel manicure"},
                {"price", "850 UAH"},
                {"salon_name", "Kvitka"},
                {"branch_name", "Podil"},
                {"address", "12 Sahaidachnoho St, Kyiv"},
                {"opt_out", "Unsubscribe: kvitka.ua/u/Q9"}});
      break;
  }
  return v;
}

}  // namespace kvitka::messaging
