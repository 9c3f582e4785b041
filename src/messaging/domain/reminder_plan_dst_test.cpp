// Reminders on the daylight-saving days of Europe/Kyiv: 2026-03-29 (03:00 EET -> 04:00 EEST)
// and 2026-10-25 (04:00 EEST -> 03:00 EET). "24 h before" means the same wall-clock time the day
// before, which is 23 real hours before a visit on the spring day and 25 on the autumn day.
#include <gtest/gtest.h>

#include "core/time.h"
#include "messaging/domain/reminder_plan.h"

namespace kvitka::messaging {
namespace {

constexpr std::string_view kKyiv = "Europe/Kyiv";
constexpr int kDayBefore = 24 * 60;
constexpr int kTwoHours = 2 * 60;

EpochSeconds Utc(std::string_view text) { return *ParseRfc3339(text); }

PlannedReminder PlanOne(EpochSeconds start, int offset, bool quiet = true) {
  ReminderRules rules;
  rules.offsets = {offset};
  if (!quiet) rules.quiet_hours.reset();
  const EpochSeconds booked = start - EpochSeconds{10} * 86400;
  return PlanVisitReminders({start, booked}, rules, kKyiv, booked).front();
}

TEST(MessagingRemindersDst, SpringDayBeforeIsTheSameWallTimeAndTwentyThreeHours) {
  const EpochSeconds start = Utc("2026-03-29T12:00:00+03:00");
  const PlannedReminder r = PlanOne(start, kDayBefore);
  EXPECT_EQ(r.outcome, ReminderOutcome::kOnTime);
  EXPECT_EQ(r.due, Utc("2026-03-28T12:00:00+02:00"));
  EXPECT_EQ(start - *r.due, 23 * 3600);
  EXPECT_EQ(FormatRfc3339InZone(*r.due, kKyiv), "2026-03-28T12:00:00+02:00");
}

TEST(MessagingRemindersDst, TheDayAfterSpringChangeIsTwentyFourHours) {
  const EpochSeconds start = Utc("2026-03-30T12:00:00+03:00");
  EXPECT_EQ(PlanOne(start, kDayBefore).due, Utc("2026-03-29T12:00:00+03:00"));
  EXPECT_EQ(start - *PlanOne(start, kDayBefore).due, 24 * 3600);
}

TEST(MessagingRemindersDst, SpringTwoHoursAreRealHours) {
  // 05:00 EEST is 02:00 UTC; two hours earlier is 02:00 EET, across the jump.
  const EpochSeconds start = Utc("2026-03-29T05:00:00+03:00");
  const PlannedReminder r = PlanOne(start, kTwoHours, false);
  EXPECT_EQ(r.due, start - 7200);
  EXPECT_EQ(FormatRfc3339InZone(*r.due, kKyiv), "2026-03-29T02:00:00+02:00");
}

TEST(MessagingRemindersDst, SpringWallTimeInTheGapMovesToItsEnd) {
  // 03:30 on 29 March does not exist in Kyiv: the reminder goes at 04:00 EEST, as core does.
  const EpochSeconds start = Utc("2026-03-30T03:30:00+03:00");
  const PlannedReminder r = PlanOne(start, kDayBefore, false);
  EXPECT_EQ(r.due, Utc("2026-03-29T04:00:00+03:00"));
  EXPECT_EQ(r.due, LocalInstant("2026-03-29", 3 * 60 + 30, kKyiv));
}

TEST(MessagingRemindersDst, SpringQuietHoursUseTheLocalClock) {
  // 2 h before 10:00 EEST is 08:00 EEST: quiet until 09:00 EEST (06:00 UTC).
  EXPECT_EQ(PlanOne(Utc("2026-03-29T10:00:00+03:00"), kTwoHours),
            (PlannedReminder{kTwoHours, ReminderOutcome::kHeldUntilMorning,
                             Utc("2026-03-29T09:00:00+03:00")}));
  // For 09:10 EEST the morning is too close: 20:59 EET on Saturday.
  EXPECT_EQ(PlanOne(Utc("2026-03-29T09:10:00+03:00"), kTwoHours),
            (PlannedReminder{kTwoHours, ReminderOutcome::kMovedToEvening,
                             Utc("2026-03-28T20:59:00+02:00")}));
}

TEST(MessagingRemindersDst, AutumnDayBeforeIsTheSameWallTimeAndTwentyFiveHours) {
  const EpochSeconds start = Utc("2026-10-25T12:00:00+02:00");
  const PlannedReminder r = PlanOne(start, kDayBefore);
  EXPECT_EQ(r.outcome, ReminderOutcome::kOnTime);
  EXPECT_EQ(r.due, Utc("2026-10-24T12:00:00+03:00"));
  EXPECT_EQ(start - *r.due, 25 * 3600);
}

TEST(MessagingRemindersDst, TheDayAfterAutumnChangeIsTwentyFourHours) {
  const EpochSeconds start = Utc("2026-10-26T12:00:00+02:00");
  EXPECT_EQ(start - *PlanOne(start, kDayBefore).due, 24 * 3600);
}

TEST(MessagingRemindersDst, AutumnWallTimeThatOccursTwiceTakesTheEarlier) {
  const EpochSeconds start = Utc("2026-10-26T03:30:00+02:00");
  const PlannedReminder r = PlanOne(start, kDayBefore, false);
  EXPECT_EQ(r.due, Utc("2026-10-25T03:30:00+03:00"));
  EXPECT_EQ(r.due, LocalInstant("2026-10-25", 3 * 60 + 30, kKyiv));
}

TEST(MessagingRemindersDst, AutumnTwoHoursAreRealHours) {
  const EpochSeconds start = Utc("2026-10-25T04:30:00+02:00");
  const PlannedReminder r = PlanOne(start, kTwoHours, false);
  EXPECT_EQ(r.due, start - 7200);
  EXPECT_EQ(FormatRfc3339InZone(*r.due, kKyiv), "2026-10-25T03:30:00+03:00");
}

TEST(MessagingRemindersDst, AutumnQuietHoursUseTheLocalClock) {
  EXPECT_EQ(PlanOne(Utc("2026-10-25T10:00:00+02:00"), kTwoHours),
            (PlannedReminder{kTwoHours, ReminderOutcome::kHeldUntilMorning,
                             Utc("2026-10-25T09:00:00+02:00")}));
  EXPECT_EQ(PlanOne(Utc("2026-10-25T09:10:00+02:00"), kTwoHours),
            (PlannedReminder{kTwoHours, ReminderOutcome::kMovedToEvening,
                             Utc("2026-10-24T20:59:00+03:00")}));
}

TEST(MessagingRemindersDst, DaysAndHoursCombine) {
  // 25 h = the same wall time the day before, then one more real hour.
  const EpochSeconds start = Utc("2026-03-29T12:00:00+03:00");
  EXPECT_EQ(NominalReminderTime(start, 25 * 60, kKyiv), Utc("2026-03-28T11:00:00+02:00"));
  EXPECT_EQ(NominalReminderTime(start, 7 * 24 * 60, kKyiv), Utc("2026-03-22T12:00:00+02:00"));
}

}  // namespace
}  // namespace kvitka::messaging
