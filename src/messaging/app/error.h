// Expected outcomes of the messaging use cases that are not a success.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/field_error.h"
#include "messaging/domain/template_syntax.h"

namespace kvitka::messaging {

enum class ErrorCode {
  kValidation,  // fields (and, for a template, issues saying which names and where)
  kForbidden,
  kNotFound,
  kConflict,  // the request cannot be done as things are (a channel is not set up)
  kNotDraft,  // a campaign that was sent, scheduled or cancelled is not changed or sent again
};

// A template problem in one of its texts: "subject", "body" or "html".
struct FieldIssue {
  std::string field;
  TemplateIssue issue;
};

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  std::vector<FieldIssue> issues = {};
  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

}  // namespace kvitka::messaging
