// Expected outcomes of client use cases that are not success.
#pragma once

#include <string>

#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::clients {

enum class ErrorCode {
  kValidation,
  kForbidden,
  kNotFound,
  kPhoneTaken,  // existing_id / existing_name say whose
  kTagTaken,
  kUnsupportedFile,
  kFileTooLarge,
  kUnreadableFile,
  kImportUsed,
  kConflict,  // the card's state does not allow it (merging into an archived card)
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  Id existing_id = 0;
  std::string existing_name = {};

  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::clients
