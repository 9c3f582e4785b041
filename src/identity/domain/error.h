// Expected outcomes of identity use cases that are not success.
#pragma once

#include <string>

#include "core/field_error.h"

namespace kvitka::identity {

enum class ErrorCode {
  kValidation,
  kInvalidCredentials,
  kUnauthorized,
  kForbidden,
  kNotFound,
  kEmailTaken,
  kSlugTaken,
  kConflict,  // e.g. the last owner cannot be demoted
  kRateLimited,
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  long retry_after_seconds = 0;
  std::string detail = {};

  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::identity
