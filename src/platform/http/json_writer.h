// Writing JSON text straight into a string, for large responses (the journal, availability)
// where building a tree of nlohmann::json values first costs more than the query. Strings that
// are not valid UTF-8 are written with U+FFFD in place of the bad bytes, like http::Dump.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kvitka::http {

class JsonWriter {
 public:
  JsonWriter& Object();
  JsonWriter& Array();
  JsonWriter& End();  // closes the innermost object or array
  JsonWriter& Key(std::string_view key);

  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  JsonWriter& Raw(std::string_view json);  // an already serialized value

  // Key and value at once.
  JsonWriter& Field(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Field(std::string_view key, const std::string& value) {
    return Key(key).String(value);
  }
  JsonWriter& Field(std::string_view key, std::int64_t value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Field(std::string_view key, bool value) { return Key(key).Bool(value); }

  std::string Take() { return std::move(out_); }
  void Reserve(std::size_t bytes) { out_.reserve(bytes); }

 private:
  void BeforeValue();

  struct Open {
    char closer;     // '}' or ']'
    bool has_items;  // a comma goes before the next key or element
  };
  std::string out_;
  std::vector<Open> open_;
  bool after_key_ = false;
};

}  // namespace kvitka::http
