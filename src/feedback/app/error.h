// Expected outcomes of the feedback use cases that are not a success.
#pragma once

#include <utility>

#include "core/clock.h"
#include "core/field_error.h"

namespace kvitka::feedback {

enum class ErrorCode {
  kValidation,
  kBadQuery,  // a list's filter names something that is not there (400)
  kForbidden,
  kNotFound,         // staff side: no such client
  kLinkNotFound,     // no visit with this link's token
  kNotCompleted,     // the visit is not completed (yet): nothing to rate
  kClosed,           // 30 days after the visit: the form takes no answers
  kLocked,           // the answer was given more than 24 hours ago
  kTooManyRequests,  // rate limit: see retry_after
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  EpochSeconds retry_after = 0;
  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::feedback
