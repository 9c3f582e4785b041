#include "staff/domain/schedule_changes.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::staff {
namespace {

constexpr const char* kKyiv = "Europe/Kyiv";

EpochSeconds At(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

SchedulePattern EveryDay(const char* from, DayPlan day) {
  SchedulePattern p;
  p.kind = PatternKind::kEveryDay;
  p.valid_from = from;
  p.day = std::move(day);
  return p;
}

TEST(WorkDays, OneEntryPerDateWithItsOwnShiftsEvenPastMidnight) {
  WorkSchedule schedule{{EveryDay("2026-01-01", {{9 * 60, 18 * 60}})}, {}};
  schedule.exceptions = {{"2026-11-24", {}}, {"2026-11-25", {{22 * 60, 26 * 60}}}};
  Absence away;
  away.from = away.to = "2026-11-26";
  const auto days = WorkDays(schedule, {away}, {"2026-11-27"}, "2026-11-23", 6, kKyiv);
  ASSERT_EQ(days.size(), 6u);
  EXPECT_EQ(days[0].date, "2026-11-23");
  EXPECT_EQ(days[0].hours,
            (std::vector<WorkInterval>{{At("2026-11-23T07:00:00Z"), At("2026-11-23T16:00:00Z")}}));
  EXPECT_TRUE(days[1].hours.empty());  // an exception: day off
  EXPECT_EQ(days[2].hours,
            (std::vector<WorkInterval>{{At("2026-11-25T20:00:00Z"), At("2026-11-26T00:00:00Z")}}));
  EXPECT_TRUE(days[3].hours.empty());  // absent
  EXPECT_TRUE(days[4].hours.empty());  // the branch is closed
  EXPECT_EQ(days[5].date, "2026-11-28");
  EXPECT_EQ(days[5].hours.size(), 1u);
}

TEST(ChangedDays, OnlyTheDatesWhoseHoursDifferWithBeforeAndAfter) {
  const WorkSchedule before{{EveryDay("2026-01-01", {{9 * 60, 18 * 60}})}, {}};
  WorkSchedule after = before;
  after.exceptions = {{"2026-11-24", {{10 * 60, 19 * 60}}},
                      {"2026-11-26", {}},
                      {"2026-11-23", {{9 * 60, 18 * 60}}}};  // the same hours: no change
  const auto old_days = WorkDays(before, {}, {}, "2026-11-23", 14, kKyiv);
  const auto new_days = WorkDays(after, {}, {}, "2026-11-23", 14, kKyiv);
  const auto changed = ChangedDays(old_days, new_days);
  ASSERT_EQ(changed.size(), 2u);
  EXPECT_EQ(changed[0].date, "2026-11-24");
  EXPECT_EQ(changed[0].before,
            (std::vector<WorkInterval>{{At("2026-11-24T07:00:00Z"), At("2026-11-24T16:00:00Z")}}));
  EXPECT_EQ(changed[0].after,
            (std::vector<WorkInterval>{{At("2026-11-24T08:00:00Z"), At("2026-11-24T17:00:00Z")}}));
  EXPECT_EQ(changed[1].date, "2026-11-26");
  EXPECT_TRUE(changed[1].after.empty());
  EXPECT_TRUE(ChangedDays(old_days, old_days).empty());
}

TEST(ChangedDays, AChangeOnTheDaylightSavingDayIsSeenOnItsOwnDate) {
  // 25.10.2026: clocks go back at 04:00 in Kyiv; the day has 25 hours.
  const WorkSchedule before{{EveryDay("2026-01-01", {{9 * 60, 18 * 60}})}, {}};
  WorkSchedule after = before;
  after.exceptions = {{"2026-10-25", {{0, 24 * 60}}}};
  const auto changed = ChangedDays(WorkDays(before, {}, {}, "2026-10-24", 3, kKyiv),
                                   WorkDays(after, {}, {}, "2026-10-24", 3, kKyiv));
  ASSERT_EQ(changed.size(), 1u);
  EXPECT_EQ(changed[0].date, "2026-10-25");
  ASSERT_EQ(changed[0].after.size(), 1u);
  EXPECT_EQ(changed[0].after[0].end - changed[0].after[0].start, 25 * 3600);
}

}  // namespace
}  // namespace kvitka::staff
