#include "messaging/domain/schedule_notice.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::messaging {
namespace {

constexpr const char* kKyiv = "Europe/Kyiv";

EpochSeconds At(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

// Hours on the Kyiv clock of 25 and 26 November 2026 (UTC+2).
ShiftHours Kyiv(const char* date, int from_hour, int to_hour) {
  const EpochSeconds midnight = *StartOfDay(date, kKyiv);
  return {midnight + from_hour * 3600L, midnight + to_hour * 3600L};
}

TEST(ScheduleNotice, DaysAreWrittenOnTheBranchClockInEachLanguage) {
  const std::vector<NoticeDay> days = {{"2026-11-25",
                                        {Kyiv("2026-11-25", 9, 18)},
                                        {Kyiv("2026-11-25", 10, 13), Kyiv("2026-11-25", 14, 19)}},
                                       {"2026-11-26", {Kyiv("2026-11-26", 9, 18)}, {}},
                                       {"2026-11-27", {}, {Kyiv("2026-11-27", 20, 24)}}};
  EXPECT_EQ(NoticeDaysText(days, kKyiv, Language::kUk, "\n"),
            "ср 25.11: 10:00–13:00, 14:00–19:00\nчт 26.11: вихідний\nпт 27.11: 20:00–24:00");
  EXPECT_EQ(NoticeDaysText(days, kKyiv, Language::kRu, "; "),
            "ср 25.11: 10:00–13:00, 14:00–19:00; чт 26.11: выходной; пт 27.11: 20:00–24:00");
  EXPECT_EQ(NoticeDaysText(days, kKyiv, Language::kEn, "; "),
            "Wed 25.11: 10:00-13:00, 14:00-19:00; Thu 26.11: day off; Fri 27.11: 20:00-24:00");
  EXPECT_EQ(
      NoticeDayText({"2026-11-28", {}, {{At("2026-11-28T20:00:00Z"), At("2026-11-29T00:00:00Z")}}},
                    kKyiv, Language::kUk),
      "сб 28.11: 22:00–02:00");
}

TEST(ScheduleNotice, MergingKeepsTheFirstBeforeAndTheLastAfterAndDropsWhatWasUndone) {
  const auto nine = Kyiv("2026-11-25", 9, 18);
  const auto ten = Kyiv("2026-11-25", 10, 19);
  const auto thu = Kyiv("2026-11-26", 9, 18);
  const std::vector<NoticeDay> first = {{"2026-11-25", {nine}, {ten}}, {"2026-11-26", {thu}, {}}};
  // The 25th back to 9-18, the 27th off: the 25th is no news any more.
  const std::vector<NoticeDay> second = {{"2026-11-25", {ten}, {nine}},
                                         {"2026-11-27", {Kyiv("2026-11-27", 9, 18)}, {}}};
  const auto merged = MergeNoticeDays(first, second);
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0], first[1]);
  EXPECT_EQ(merged[1], second[1]);
  // A day changed twice: was as before the first, now as after the second.
  const auto twice = MergeNoticeDays({{"2026-11-25", {nine}, {ten}}},
                                     {{"2026-11-25", {ten}, {Kyiv("2026-11-25", 11, 20)}}});
  EXPECT_EQ(twice, (std::vector<NoticeDay>{{"2026-11-25", {nine}, {Kyiv("2026-11-25", 11, 20)}}}));
  EXPECT_TRUE(MergeNoticeDays({}, {}).empty());
}

TEST(ScheduleNotice, DaysGoneAreNoLongerNews) {
  const std::vector<NoticeDay> days = {{"2026-11-24", {}, {}}, {"2026-11-25", {}, {}}};
  EXPECT_EQ(DaysFrom(days, "2026-11-25").size(), 1u);
  EXPECT_TRUE(DaysFrom(days, "2026-11-26").empty());
}

}  // namespace
}  // namespace kvitka::messaging
