// RFC 9457 problem details, in the reader's language.
#pragma once

#include <string>
#include <string_view>

#include "core/field_error.h"
#include "platform/http/request.h"

namespace kvitka::http {

// One text in the three interface languages.
struct LocalizedText {
  const char* en;
  const char* uk;
  const char* ru;
  const char* In(Language language) const;
};

// application/problem+json with type ".../problems/<code>", a localized title, and for
// validation the field errors with localized messages.
Response Problem(const Request& request, int status, std::string_view code,
                 const LocalizedText& title, std::string_view detail = {},
                 const FieldErrors& errors = {});

// The message for a field error code ("required" -> "Обов'язкове поле").
std::string FieldMessage(const FieldError& error, Language language);

// Problems every module can answer with.
Response NotFound(const Request& request);
Response ValidationFailed(const Request& request, const FieldErrors& errors);
Response BadRequest(const Request& request, const FieldErrors& errors);
Response Forbidden(const Request& request);
Response Unauthorized(const Request& request);
Response TooManyRequests(const Request& request, long retry_after_seconds);

}  // namespace kvitka::http
