// A file compiled into the binary (migrations).
#pragma once

#include <span>
#include <string_view>

namespace kvitka::db {

struct EmbeddedFile {
  std::string_view name;
  std::string_view content;
};

std::span<const EmbeddedFile> EmbeddedMigrations();

}  // namespace kvitka::db
