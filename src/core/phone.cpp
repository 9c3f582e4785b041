#include "core/phone.h"

#include <phonenumbers/phonenumberutil.h>

namespace kvitka {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string DigitsOf(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  return digits;
}

std::optional<std::string> NormalizePhone(std::string_view raw, std::string_view region) {
  if (raw.size() > 64) return std::nullopt;
  std::string text(raw);
  const std::string digits = DigitsOf(text);
  if (digits.size() < 5 || digits.size() > 15) return std::nullopt;
  const std::string country = region.empty() ? "UA" : std::string(region);
  // "8 067 123 45 67": the old trunk prefix 8 before a national number starting with 0.
  const auto first = text.find_first_not_of(" \t");
  if (first != std::string::npos && text[first] == '8' && digits.size() == 11 && digits[1] == '0') {
    text = digits.substr(1);
  }
  // "380671234567" without a plus: a full international number typed without "+".
  if (first != std::string::npos && text[first] != '+' && digits.size() >= 11 &&
      digits.size() <= 15 && digits[0] != '0' && digits[0] != '8') {
    text = "+" + digits;
  }
  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(text, country, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return std::nullopt;
  if (!util->IsValidNumber(number)) return std::nullopt;
  std::string e164;
  util->Format(number, PhoneNumberUtil::E164, &e164);
  return e164;
}

std::string NationalDigits(const std::string& e164) {
  // Ukraine, most of our numbers: +380XXXXXXXXX is 0XXXXXXXXX at home.
  if (e164.size() == 13 && e164.rfind("+380", 0) == 0) return e164.substr(3);
  const auto* util = PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util->Parse(e164, "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::string national;
  util->Format(number, PhoneNumberUtil::NATIONAL, &national);
  return DigitsOf(national);
}

}  // namespace kvitka
