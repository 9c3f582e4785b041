#include "core/time.h"

#include <date/date.h>
#include <date/tz.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>

namespace kvitka {

namespace {

// "YYYY-MM-DD" of a count of days since 1970-01-01, without streams (a journal formats
// thousands of instants per request; date::format builds a locale-aware stream each time).
void WriteDigits(char* out, int value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

// Writes 10 characters; years outside 0..9999 are clamped (never reached by real data).
void WriteDate(char* out, EpochSeconds days) {
  const date::year_month_day ymd{date::sys_days{date::days{days}}};
  WriteDigits(out, std::clamp(static_cast<int>(ymd.year()), 0, 9999), 4);
  out[4] = '-';
  WriteDigits(out + 5, static_cast<int>(static_cast<unsigned>(ymd.month())), 2);
  out[7] = '-';
  WriteDigits(out + 8, static_cast<int>(static_cast<unsigned>(ymd.day())), 2);
}

EpochSeconds FloorDiv(EpochSeconds a, EpochSeconds b) { return a / b - (a % b < 0 ? 1 : 0); }

}  // namespace

std::string FormatRfc3339Utc(EpochSeconds instant) {
  const EpochSeconds days = FloorDiv(instant, 86400);
  const EpochSeconds in_day = instant - days * 86400;
  char text[20];
  WriteDate(text, days);
  text[10] = 'T';
  WriteDigits(text + 11, static_cast<int>(in_day / 3600), 2);
  text[13] = ':';
  WriteDigits(text + 14, static_cast<int>(in_day % 3600 / 60), 2);
  text[16] = ':';
  WriteDigits(text + 17, static_cast<int>(in_day % 60), 2);
  text[19] = 'Z';
  return std::string(text, 20);
}

std::optional<EpochSeconds> ParseRfc3339(std::string_view text) {
  std::string s(text);
  if (s.size() < 20) return std::nullopt;
  std::istringstream in(s);
  date::sys_seconds tp;
  if (s.back() == 'Z' || s.back() == 'z') {
    s.back() = 'Z';
    in.str(s);
    in >> date::parse("%Y-%m-%dT%H:%M:%SZ", tp);
  } else {
    in >> date::parse("%Y-%m-%dT%H:%M:%S%Ez", tp);
  }
  if (in.fail()) return std::nullopt;
  in.peek();
  if (!in.eof()) return std::nullopt;
  return tp.time_since_epoch().count();
}

std::optional<std::string> CanonicalTimeZone(std::string_view name) {
  if (name.empty() || name.size() > 64) return std::nullopt;
  try {
    const date::time_zone* zone = date::locate_zone(name);
    std::string canonical(zone->name());
    // The system tzdata keeps renamed zones as links ("Europe/Kiev" -> "Kyiv"): follow them so
    // that the current name is stored.
    const char* tzdir = std::getenv("TZDIR");
    const std::filesystem::path root =
        std::filesystem::weakly_canonical(tzdir && *tzdir ? tzdir : "/usr/share/zoneinfo");
    std::error_code ec;
    const auto target = std::filesystem::canonical(root / canonical, ec);
    if (!ec) {
      const auto relative = target.lexically_relative(root).generic_string();
      if (!relative.empty() && !relative.starts_with("..") && relative != canonical) {
        try {
          date::locate_zone(relative);
          canonical = relative;
        } catch (const std::exception&) {
          // Keep the name the caller gave when the link target is not a zone of its own.
        }
      }
    }
    return canonical;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

std::string RegionOfTimeZone(std::string_view canonical_zone) {
  char region[8] = {};
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString id = icu::UnicodeString::fromUTF8(
      icu::StringPiece(canonical_zone.data(), static_cast<int32_t>(canonical_zone.size())));
  icu::TimeZone::getRegion(id, region, sizeof(region), status);
  if (U_FAILURE(status) || std::string_view(region) == "001") {
    // ICU may not know the newest names yet: retry with the old alias of Kyiv.
    if (canonical_zone == "Europe/Kyiv") return "UA";
    return "";
  }
  return region;
}

namespace {

const date::time_zone* ZoneOrNull(std::string_view zone) {
  try {
    return zone.empty() ? nullptr : date::locate_zone(zone);
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::optional<date::year_month_day> ParseCivil(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  std::istringstream in{std::string(text)};
  date::year_month_day ymd{};
  in >> date::parse("%Y-%m-%d", ymd);
  if (in.fail() || !ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::string FormatRfc3339InZone(EpochSeconds instant, std::string_view zone) {
  const auto* tz = ZoneOrNull(zone);
  if (!tz) return FormatRfc3339Utc(instant);
  const date::sys_seconds tp{std::chrono::seconds{instant}};
  const auto info = tz->get_info(tp);
  const auto local = tp + info.offset;
  const long offset = info.offset.count();
  char sign = offset < 0 ? '-' : '+';
  const long magnitude = offset < 0 ? -offset : offset;
  char suffix[32];
  std::snprintf(suffix, sizeof(suffix), "%c%02ld:%02ld", sign, magnitude / 3600,
                (magnitude % 3600) / 60);
  return date::format("%Y-%m-%dT%H:%M:%S", local) + suffix;
}

std::string CivilDate(EpochSeconds instant, std::string_view zone) {
  EpochSeconds local = instant;
  if (const auto* tz = ZoneOrNull(zone)) {
    local += tz->get_info(date::sys_seconds{std::chrono::seconds{instant}}).offset.count();
  }
  char text[10];
  WriteDate(text, FloorDiv(local, 86400));
  return std::string(text, 10);
}

std::optional<EpochSeconds> StartOfDay(std::string_view text, std::string_view zone) {
  const auto ymd = ParseCivil(text);
  if (!ymd) return std::nullopt;
  const date::local_days day{*ymd};
  if (const auto* tz = ZoneOrNull(zone)) {
    const auto info = tz->get_info(day);
    date::sys_seconds start;
    if (info.result == date::local_info::nonexistent) {
      start = info.second.begin;  // the gap's end is the first instant of the day
    } else {
      start = tz->to_sys(day, date::choose::earliest);
    }
    return start.time_since_epoch().count();
  }
  return date::sys_days{*ymd}.time_since_epoch().count() * 86400;
}

std::string AddYears(std::string_view text, int years) {
  auto ymd = ParseCivil(text);
  if (!ymd) return std::string(text);
  date::year_month_day moved = *ymd + date::years{years};
  if (!moved.ok()) moved = date::year_month_day{moved.year() / moved.month() / date::last};
  return date::format("%Y-%m-%d", moved);
}

std::string AddDays(std::string_view text, int days) {
  auto ymd = ParseCivil(text);
  if (!ymd) return std::string(text);
  return date::format("%Y-%m-%d", date::year_month_day{date::sys_days{*ymd} + date::days{days}});
}

std::optional<int> DaysBetween(std::string_view from, std::string_view to) {
  auto a = ParseCivil(from);
  auto b = ParseCivil(to);
  if (!a || !b) return std::nullopt;
  return static_cast<int>((date::sys_days{*b} - date::sys_days{*a}).count());
}

int LocalMinutes(EpochSeconds instant, std::string_view zone) {
  const date::sys_seconds tp{std::chrono::seconds{instant}};
  long offset = 0;
  if (const auto* tz = ZoneOrNull(zone)) offset = tz->get_info(tp).offset.count();
  const EpochSeconds local = instant + offset;
  const EpochSeconds in_day = ((local % 86400) + 86400) % 86400;
  return static_cast<int>(in_day / 60);
}

std::optional<EpochSeconds> LocalInstant(std::string_view text, int minutes,
                                         std::string_view zone) {
  const auto ymd = ParseCivil(text);
  if (!ymd) return std::nullopt;
  const date::local_seconds local = date::local_days{*ymd} + std::chrono::minutes{minutes};
  if (const auto* tz = ZoneOrNull(zone)) {
    const auto info = tz->get_info(local);
    if (info.result == date::local_info::nonexistent) {
      return info.second.begin.time_since_epoch().count();
    }
    return tz->to_sys(local, date::choose::earliest).time_since_epoch().count();
  }
  return local.time_since_epoch().count();
}

std::vector<std::pair<EpochSeconds, int>> UtcOffsets(std::string_view zone, EpochSeconds from,
                                                     EpochSeconds to) {
  std::vector<std::pair<EpochSeconds, int>> out;
  const auto* tz = ZoneOrNull(zone);
  if (!tz) return {{from, 0}};
  EpochSeconds at = from;
  while (true) {
    const auto info = tz->get_info(date::sys_seconds{std::chrono::seconds{at}});
    out.emplace_back(at, static_cast<int>(info.offset.count() / 60));
    const EpochSeconds next = info.end.time_since_epoch().count();
    if (next >= to || next <= at || out.size() > 1000) break;
    at = next;
  }
  return out;
}

}  // namespace kvitka
