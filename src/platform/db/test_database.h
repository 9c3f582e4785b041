// For *_dbtest.cpp: a fresh, migrated database per test on SQLite, and on PostgreSQL when
// KVITKA_TEST_PG holds a server URL (make test sets it).
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/secret.h"
#include "platform/db/database.h"
#include "platform/db/migrations.h"
#include "platform/db/session.h"

namespace kvitka::db {

inline std::vector<Dialect> TestDialects() {
  std::vector<Dialect> dialects = {Dialect::kSqlite};
  if (const char* pg = std::getenv("KVITKA_TEST_PG"); pg && *pg) {
    dialects.push_back(Dialect::kPostgresql);
  }
  return dialects;
}

inline std::string DialectName(const ::testing::TestParamInfo<Dialect>& info) {
  return info.param == Dialect::kSqlite ? "sqlite" : "postgresql";
}

// Opens a fresh database of the dialect and applies the migrations.
inline std::unique_ptr<Database> OpenTestDatabase(Dialect dialect, std::size_t pool_size = 4) {
  InitSecrets();
  std::string name = "kvt_" + RandomToken(9);
  for (auto& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
  DatabaseUrl url;
  url.dialect = dialect;
  if (dialect == Dialect::kSqlite) {
    url.connect = (std::filesystem::temp_directory_path() / (name + ".db")).string();
  } else {
    const std::string admin = std::getenv("KVITKA_TEST_PG");
    CreatePostgresqlDatabase(admin, name);
    url.connect = admin.substr(0, admin.rfind('/') + 1) + name;
  }
  auto db = Database::Open(url, pool_size);
  Migrate(*db);
  return db;
}

}  // namespace kvitka::db
