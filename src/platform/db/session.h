// The SOCI side of a unit of work. Only store code (and platform/db) includes this header.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/id.h"
#include "platform/db/database.h"

namespace kvitka::db {

class Session {
 public:
  Session(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}
  soci::session& sql() { return sql_; }
  Dialect dialect() const { return dialect_; }
  bool postgresql() const { return dialect_ == Dialect::kPostgresql; }

  // Runs a multi-statement SQL script natively (migrations).
  void ExecuteScript(const std::string& script);

 private:
  soci::session& sql_;
  Dialect dialect_;
};

// A set of ids bound as one text parameter, for `id IN <IdSet(s, ":ids")>`: the statement text
// stays short and the same whatever the number of ids (a long literal list costs more to parse
// than the query takes to run). Bind IdSetValue(ids) to the parameter.
inline std::string IdSet(const Session& s, const char* param) {
  return s.dialect() == Dialect::kPostgresql
             ? std::string("(SELECT unnest(string_to_array(") + param + ", ',')::bigint[]))"
             : std::string("(SELECT value FROM json_each('[' || ") + param + " || ']'))";
}
template <class Ids>
std::string IdSetValue(const Ids& ids) {
  std::string out;
  for (auto id : ids) {
    if (!out.empty()) out += ',';
    out += std::to_string(id);
  }
  return out;
}

// "1,2,3" (IdSetValue's text, or a column kept that way) back to ids; a damaged entry is skipped.
inline std::vector<Id> SplitIdList(const std::string& text) {
  std::vector<Id> ids;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find(',', start);
    if (end == std::string::npos) end = text.size();
    try {
      ids.push_back(std::stoll(text.substr(start, end - start)));
    } catch (const std::exception&) {
      // A damaged list loses the entry, not the row.
    }
    start = end + 1;
  }
  return ids;
}

// Optional values <-> SOCI indicators.
template <class T>
std::optional<T> Optional(const T& value, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return value;
}

}  // namespace kvitka::db
