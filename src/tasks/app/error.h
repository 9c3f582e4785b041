// Expected outcomes of the task use cases that are not a success.
#pragma once

#include <utility>

#include "core/field_error.h"

namespace kvitka::tasks {

enum class ErrorCode {
  kValidation,
  kForbidden,
  kNotFound,
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::tasks
