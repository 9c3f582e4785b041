#include "channels/generic_sms_gateway.h"

#include <nlohmann/json.hpp>

#include "channels/delivery_rules.h"
#include "channels/json_fields.h"

namespace kvitka::channels {
namespace {

using nlohmann::json;

constexpr std::string_view kProvider = "SMS gateway";

std::string JsonEscaped(std::string_view text) {
  std::string quoted = DumpJson(json(std::string(text)));
  return quoted.substr(1, quoted.size() - 2);
}

bool ValidPointer(const std::string& pointer) {
  if (pointer.empty()) return true;
  try {
    json::json_pointer parsed(pointer);
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

// The value at a JSON pointer as text (a string as is, anything else serialised); nullopt when
// absent.
std::optional<std::string> ValueAt(const json& answer, const std::string& pointer) {
  try {
    const json& value = answer.at(json::json_pointer(pointer));
    return value.is_string() ? value.get<std::string>() : DumpJson(value);
  } catch (const json::exception&) {
    return std::nullopt;
  }
}

}  // namespace

std::string FillGenericTemplate(std::string_view pattern, std::string_view phone,
                                std::string_view text, std::string_view key, bool for_url) {
  const std::string digits(phone.starts_with("+") ? phone.substr(1) : phone);
  const auto encode = [for_url](std::string_view value) {
    return for_url ? UrlEncode(value) : JsonEscaped(value);
  };
  const std::pair<std::string_view, std::string> values[] = {{"{{phone_digits}}", encode(digits)},
                                                             {"{{phone}}", encode(phone)},
                                                             {"{{text}}", encode(text)},
                                                             {"{{message_id}}", encode(key)}};
  std::string out;
  out.reserve(pattern.size() + text.size() * 2);
  std::size_t at = 0;
  while (at < pattern.size()) {
    bool replaced = false;
    for (const auto& [name, value] : values) {
      if (pattern.substr(at, name.size()) == name) {
        out += value;
        at += name.size();
        replaced = true;
        break;
      }
    }
    if (!replaced) out += pattern[at++];
  }
  return out;
}

std::optional<std::string> GenericSmsSettingsProblem(const GenericSmsSettings& settings) {
  if (!settings.url.starts_with("http://") && !settings.url.starts_with("https://")) {
    return "the URL must start with http:// or https://";
  }
  if (settings.method != "POST" && settings.method != "PUT" && settings.method != "GET") {
    return "the method must be POST, PUT or GET";
  }
  if (settings.method != "GET" && settings.content_type.find("json") != std::string::npos) {
    const std::string sample =
        FillGenericTemplate(settings.body_template, "+380671234567",
                            "Текст \"з\" лапками\nі рядком", "kvitka-1-2-sms", false);
    if (!json::accept(sample)) return "the body template is not JSON once filled in";
  }
  if (!ValidPointer(settings.success_pointer) || !ValidPointer(settings.message_id_pointer)) {
    return "a JSON pointer must look like /status or /data/0/id";
  }
  return std::nullopt;
}

GenericSmsGateway::GenericSmsGateway(GenericSmsSettings settings, HttpClientOptions http)
    : settings_(std::move(settings)), http_(std::move(http)) {}

Delivery GenericSmsGateway::Send(const Outgoing& message) {
  if (!PhoneDigits(message.to)) {
    return Delivery::Rejected("SMS gateway: not a phone in E.164: " + Snippet(message.to, 32));
  }
  if (const auto problem = SmsTextProblem(message.text, settings_.max_sms_parts)) {
    return Delivery::Rejected("SMS gateway: " + *problem);
  }
  if (const auto problem = GenericSmsSettingsProblem(settings_)) {
    return Delivery::Rejected("SMS gateway settings: " + *problem);
  }
  HttpRequest request;
  request.method = settings_.method;
  request.url = FillGenericTemplate(settings_.url, message.to, message.text, message.key, true);
  request.headers = settings_.headers;
  if (!message.key.empty()) request.headers.push_back({"Idempotency-Key", message.key});
  if (settings_.method != "GET") {
    request.body =
        FillGenericTemplate(settings_.body_template, message.to, message.text, message.key, false);
    request.headers.push_back({"Content-Type", settings_.content_type});
  }
  const HttpResponse response = http_.Send(request);
  if (auto failure = RetryableFailure(response, kProvider)) return *failure;
  if (!response.ok()) {
    return Delivery::Rejected(std::string(kProvider) + ": HTTP " + std::to_string(response.status) +
                              " " + Snippet(response.body, 160));
  }
  if (settings_.success_pointer.empty() && settings_.message_id_pointer.empty()) {
    return Delivery::Sent("");
  }
  const json answer = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  if (answer.is_discarded()) return Delivery::Retry("SMS gateway: unreadable answer");
  if (!settings_.success_pointer.empty()) {
    const auto value = ValueAt(answer, settings_.success_pointer);
    if (value != settings_.success_value) {
      return Delivery::Rejected(std::string(kProvider) + ": " + settings_.success_pointer + " is " +
                                Snippet(value.value_or("missing"), 80) + ": " +
                                Snippet(response.body, 120));
    }
  }
  return Delivery::Sent(settings_.message_id_pointer.empty()
                            ? ""
                            : ValueAt(answer, settings_.message_id_pointer).value_or(""));
}

}  // namespace kvitka::channels
