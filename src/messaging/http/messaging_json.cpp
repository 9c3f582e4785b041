#include "messaging/http/messaging_json.h"

#include "core/time.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::messaging {

using http::Json;

namespace {

Json TimeOrNull(const std::optional<EpochSeconds>& at) {
  return at ? Json(FormatRfc3339Utc(*at)) : Json();
}

// A sent message's delivery as reported; null while nothing is known.
Json DeliveryOrNull(DeliveryState delivery) {
  return delivery == DeliveryState::kUnknown ? Json() : Json(DeliveryStateName(delivery));
}

}  // namespace

Json ChannelJson(const ChannelView& view) {
  Json json = view.fields;
  json["channel"] = ChannelName(view.channel);
  json["enabled"] = view.enabled;
  json["configured"] = view.configured;
  json["updated_at"] = TimeOrNull(view.updated_at);
  return json;
}

Json TemplateJson(const TemplateView& view) {
  const auto& t = view.text;
  Json json = {{"kind", MessageKindName(t.kind)},
               {"channel", ChannelName(t.channel)},
               {"language", LanguageName(t.language)},
               {"body", t.body},
               {"custom", view.custom},
               {"updated_at", TimeOrNull(view.updated_at)}};
  if (t.channel == Channel::kEmail) {
    json["subject"] = t.subject;
    json["html"] = t.html;
  }
  return json;
}

Json PreviewJson(const TemplatePreview& preview) {
  Json json = {{"subject", preview.message.subject},
               {"text", preview.message.body},
               {"html", preview.message.html},
               {"sms", nullptr}};
  if (preview.sms) {
    json["sms"] = {{"encoding", SmsEncodingName(preview.sms->encoding)},
                   {"parts", preview.sms->parts},
                   {"units", preview.sms->units},
                   {"units_per_part", preview.sms->units_per_part}};
  }
  return json;
}

http::Response UnknownPart(const http::Request& request, const char* part) {
  return http::ValidationFailed(request, {{part, "invalid_value"}});
}

Json MessageEntryJson(const MessageEntry& entry, bool with_client) {
  if (entry.in) {
    const auto& m = *entry.in;
    return {{"id", m.id},
            {"direction", "in"},
            {"channel", ChannelName(m.channel)},
            {"kind", nullptr},
            {"text", m.text},
            {"status", "received"},
            {"error", nullptr},
            {"appointment_id", nullptr},
            {"created_at", FormatRfc3339Utc(m.received_at)},
            {"due_at", nullptr},
            {"sent_at", nullptr},
            {"delivery", nullptr},
            {"delivered_at", nullptr}};
  }
  const auto& r = *entry.out;
  Json j = {{"id", r.id},
            {"direction", "out"},
            {"channel", r.channel.empty() ? Json(nullptr) : Json(r.channel)},
            {"kind", MessageKindName(r.kind)},
            {"text", r.body},
            {"status", OutboxStatusName(r.status)},
            {"error", r.error.empty() ? Json(nullptr) : Json(r.error)},
            {"appointment_id", r.appointment_id != 0 ? Json(r.appointment_id) : Json(nullptr)},
            {"attempts", r.attempts},
            {"created_at", FormatRfc3339Utc(r.created_at)},
            {"due_at", FormatRfc3339Utc(r.due_at)},
            {"sent_at", TimeOrNull(r.sent_at)},
            {"delivery", DeliveryOrNull(r.delivery)},
            {"delivered_at", TimeOrNull(r.delivered_at)}};
  if (with_client) {
    j["recipient"] = RecipientTypeName(r.recipient_type);
    j["recipient_id"] = r.recipient_id;
    j["client"] = r.recipient_type == RecipientType::kClient
                      ? Json{{"id", r.recipient_id}, {"name", entry.client_name}}
                      : Json(nullptr);
  }
  return j;
}

Json ClientChannelsJson(const ClientChannels& c) {
  Json order = Json::array();
  for (auto channel : c.channel_order) order.push_back(ChannelName(channel));
  return {
      {"channel_order", order},
      {"telegram",
       {{"linked", c.telegram_linked_at.has_value()},
        {"linked_at", TimeOrNull(c.telegram_linked_at)}}},
      {"viber",
       {{"linked", c.viber_linked_at.has_value()}, {"linked_at", TimeOrNull(c.viber_linked_at)}}}};
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation: {
      auto response = http::ValidationFailed(request, error.fields);
      if (error.issues.empty()) return response;
      auto json = Json::parse(response.body);
      Json issues = Json::array();
      for (const auto& [field, issue] : error.issues) {
        issues.push_back({{"field", field},
                          {"code", issue.code},
                          {"name", issue.name},
                          {"position", issue.position}});
      }
      json["issues"] = issues;
      response.body = http::Dump(json);
      return response;
    }
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kNotDraft:
      return http::Problem(request, 409, "conflict",
                           {"The campaign is no longer a draft", "Розсилка вже не чернетка",
                            "Рассылка уже не черновик"});
    case ErrorCode::kConflict:
      return http::Problem(request, 409, "channel-not-set-up",
                           {"The salon's Telegram bot is not set up (token and username)",
                            "Telegram-бот салону не налаштовано (токен і імʼя)",
                            "Telegram-бот салона не настроен (токен и имя)"});
  }
  return http::NotFound(request);
}

}  // namespace kvitka::messaging
