#include "messaging/domain/schedule_notice.h"

#include <date/date.h>

#include <array>
#include <cstdio>
#include <map>

#include "core/time.h"
#include "messaging/domain/visit_values.h"

namespace kvitka::messaging {

namespace {

// "Mon" .. "Sun" and the like; Sunday first, as date::weekday counts.
const char* ShortWeekday(const std::string& civil_date, Language language) {
  static constexpr std::array<const char*, 7> kUk = {"нд", "пн", "вт", "ср", "чт", "пт", "сб"};
  static constexpr std::array<const char*, 7> kRu = {"вс", "пн", "вт", "ср", "чт", "пт", "сб"};
  static constexpr std::array<const char*, 7> kEn = {"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
  const auto weekday = WeekdayIndex(civil_date);
  if (!weekday) return "";
  const unsigned index = *weekday;
  switch (language) {
    case Language::kRu:
      return kRu[index];
    case Language::kEn:
      return kEn[index];
    case Language::kUk:
      break;
  }
  return kUk[index];
}

std::string Clock(int minutes) {
  char text[16];
  std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
  return text;
}

const char* DayOff(Language language) {
  switch (language) {
    case Language::kRu:
      return "выходной";
    case Language::kEn:
      return "day off";
    case Language::kUk:
      break;
  }
  return "вихідний";
}

}  // namespace

std::vector<NoticeDay> MergeNoticeDays(const std::vector<NoticeDay>& older,
                                       const std::vector<NoticeDay>& newer) {
  std::map<std::string, NoticeDay> merged;
  for (const auto& day : older) merged[day.date] = day;
  for (const auto& day : newer) {
    auto [it, added] = merged.try_emplace(day.date, day);
    if (!added) it->second.now = day.now;
  }
  std::vector<NoticeDay> out;
  for (auto& [date, day] : merged) {
    if (day.was != day.now) out.push_back(std::move(day));
  }
  return out;
}

std::vector<NoticeDay> DaysFrom(const std::vector<NoticeDay>& days, const std::string& today) {
  std::vector<NoticeDay> out;
  for (const auto& day : days) {
    if (day.date >= today) out.push_back(day);
  }
  return out;
}

std::string NoticeDayText(const NoticeDay& day, const std::string& zone, Language language) {
  std::string text = ShortWeekday(day.date, language);
  if (day.date.size() == 10) text += " " + day.date.substr(8, 2) + "." + day.date.substr(5, 2);
  text += ": ";
  if (day.now.empty()) return text + DayOff(language);
  const char* dash = language == Language::kEn ? "-" : "–";
  for (std::size_t i = 0; i < day.now.size(); ++i) {
    const auto& hours = day.now[i];
    int end = LocalMinutes(hours.end, zone);
    if (end == 0 && CivilDate(hours.end, zone) != CivilDate(hours.start, zone)) end = 24 * 60;
    if (i > 0) text += ", ";
    text += Clock(LocalMinutes(hours.start, zone)) + dash + Clock(end);
  }
  return text;
}

std::string NoticeDaysText(const std::vector<NoticeDay>& days, const std::string& zone,
                           Language language, std::string_view separator) {
  std::string text;
  for (const auto& day : days) {
    if (!text.empty()) text += separator;
    text += NoticeDayText(day, zone, language);
  }
  return text;
}

}  // namespace kvitka::messaging
