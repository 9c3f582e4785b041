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
  }
  return http::NotFound(request);
}

}  // namespace kvitka::messaging
