// Reading fields of provider answers without trusting their types (nlohmann::json's value()
// throws on a type mismatch; a provider's answer must never throw). For the adapters' .cpp files.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace kvitka::channels {

// A string field as is, a number as its decimal text, anything else (or absent) as "".
inline std::string TextField(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  if (it == object.end()) return "";
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
  if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
  return "";
}

// An integer field (also when sent as a string of digits), nullopt otherwise.
inline std::optional<std::int64_t> IntField(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  const auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (it->is_number_integer()) return it->get<std::int64_t>();
  if (it->is_string()) {
    const std::string text = it->get<std::string>();
    if (text.empty() || text.size() > 18 || text.find_first_not_of("-0123456789") != text.npos) {
      return std::nullopt;
    }
    return std::stoll(text);
  }
  return std::nullopt;
}

inline bool TrueField(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return false;
  const auto it = object.find(key);
  return it != object.end() && ((it->is_boolean() && it->get<bool>()) ||
                                (it->is_number_integer() && it->get<int>() == 1));
}

// Serialised JSON; text that is not valid UTF-8 gets U+FFFD instead of an exception.
inline std::string DumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace kvitka::channels
