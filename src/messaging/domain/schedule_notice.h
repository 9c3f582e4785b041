// A master's notice of a changed schedule: the days it names, how each was and is now, merged
// when several changes come before the notice goes, and written out on the branch's clock in the
// master's language ("ср 25.11: 10:00–19:00", "чт 26.11: вихідний"). Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

// A working interval: instants, UTC seconds, [start, end).
struct ShiftHours {
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  friend bool operator==(const ShiftHours&, const ShiftHours&) = default;
};

struct NoticeDay {
  std::string date;             // YYYY-MM-DD on the branch's clock
  std::vector<ShiftHours> was;  // before the change (empty: not working)
  std::vector<ShiftHours> now;  // after it (empty: a day off)
  friend bool operator==(const NoticeDay&, const NoticeDay&) = default;
};

// The days of a notice still waiting (`older`) and of a new change (`newer`) as one notice: a
// date in both keeps how it was before the first change and takes how it is after the last; a
// date back to how it was drops out. In date order.
std::vector<NoticeDay> MergeNoticeDays(const std::vector<NoticeDay>& older,
                                       const std::vector<NoticeDay>& newer);

// The days from `today` on (those gone are no longer news).
std::vector<NoticeDay> DaysFrom(const std::vector<NoticeDay>& days, const std::string& today);

// One day as a notice names it on the zone's clock: "ср 25.11: 10:00–13:00, 14:00–19:00",
// "чт 26.11: вихідний" (uk), "ср 25.11: ... выходной" (ru), "Wed 25.11: 10:00-19:00",
// "Thu 26.11: day off" (en: plain hyphens keep an SMS in GSM-7). A shift that ends at the
// next midnight ends at 24:00.
std::string NoticeDayText(const NoticeDay& day, const std::string& zone, Language language);

// Every day joined by `separator` ("\n" in a chat or a letter, "; " in an SMS).
std::string NoticeDaysText(const std::vector<NoticeDay>& days, const std::string& zone,
                           Language language, std::string_view separator);

}  // namespace kvitka::messaging
