// Input rules of the identity module, pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/field_error.h"

namespace kvitka::identity {

constexpr std::size_t kMinPasswordLength = 8;
constexpr std::size_t kMaxPasswordLength = 1024;

// Lower-cased, trimmed email; nullopt when it is not a plausible address.
std::optional<std::string> NormalizeEmail(std::string_view email);

// Adds an error for `field` when the password is too short or too long.
void CheckPassword(std::string_view password, const char* field, FieldErrors& errors);

// A slug of lower-case Latin letters, digits and single dashes, 1..63 characters.
bool IsValidSlug(std::string_view slug);

// The semantic checks of a new organization's signup (email, time zone, currency, password).
FieldErrors CheckSignup(std::string_view email, std::string_view timezone,
                        std::string_view currency, std::string_view password);

// "uk", "ru" or "en".
bool IsSupportedLocale(std::string_view locale);

}  // namespace kvitka::identity
