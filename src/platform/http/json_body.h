// Reading a JSON request body field by field, collecting every problem with a field name.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/field_error.h"
#include "core/result.h"
#include "platform/http/request.h"

namespace kvitka::http {

using Json = nlohmann::json;

struct TextRule {
  bool required = false;
  std::size_t min = 0;
  std::size_t max = 255;
  bool trim = true;
};

class JsonBody {
 public:
  // The body as a JSON object; a 400 malformed-json problem when it is not one.
  static Result<JsonBody, Response> Parse(const Request& request);

  bool Has(const char* field) const;
  std::optional<std::string> Text(const char* field, TextRule rule);
  std::optional<bool> Bool(const char* field, bool required = false);
  std::optional<std::int64_t> Int(const char* field, bool required, std::int64_t min,
                                  std::int64_t max);
  // The field is present with an explicit null (a PATCH that clears it).
  bool IsNull(const char* field) const;
  // A list of texts (each checked by `rule`), at most `max_items`.
  std::optional<std::vector<std::string>> TextList(const char* field, std::size_t max_items,
                                                   TextRule rule);
  // A list of positive ids, at most `max_items`.
  std::optional<std::vector<Id>> IdList(const char* field, std::size_t max_items);
  // Absent: nullopt; null: a set empty value; a positive id: that id.
  std::optional<std::optional<Id>> NullableId(const char* field);
  // Texts that a PATCH may clear with null: null gives "".
  std::optional<std::string> ClearableText(const char* field, TextRule rule);
  const Json& json() const { return json_; }

  // Lets a caller add an error found by its own checks.
  void AddError(FieldError error) { errors_.push_back(std::move(error)); }
  const FieldErrors& errors() const { return errors_; }
  // A 422 validation problem listing every field error, or nothing when all was fine.
  std::optional<Response> Problems(const Request& request) const;

 private:
  explicit JsonBody(Json json) : json_(std::move(json)) {}
  const Json* Field(const char* field, bool required);

  Json json_;
  FieldErrors errors_;
};

// Paging of lists: ?limit= (1..200, default 50) and ?cursor= (opaque, from next_cursor).
struct Page {
  int limit = 50;
  std::optional<Id> after;  // decoded cursor
};
Result<Page, Response> ParsePage(const Request& request);
std::string EncodeCursor(Id id);

// A positive decimal id ("42"); nullopt for anything else.
std::optional<Id> ParseId(std::string_view text);

// Parses a path parameter that must be a positive id; nullopt when it is not.
std::optional<Id> PathId(const Request& request, const char* name = "id");

// Serializes for a response (invalid UTF-8 replaced, never thrown).
std::string Dump(const Json& json);

}  // namespace kvitka::http
