// Phone numbers (libphonenumber): parsed with the organization's country as the default region
// and stored in E.164 ("+380671234567").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kvitka {

// E.164 for a valid number, nullopt otherwise. `region` is ISO 3166 ("UA"). Accepts the forms
// people type: "067 123 45 67", "+38 (067) 123-45-67", "380671234567", and the old "8 067 ..."
// trunk prefix of the former USSR numbering.
std::optional<std::string> NormalizePhone(std::string_view raw, std::string_view region);

// The national form ("0671234567") of an E.164 number, for search; empty when unknown.
std::string NationalDigits(const std::string& e164);

// Only the digits of a text ("+38 (067) 12" -> "3806712").
std::string DigitsOf(std::string_view text);

}  // namespace kvitka
