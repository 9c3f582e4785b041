#include "platform/sheets/xlsx_values.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "platform/sheets/xml_reader.h"

namespace kvitka::sheets::internal {
namespace {

constexpr std::size_t kMaxRows = 1048576;
constexpr std::size_t kMaxColumns = 16384;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// An integral value from 1e15 to 1e21 with Excel's 15 significant digits, without exponent.
std::string FormatLargeInteger(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.14e", std::fabs(value));  // d.dddddddddddddde+XX
  const std::string_view text(buffer);
  const std::size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + 1 + (text[e + 1] == '+'), text.data() + text.size(), exponent);
  std::string digits;
  digits.push_back(text[0]);
  digits.append(text.substr(2, e - 2));
  std::string out = value < 0 ? "-" : "";
  out.append(digits.substr(0, static_cast<std::size_t>(exponent) + 1));
  if (exponent + 1 > static_cast<int>(digits.size())) {
    out.append(static_cast<std::size_t>(exponent) + 1 - digits.size(), '0');
  }
  return out;
}

std::string FormatDate(int64_t serial_days, bool date1904) {
  using std::chrono::days;
  using std::chrono::sys_days;
  sys_days date;
  if (date1904) {
    date = sys_days(std::chrono::year(1904) / 1 / 1) + days(serial_days);
  } else if (serial_days == 60) {
    return "1900-02-29";  // Lotus 1-2-3's leap day, kept by Excel
  } else if (serial_days < 60) {
    date = sys_days(std::chrono::year(1899) / 12 / 31) + days(serial_days);
  } else {
    date = sys_days(std::chrono::year(1899) / 12 / 30) + days(serial_days);
  }
  const std::chrono::year_month_day ymd(date);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

// "9:05", "09:05" (two_digit_hours), "9:05:30"; seconds only when there are some.
std::string FormatTime(int64_t total_seconds, bool two_digit_hours) {
  const auto hours = static_cast<long long>(total_seconds / 3600);
  const auto minutes = static_cast<long long>(total_seconds % 3600 / 60);
  const auto seconds = static_cast<long long>(total_seconds % 60);
  char buffer[48];
  const char* hours_format = two_digit_hours ? "%02lld" : "%lld";
  int n = std::snprintf(buffer, sizeof buffer, hours_format, hours);
  n += std::snprintf(buffer + n, sizeof buffer - n, ":%02lld", minutes);
  if (seconds != 0) std::snprintf(buffer + n, sizeof buffer - n, ":%02lld", seconds);
  return buffer;
}

}  // namespace

NumberKind ClassifyBuiltinFormat(int num_fmt_id) {
  if (num_fmt_id >= 14 && num_fmt_id <= 17) return NumberKind::kDate;
  if (num_fmt_id == 22) return NumberKind::kDateTime;
  if (num_fmt_id == 46) return NumberKind::kElapsedTime;
  if ((num_fmt_id >= 18 && num_fmt_id <= 21) || num_fmt_id == 45 || num_fmt_id == 47) {
    return NumberKind::kTime;
  }
  return NumberKind::kNumber;
}

NumberKind ClassifyFormatCode(std::string_view code) {
  bool day_or_year = false;
  bool month_or_minute = false;
  bool hour_or_second = false;
  bool elapsed = false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = Lower(code[i]);
    if (c == ';') break;  // only the first section (positive numbers) matters
    if (c == '"') {
      const std::size_t close = code.find('"', i + 1);
      if (close == std::string_view::npos) break;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // escaped character, space of a character's width, fill character
    } else if (c == '[') {
      const std::size_t close = code.find(']', i + 1);
      if (close == std::string_view::npos) break;
      const std::string_view inner = code.substr(i + 1, close - i - 1);
      const char first = inner.empty() ? '\0' : Lower(inner[0]);
      if ((first == 'h' || first == 'm' || first == 's') &&
          inner.find_first_not_of(inner[0]) == std::string_view::npos) {
        elapsed = true;
      }
      i = close;
    } else if (c == 'a') {
      // "AM/PM" and "A/P" belong to a time and hold no date letter.
      const std::string_view rest = code.substr(i);
      if (rest.size() >= 5 && Lower(rest[1]) == 'm' && rest[2] == '/') {
        i += 4;
      } else if (rest.size() >= 3 && rest[1] == '/') {
        i += 2;
      }
    } else if (c == 'd' || c == 'y') {
      day_or_year = true;
    } else if (c == 'm') {
      month_or_minute = true;
    } else if (c == 'h' || c == 's') {
      hour_or_second = true;
    }
  }
  if (elapsed && !day_or_year) return NumberKind::kElapsedTime;
  if (day_or_year || (month_or_minute && !hour_or_second)) {
    return hour_or_second ? NumberKind::kDateTime : NumberKind::kDate;
  }
  if (hour_or_second) return NumberKind::kTime;
  return NumberKind::kNumber;
}

std::string FormatNumber(std::string_view raw) {
  while (!raw.empty() && raw.front() == ' ') raw.remove_prefix(1);
  while (!raw.empty() && raw.back() == ' ') raw.remove_suffix(1);
  if (IsAllDigits(raw.substr(raw.starts_with('-') ? 1 : 0))) return std::string(raw);
  double value = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
  if (error != std::errc() || end != raw.data() + raw.size() || !std::isfinite(value)) {
    return std::string(raw);
  }
  if (value == std::trunc(value) && std::fabs(value) < 1e21) {
    if (std::fabs(value) < 1e15) return std::to_string(static_cast<int64_t>(value));
    return FormatLargeInteger(value);
  }
  char buffer[64];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 15);
  std::string out(buffer, result.ptr);
  for (char& c : out) {
    if (c == 'e') c = 'E';
  }
  return out;
}

std::string FormatNumberCell(std::string_view raw, NumberKind kind, bool date1904) {
  if (kind == NumberKind::kNumber) return FormatNumber(raw);
  double serial = 0;
  const auto [end, error] = std::from_chars(raw.data(), raw.data() + raw.size(), serial);
  // 2958465 is 9999-12-31, Excel's last date.
  if (error != std::errc() || end != raw.data() + raw.size() || !(serial >= 0) ||
      serial >= 2958466) {
    return FormatNumber(raw);
  }
  const auto total_seconds = static_cast<int64_t>(std::llround(serial * 86400.0));
  const int64_t days = total_seconds / 86400;
  const int64_t seconds_of_day = total_seconds % 86400;
  if (kind == NumberKind::kTime || kind == NumberKind::kElapsedTime) {
    return FormatTime(kind == NumberKind::kTime ? seconds_of_day : total_seconds, false);
  }
  std::string out = FormatDate(days, date1904);
  if (kind == NumberKind::kDateTime && seconds_of_day != 0) {
    out += ' ';
    out += FormatTime(seconds_of_day, true);
  }
  return out;
}

bool ParseCellReference(std::string_view reference, std::size_t* row, std::size_t* column) {
  std::size_t i = 0;
  std::size_t col = 0;
  while (i < reference.size() && i < 3) {
    const char c = reference[i];
    if (c >= 'A' && c <= 'Z') {
      col = col * 26 + static_cast<std::size_t>(c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      col = col * 26 + static_cast<std::size_t>(c - 'a' + 1);
    } else {
      break;
    }
    ++i;
  }
  const std::string_view digits = reference.substr(i);
  if (col == 0 || col > kMaxColumns || !IsAllDigits(digits) || digits.size() > 7) return false;
  std::size_t r = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), r);
  if (r == 0 || r > kMaxRows) return false;
  *row = r - 1;
  *column = col - 1;
  return true;
}

void DecodeOoxmlEscapes(std::string* text) {
  std::size_t at = text->find("_x");
  if (at == std::string::npos) return;
  std::string out(text->substr(0, at));
  while (at < text->size()) {
    uint32_t code_point = 0;
    if (text->compare(at, 2, "_x") == 0 && at + 7 <= text->size() && (*text)[at + 6] == '_') {
      const char* digits = text->data() + at + 2;
      const auto [end, error] = std::from_chars(digits, digits + 4, code_point, 16);
      if (error == std::errc() && end == digits + 4) {
        if (code_point != 0) AppendUtf8(code_point, &out);
        at += 7;
        continue;
      }
    }
    out.push_back((*text)[at]);
    ++at;
  }
  *text = std::move(out);
}

}  // namespace kvitka::sheets::internal
