#include "identity/domain/validation.h"

#include "core/money.h"
#include "core/text.h"
#include "core/time.h"

namespace kvitka::identity {

std::optional<std::string> NormalizeEmail(std::string_view raw) {
  std::string email = Trim(raw);
  if (email.size() < 3 || email.size() > 254) return std::nullopt;
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || at != email.rfind('@')) return std::nullopt;
  const auto domain = std::string_view(email).substr(at + 1);
  if (domain.empty() || domain.front() == '.' || domain.back() == '.' ||
      domain.find("..") != std::string_view::npos) {
    return std::nullopt;
  }
  for (char c : email) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '\\' ||
        c == '(' || c == ')' || c == '[' || c == ']') {
      return std::nullopt;
    }
  }
  if (!IsValidUtf8(email)) return std::nullopt;
  for (auto& c : email) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return email;
}

void CheckPassword(std::string_view password, const char* field, FieldErrors& errors) {
  const auto length = Utf8Length(password);
  if (length < kMinPasswordLength) {
    errors.push_back({field, "too_short", static_cast<std::int64_t>(kMinPasswordLength)});
  } else if (length > kMaxPasswordLength) {
    errors.push_back({field, "too_long", static_cast<std::int64_t>(kMaxPasswordLength)});
  }
}

bool IsValidSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > 63 || slug.front() == '-' || slug.back() == '-') return false;
  char previous = 0;
  for (char c : slug) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

FieldErrors CheckSignup(std::string_view email, std::string_view timezone,
                        std::string_view currency, std::string_view password) {
  FieldErrors errors;
  if (!NormalizeEmail(email)) errors.push_back({"email", "invalid_email"});
  if (!CanonicalTimeZone(timezone)) errors.push_back({"timezone", "invalid_timezone"});
  if (!IsKnownCurrency(currency)) errors.push_back({"currency", "invalid_currency"});
  CheckPassword(password, "password", errors);
  return errors;
}

bool IsSupportedLocale(std::string_view locale) {
  return locale == "uk" || locale == "ru" || locale == "en";
}

}  // namespace kvitka::identity
