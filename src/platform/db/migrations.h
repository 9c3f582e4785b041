// Numbered SQL migrations compiled into the binary, applied in order, each once.
#pragma once

#include <string>
#include <vector>

#include "platform/db/database.h"

namespace kvitka::db {

// Applies every pending migration; returns the names applied. Safe to run from several
// instances at once (PostgreSQL advisory lock, SQLite write lock).
std::vector<std::string> Migrate(Database& database);

// The script of a migration for a dialect: placeholders replaced, or empty when the file
// belongs to the other dialect ("0002_x.postgresql.sql").
std::string MigrationScript(std::string_view name, std::string_view content, Dialect dialect);

}  // namespace kvitka::db
