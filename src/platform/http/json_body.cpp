#include "platform/http/json_body.h"

#include <charconv>

#include "core/text.h"
#include "platform/http/problem.h"

namespace kvitka::http {

Result<JsonBody, Response> JsonBody::Parse(const Request& request) {
  const LocalizedText title{"The request body is not valid JSON",
                            "Тіло запиту не є правильним JSON",
                            "Тело запроса не является правильным JSON"};
  Json json = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Fail(Problem(request, 400, "malformed-json", title,
                        request.body.empty() ? "empty body" : "syntax error"));
  }
  if (!json.is_object()) {
    return Fail(Problem(request, 400, "malformed-json", title, "a JSON object is expected"));
  }
  return JsonBody(std::move(json));
}

bool JsonBody::Has(const char* field) const {
  return json_.contains(field) && !json_.at(field).is_null();
}

const Json* JsonBody::Field(const char* field, bool required) {
  auto it = json_.find(field);
  if (it == json_.end() || it->is_null()) {
    if (required) errors_.push_back({field, "required"});
    return nullptr;
  }
  return &*it;
}

std::optional<std::string> JsonBody::Text(const char* field, TextRule rule) {
  const Json* value = Field(field, rule.required);
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  std::string text = value->get<std::string>();
  if (!IsValidUtf8(text)) {
    errors_.push_back({field, "invalid_value"});
    return std::nullopt;
  }
  if (rule.trim) text = Trim(text);
  const auto length = Utf8Length(text);
  if (text.empty() && rule.required) {
    errors_.push_back({field, "required"});
    return std::nullopt;
  }
  if (length < rule.min) {
    errors_.push_back({field, "too_short", static_cast<std::int64_t>(rule.min)});
    return std::nullopt;
  }
  if (length > rule.max) {
    errors_.push_back({field, "too_long", static_cast<std::int64_t>(rule.max)});
    return std::nullopt;
  }
  return text;
}

std::optional<bool> JsonBody::Bool(const char* field, bool required) {
  const Json* value = Field(field, required);
  if (!value) return std::nullopt;
  if (!value->is_boolean()) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::int64_t> JsonBody::Int(const char* field, bool required, std::int64_t min,
                                          std::int64_t max) {
  const Json* value = Field(field, required);
  if (!value) return std::nullopt;
  if (!value->is_number_integer()) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  if (value->is_number_unsigned() &&
      value->get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
    errors_.push_back({field, "out_of_range", max});
    return std::nullopt;
  }
  const auto number = value->get<std::int64_t>();
  if (number < min || number > max) {
    errors_.push_back({field, "out_of_range", number < min ? min : max});
    return std::nullopt;
  }
  return number;
}

bool JsonBody::IsNull(const char* field) const {
  auto it = json_.find(field);
  return it != json_.end() && it->is_null();
}

std::optional<std::vector<std::string>> JsonBody::TextList(const char* field, std::size_t max_items,
                                                           TextRule rule) {
  const Json* value = Field(field, rule.required);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  if (value->size() > max_items) {
    errors_.push_back({field, "too_long", static_cast<std::int64_t>(max_items)});
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < value->size(); ++i) {
    const std::string name = std::string(field) + "[" + std::to_string(i) + "]";
    const Json& item = (*value)[i];
    if (!item.is_string() || !IsValidUtf8(item.get<std::string>())) {
      errors_.push_back({name, "invalid_type"});
      continue;
    }
    std::string text = rule.trim ? Trim(item.get<std::string>()) : item.get<std::string>();
    if (Utf8Length(text) > rule.max) {
      errors_.push_back({name, "too_long", static_cast<std::int64_t>(rule.max)});
      continue;
    }
    if (!text.empty()) out.push_back(std::move(text));
  }
  return out;
}

std::optional<std::vector<Id>> JsonBody::IdList(const char* field, std::size_t max_items) {
  const Json* value = Field(field, false);
  if (!value) return std::nullopt;
  if (!value->is_array()) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  if (value->size() > max_items) {
    errors_.push_back({field, "too_long", static_cast<std::int64_t>(max_items)});
    return std::nullopt;
  }
  std::vector<Id> out;
  for (const auto& item : *value) {
    if (!item.is_number_integer() || item.get<std::int64_t>() <= 0) {
      errors_.push_back({field, "invalid_type"});
      return std::nullopt;
    }
    out.push_back(item.get<Id>());
  }
  return out;
}

std::optional<std::optional<Id>> JsonBody::NullableId(const char* field) {
  auto it = json_.find(field);
  if (it == json_.end()) return std::nullopt;
  if (it->is_null()) return std::optional<Id>();
  if (!it->is_number_integer() || it->get<std::int64_t>() <= 0) {
    errors_.push_back({field, "invalid_type"});
    return std::nullopt;
  }
  return std::optional<Id>(it->get<Id>());
}

std::optional<std::string> JsonBody::ClearableText(const char* field, TextRule rule) {
  if (IsNull(field)) return std::string();
  rule.required = false;
  return Text(field, rule);
}

std::optional<Response> JsonBody::Problems(const Request& request) const {
  if (errors_.empty()) return std::nullopt;
  return ValidationFailed(request, errors_);
}

namespace {

std::optional<std::int64_t> ParsePositive(std::string_view text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value <= 0) return std::nullopt;
  return value;
}

}  // namespace

Result<Page, Response> ParsePage(const Request& request) {
  Page page;
  FieldErrors errors;
  if (auto limit = request.Query("limit")) {
    auto value = ParsePositive(*limit);
    if (!value || *value > 200) {
      errors.push_back({"limit", "out_of_range", 200});
    } else {
      page.limit = static_cast<int>(*value);
    }
  }
  if (auto cursor = request.Query("cursor"); cursor && !cursor->empty()) {
    auto value = cursor->starts_with("c") ? ParsePositive(cursor->substr(1)) : std::nullopt;
    if (!value) {
      errors.push_back({"cursor", "invalid_cursor"});
    } else {
      page.after = *value;
    }
  }
  if (!errors.empty()) return Fail(BadRequest(request, errors));
  return page;
}

std::optional<Id> ParseId(std::string_view text) { return ParsePositive(text); }

std::string EncodeCursor(Id id) { return "c" + std::to_string(id); }

std::optional<Id> PathId(const Request& request, const char* name) {
  auto it = request.path_params.find(name);
  if (it == request.path_params.end()) return std::nullopt;
  return ParsePositive(it->second);
}

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace kvitka::http
