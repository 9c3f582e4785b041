#include "messaging/domain/visit_values.h"

#include <date/date.h>

#include <array>
#include <cstdio>

#include "core/time.h"

namespace kvitka::messaging {

namespace {

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += ", ";
    out += part;
  }
  return out;
}

// Groups of three digits with `separator`.
std::string Grouped(std::int64_t whole, const std::string& separator) {
  std::string digits = std::to_string(whole);
  std::string out;
  const auto n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string FormatPrice(std::int64_t minor, const std::string& currency, Language language) {
  const bool negative = minor < 0;
  const std::int64_t abs = negative ? -minor : minor;
  const std::int64_t whole = abs / 100;
  const std::int64_t cents = abs % 100;
  const bool english = language == Language::kEn;
  std::string number = Grouped(whole, english ? "," : "\u00a0");
  if (cents != 0) {
    char fraction[4];
    std::snprintf(fraction, sizeof fraction, "%02lld", static_cast<long long>(cents));
    number += (english ? "." : ",") + std::string(fraction);
  }
  if (negative) number = "-" + number;
  if (english) return currency + " " + number;
  if (currency == "UAH") return number + " грн";
  return number + " " + currency;
}

std::string FormatDate(const std::string& civil_date) {
  if (civil_date.size() != 10) return civil_date;
  return civil_date.substr(8, 2) + "." + civil_date.substr(5, 2) + "." + civil_date.substr(0, 4);
}

std::string Clock(EpochSeconds instant, const std::string& zone) {
  const int minutes = LocalMinutes(instant, zone);
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

std::optional<unsigned> WeekdayIndex(const std::string& civil_date) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(civil_date.c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::weekday{date::sys_days{ymd}}.c_encoding();
}

std::string WeekdayName(const std::string& civil_date, Language language) {
  static constexpr std::array<const char*, 7> kUk = {"неділя", "понеділок", "вівторок", "середа",
                                                     "четвер", "пʼятниця",  "субота"};
  static constexpr std::array<const char*, 7> kRu = {
      "воскресенье", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота"};
  static constexpr std::array<const char*, 7> kEn = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                     "Thursday", "Friday", "Saturday"};
  const auto weekday = WeekdayIndex(civil_date);
  if (!weekday) return "";
  const unsigned index = *weekday;
  switch (language) {
    case Language::kUk:
      return kUk[index];
    case Language::kRu:
      return kRu[index];
    case Language::kEn:
      return kEn[index];
  }
  return "";
}

std::string VisitLabel(EpochSeconds start, const std::string& zone, Language language) {
  const std::string date = CivilDate(start, zone);
  const std::string day = date.size() == 10 ? date.substr(8, 2) + "." + date.substr(5, 2) : date;
  const char* at = language == Language::kEn ? " at " : language == Language::kRu ? " в " : " о ";
  return WeekdayName(date, language) + ", " + day + at + Clock(start, zone);
}

std::string MapLink(const std::string& address) {
  if (address.empty()) return "";
  std::string encoded;
  for (unsigned char c : address) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return "https://www.google.com/maps/search/?api=1&query=" + encoded;
}

TemplateValues VisitValues(const VisitFacts& f, Language language) {
  const std::string date = CivilDate(f.start, f.zone);
  TemplateValues v = {
      {"client_name", f.client_name},
      {"client_phone", f.client_phone},
      {"date", FormatDate(date)},
      {"time", Clock(f.start, f.zone)},
      {"weekday", WeekdayName(date, language)},
      {"master", Join(f.masters)},
      {"services", Join(f.services)},
      {"price", f.price > 0 ? FormatPrice(f.price, f.currency, language) : ""},
      {"salon_name", f.salon_name},
      {"salon_phone", f.salon_phone},
      {"branch_name", f.branch_name},
      {"address", f.address},
      {"map_link", MapLink(f.address)},
      {"manage_link", f.manage_link},
      {"booking_link", f.booking_link},
      {"feedback_link", f.feedback_link},
      {"telegram_link", f.telegram_link},
  };
  if (f.old_start) {
    v["old_date"] = FormatDate(CivilDate(*f.old_start, f.zone));
    v["old_time"] = Clock(*f.old_start, f.zone);
  }
  return v;
}

}  // namespace kvitka::messaging
