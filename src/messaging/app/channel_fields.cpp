#include "messaging/app/channel_fields.h"

#include <algorithm>
#include <string_view>
#include <vector>

#include "channels/generic_sms_gateway.h"
#include "core/text.h"

namespace kvitka::messaging {

using nlohmann::json;

namespace {

enum class FieldType { kText, kSecret, kBool, kChoice, kWebUrl, kSmtpUrl, kEmail, kHeaders };

struct FieldSpec {
  Channel channel;
  std::string_view name;
  FieldType type;
  std::size_t max = 255;
  std::vector<std::string_view> choices = {};
};

const std::vector<FieldSpec>& Specs() {
  static const std::vector<FieldSpec> specs = {
      {Channel::kTelegram, "bot_token", FieldType::kSecret, 200},
      {Channel::kTelegram, "bot_username", FieldType::kText, 64},
      {Channel::kTelegram, "mode", FieldType::kChoice, 20, {"long_polling", "webhook"}},
      {Channel::kTelegram, "webhook_secret", FieldType::kSecret, 256},
      {Channel::kSms,
       "provider",
       FieldType::kChoice,
       20,
       {"turbosms", "smsclub", "alphasms", "generic"}},
      {Channel::kSms, "token", FieldType::kSecret, 500},
      {Channel::kSms, "api_key", FieldType::kSecret, 500},
      {Channel::kSms, "sender", FieldType::kText, 20},
      {Channel::kSms, "url", FieldType::kWebUrl, 2000},
      {Channel::kSms, "method", FieldType::kChoice, 10, {"POST", "PUT", "GET"}},
      {Channel::kSms, "headers", FieldType::kHeaders, 2000},
      {Channel::kSms, "body_template", FieldType::kText, 5000},
      // TurboSMS: SMS, or a Viber business message with the SMS as TurboSMS's own fallback.
      {Channel::kSms, "route", FieldType::kChoice, 20, {"sms", "viber_then_sms"}},
      {Channel::kSms, "viber_sender", FieldType::kText, 20},
      {Channel::kViber, "auth_token", FieldType::kSecret, 200},
      {Channel::kViber, "sender_name", FieldType::kText, 28},
      {Channel::kViber, "bot_uri", FieldType::kText, 64},
      {Channel::kEmail, "smtp_url", FieldType::kSmtpUrl, 500},
      {Channel::kEmail, "starttls", FieldType::kBool},
      {Channel::kEmail, "username", FieldType::kText, 200},
      {Channel::kEmail, "password", FieldType::kSecret, 500},
      {Channel::kEmail, "from_name", FieldType::kText, 100},
      {Channel::kEmail, "from_email", FieldType::kEmail, 254},
  };
  return specs;
}

const FieldSpec* SpecOf(Channel channel, std::string_view name) {
  for (const auto& spec : Specs()) {
    if (spec.channel == channel && spec.name == name) return &spec;
  }
  return nullptr;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

bool IsEmailAddress(std::string_view text) {
  const auto at = text.find('@');
  return at != std::string_view::npos && at > 0 && text.find('.', at) != std::string_view::npos &&
         text.find(' ') == std::string_view::npos && text.back() != '.';
}

// The code of what is wrong with a text value, or empty.
std::string TextProblem(const FieldSpec& spec, const std::string& value) {
  if (!IsValidUtf8(value)) return "invalid_value";
  if (Utf8Length(value) > spec.max) return "too_long";
  switch (spec.type) {
    case FieldType::kChoice:
      return std::find(spec.choices.begin(), spec.choices.end(), value) == spec.choices.end()
                 ? "invalid_value"
                 : "";
    case FieldType::kWebUrl:
      return StartsWith(value, "http://") || StartsWith(value, "https://") ? "" : "invalid_url";
    case FieldType::kSmtpUrl:
      return StartsWith(value, "smtp://") || StartsWith(value, "smtps://") ? "" : "invalid_url";
    case FieldType::kEmail:
      return IsEmailAddress(value) ? "" : "invalid_email";
    default:
      return "";
  }
}

void CheckOne(Channel channel, const FieldSpec& spec, const json& value, ChannelValues& values,
              FieldErrors& errors) {
  const std::string name(spec.name);
  const std::string field = std::string(ChannelName(channel)) + "." + name;
  json& target = spec.type == FieldType::kSecret ? values.secrets : values.settings;
  if (spec.type == FieldType::kHeaders) {
    if (value.is_null()) {
      values.settings.erase("header_names");
      values.secrets.erase("headers");
      return;
    }
    if (!value.is_object() || value.size() > 20) return errors.push_back({field, "invalid_type"});
    json names = json::array();
    for (const auto& [header, text] : value.items()) {
      if (!text.is_string() || header.empty() || header.size() > 100 ||
          text.get<std::string>().size() > spec.max) {
        std::string bad = field;
        bad += ".";
        bad += header;
        return errors.push_back({bad, "invalid_value"});
      }
      names.push_back(header);
    }
    values.settings["header_names"] = names;
    values.secrets["headers"] = value;
    return;
  }
  if (value.is_null()) {
    target.erase(name);
    return;
  }
  if (spec.type == FieldType::kBool) {
    if (!value.is_boolean()) return errors.push_back({field, "invalid_type"});
    target[name] = value;
    return;
  }
  if (!value.is_string()) return errors.push_back({field, "invalid_type"});
  std::string text = value.get<std::string>();
  if (spec.type != FieldType::kSecret) text = Trim(text);
  if (auto problem = TextProblem(spec, text); !problem.empty()) {
    return errors.push_back({field, problem, problem == "too_long" ? (std::int64_t)spec.max : 0});
  }
  if (text.empty()) {
    target.erase(name);
  } else {
    target[name] = text;
  }
}

std::string Text(const json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Checks that need several fields: an SMS sender name and the generic gateway as a whole.
void CheckSms(const ChannelValues& values, FieldErrors& errors) {
  const std::string sender = Text(values.settings, "sender");
  const bool digits = !sender.empty() && std::all_of(sender.begin(), sender.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '+';
  });
  // An alphanumeric sender name holds 11 characters; a phone number as sender 15 digits.
  const std::size_t limit = digits ? 15 : 11;
  if (Utf8Length(sender) > limit) errors.push_back({"sms.sender", "too_long", (int)limit});
  // Viber first goes only through a gateway that offers it, and only with a Viber sender.
  if (Text(values.settings, "route") == "viber_then_sms") {
    if (Text(values.settings, "provider") != "turbosms") {
      errors.push_back({"sms.route", "not_supported"});
    } else if (Text(values.settings, "viber_sender").empty()) {
      errors.push_back({"sms.viber_sender", "required"});
    }
  }
  if (Text(values.settings, "provider") != "generic") return;
  const std::string body = Text(values.settings, "body_template");
  const std::string method = Text(values.settings, "method");
  if (method != "GET" && !body.empty() &&
      (body.find("{{phone}}") == std::string::npos || body.find("{{text}}") == std::string::npos)) {
    errors.push_back({"sms.body_template", "placeholder_required"});
    return;
  }
  channels::GenericSmsSettings gateway;
  gateway.url = Text(values.settings, "url");
  if (gateway.url.empty()) return;
  if (!method.empty()) gateway.method = method;
  gateway.body_template = body;
  if (GenericSmsSettingsProblem(gateway)) errors.push_back({"sms.body_template", "invalid_value"});
}

}  // namespace

std::string TextOf(const json& object, const char* name) { return Text(object, name); }

FieldErrors ApplyChannelChanges(Channel channel, const json& changes, ChannelValues& values) {
  FieldErrors errors;
  if (!changes.is_object()) return {{"body", "invalid_type"}};
  for (const auto& [name, value] : changes.items()) {
    if (name == "enabled") {
      if (!value.is_boolean()) {
        errors.push_back({"enabled", "invalid_type"});
      } else {
        values.enabled = value.get<bool>();
      }
      continue;
    }
    const FieldSpec* spec = SpecOf(channel, name);
    if (!spec) {
      errors.push_back({std::string(ChannelName(channel)) + "." + name, "unknown_field"});
      continue;
    }
    CheckOne(channel, *spec, value, values, errors);
  }
  if (errors.empty() && channel == Channel::kSms) CheckSms(values, errors);
  return errors;
}

json ShownFields(Channel channel, const ChannelValues& values) {
  json shown = json::object();
  for (const auto& spec : Specs()) {
    if (spec.channel != channel) continue;
    const std::string name(spec.name);
    if (spec.type == FieldType::kSecret) {
      shown[name + "_set"] = values.secrets.contains(name);
    } else if (spec.type == FieldType::kHeaders) {
      shown["header_names"] = values.settings.value("header_names", json::array());
      shown["headers_set"] = values.secrets.contains("headers");
    } else {
      shown[name] = values.settings.value(name, json());
    }
  }
  return shown;
}

bool IsConfigured(Channel channel, const ChannelValues& values) {
  const auto has = [](const json& object, const char* name) { return !Text(object, name).empty(); };
  switch (channel) {
    case Channel::kTelegram:
      return has(values.secrets, "bot_token");
    case Channel::kViber:
      return has(values.secrets, "auth_token");
    case Channel::kEmail:
      return has(values.settings, "smtp_url") && has(values.settings, "from_email");
    case Channel::kSms: {
      const std::string provider = Text(values.settings, "provider");
      if (provider == "generic") return has(values.settings, "url");
      return !provider.empty() && (has(values.secrets, "token") || has(values.secrets, "api_key"));
    }
  }
  return false;
}

}  // namespace kvitka::messaging
