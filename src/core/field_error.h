// A validation problem with one input field, as a stable machine code that the edge
// (HTTP, CLI, import) turns into a message in the reader's language.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kvitka {

struct FieldError {
  std::string field;       // "email", "items[0].start"
  std::string code;        // required, invalid_type, invalid_email, too_short, too_long, ...
  std::int64_t limit = 0;  // the bound for too_short / too_long / out_of_range

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

using FieldErrors = std::vector<FieldError>;

}  // namespace kvitka
