// The SOCI side of a unit of work. Only store code (and platform/db) includes this header.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

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

// Optional values <-> SOCI indicators.
template <class T>
std::optional<T> Optional(const T& value, soci::indicator ind) {
  if (ind == soci::i_null) return std::nullopt;
  return value;
}

}  // namespace kvitka::db
