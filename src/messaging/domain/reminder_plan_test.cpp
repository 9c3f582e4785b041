#include "messaging/domain/reminder_plan.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::messaging {
namespace {

constexpr std::string_view kKyiv = "Europe/Kyiv";
constexpr int kHour = 60;
constexpr EpochSeconds kMinute = 60;

EpochSeconds Kyiv(std::string_view date, int hour, int minute = 0) {
  return *LocalInstant(date, hour * 60 + minute, kKyiv);
}

PlannedReminder Planned(int offset, ReminderOutcome outcome,
                        std::optional<EpochSeconds> due = std::nullopt) {
  return {offset, outcome, due};
}

using Plan = std::vector<PlannedReminder>;

Plan PlanFor(EpochSeconds start, EpochSeconds booked_at, EpochSeconds now,
             const ReminderRules& rules = {}) {
  return PlanVisitReminders({start, booked_at}, rules, kKyiv, now);
}

TEST(MessagingReminders, DayBeforeAndTwoHoursBefore) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 14, 30), booked, booked),
            (Plan{Planned(24 * kHour, ReminderOutcome::kOnTime, Kyiv("2026-11-24", 14, 30)),
                  Planned(2 * kHour, ReminderOutcome::kOnTime, Kyiv("2026-11-25", 12, 30))}));
}

TEST(MessagingReminders, QuietHoursHoldUntilMorning) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  // 2 h before 10:30 is 08:30, inside 21:00-09:00: held until 09:00, still 90 min ahead.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 10, 30), booked, booked)[1],
            Planned(2 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-25", 9)));
  // The 24 h reminder of a 07:30 visit (a salon opening early) waits until 09:00 the day before.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 7, 30), booked, booked)[0],
            Planned(24 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-24", 9)));
}

TEST(MessagingReminders, TooCloseMorningsMoveToTheEveningBefore) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  // 09:00 is only 10 min before a 09:10 visit (the minimum lead is 30): 20:59 the evening before.
  EXPECT_EQ(
      PlanFor(Kyiv("2026-11-25", 9, 10), booked, booked),
      (Plan{Planned(24 * kHour, ReminderOutcome::kOnTime, Kyiv("2026-11-24", 9, 10)),
            Planned(2 * kHour, ReminderOutcome::kMovedToEvening, Kyiv("2026-11-24", 20, 59))}));
}

TEST(MessagingReminders, RemindersLandingTogetherMerge) {
  ReminderRules rules;
  rules.offsets = {3 * kHour, 2 * kHour};
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 10, 30), booked, booked, rules),
            (Plan{Planned(3 * kHour, ReminderOutcome::kMerged),
                  Planned(2 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-25", 9))}));
}

TEST(MessagingReminders, BookedAnHourAheadGetsOnlyTheConfirmation) {
  const EpochSeconds booked = Kyiv("2026-11-25", 10);
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 11), booked, booked),
            (Plan{Planned(24 * kHour, ReminderOutcome::kSkippedJustBooked),
                  Planned(2 * kHour, ReminderOutcome::kSkippedJustBooked)}));
}

TEST(MessagingReminders, AReminderSoonAfterTheBookingIsSkipped) {
  const EpochSeconds booked = Kyiv("2026-11-25", 10);
  // 2 h before 12:30 is 10:30, half an hour after the confirmation.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 12, 30), booked, booked)[1].outcome,
            ReminderOutcome::kSkippedJustBooked);
  // 2 h before 13:30 is 11:30: far enough from the booking.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 13, 30), booked, booked)[1],
            Planned(2 * kHour, ReminderOutcome::kOnTime, Kyiv("2026-11-25", 11, 30)));
  // For 10:30 tomorrow the 24 h time is half an hour after the booking; the 2 h one stays.
  const Plan next_day = PlanFor(Kyiv("2026-11-26", 10, 30), booked, booked);
  EXPECT_EQ(next_day[0].outcome, ReminderOutcome::kSkippedJustBooked);
  EXPECT_EQ(next_day[1].due, Kyiv("2026-11-26", 9));
}

TEST(MessagingReminders, BookedInTheEveningForTheNextMorning) {
  // At 10:00 for 09:00 tomorrow: the 2 h reminder (07:00, quiet) goes at 20:59 today.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-26", 9), Kyiv("2026-11-25", 10), Kyiv("2026-11-25", 10))[1],
            Planned(2 * kHour, ReminderOutcome::kMovedToEvening, Kyiv("2026-11-25", 20, 59)));
  // At 20:00 for 08:30 tomorrow: 20:59 is under an hour after the confirmation.
  EXPECT_EQ(
      PlanFor(Kyiv("2026-11-26", 8, 30), Kyiv("2026-11-25", 20), Kyiv("2026-11-25", 20))[1].outcome,
      ReminderOutcome::kSkippedJustBooked);
  // At 22:00 (already quiet) for 09:20: the morning is too close and the evening is gone.
  EXPECT_EQ(
      PlanFor(Kyiv("2026-11-26", 9, 20), Kyiv("2026-11-25", 22), Kyiv("2026-11-25", 22))[1].outcome,
      ReminderOutcome::kSkippedQuietHours);
  // At 22:00 for 09:40: held until 09:00, 40 minutes ahead.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-26", 9, 40), Kyiv("2026-11-25", 22), Kyiv("2026-11-25", 22))[1],
            Planned(2 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-26", 9)));
}

TEST(MessagingReminders, MissedRemindersGoNowOnceWhileThereIsTime) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  const EpochSeconds start = Kyiv("2026-11-25", 16);
  // Planned at 11:00 (the server was down): the 24 h reminder is late and goes now.
  EXPECT_EQ(PlanFor(start, booked, Kyiv("2026-11-25", 11)),
            (Plan{Planned(24 * kHour, ReminderOutcome::kLate, Kyiv("2026-11-25", 11)),
                  Planned(2 * kHour, ReminderOutcome::kOnTime, Kyiv("2026-11-25", 14))}));
  // At 15:00 both are late: one message, the nearer one.
  EXPECT_EQ(PlanFor(start, booked, Kyiv("2026-11-25", 15)),
            (Plan{Planned(24 * kHour, ReminderOutcome::kMerged),
                  Planned(2 * kHour, ReminderOutcome::kLate, Kyiv("2026-11-25", 15))}));
  // At 15:40 the visit is 20 minutes away: too late for either.
  EXPECT_EQ(PlanFor(start, booked, Kyiv("2026-11-25", 15, 40)),
            (Plan{Planned(24 * kHour, ReminderOutcome::kSkippedTooLate),
                  Planned(2 * kHour, ReminderOutcome::kSkippedTooLate)}));
}

TEST(MessagingReminders, ALateReminderDuringQuietHoursWaitsForMorning) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  // Planned at 23:00 for a 12:00 visit tomorrow: the 24 h time (12:00 today) was missed.
  EXPECT_EQ(PlanFor(Kyiv("2026-11-26", 12), booked, Kyiv("2026-11-25", 23))[0],
            Planned(24 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-26", 9)));
}

TEST(MessagingReminders, NeverAtOrAfterTheStart) {
  ReminderRules rules;
  rules.offsets = {0, 10};
  rules.quiet_hours.reset();
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  const EpochSeconds start = Kyiv("2026-11-25", 16);
  EXPECT_EQ(PlanFor(start, booked, booked, rules),
            (Plan{Planned(0, ReminderOutcome::kSkippedTooLate),
                  Planned(10, ReminderOutcome::kOnTime, start - 10 * kMinute)}));
}

TEST(MessagingReminders, QuietHoursCanBeOffOrWithinOneDay) {
  const EpochSeconds booked = Kyiv("2026-11-20", 12);
  ReminderRules rules;
  rules.quiet_hours.reset();
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 9, 10), booked, booked, rules)[1].due,
            Kyiv("2026-11-25", 7, 10));
  rules.quiet_hours = QuietHours{13 * 60, 14 * 60};  // a lunch break
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 15, 30), booked, booked, rules)[1],
            Planned(2 * kHour, ReminderOutcome::kHeldUntilMorning, Kyiv("2026-11-25", 14)));
  rules.quiet_hours = QuietHours{600, 600};  // start == end: never quiet
  EXPECT_EQ(PlanFor(Kyiv("2026-11-25", 12, 30), booked, booked, rules)[1].due,
            Kyiv("2026-11-25", 10, 30));
}

TEST(MessagingReminders, RulesAreChecked) {
  ReminderRules rules;
  EXPECT_TRUE(CheckReminderRules(rules).empty());
  rules.offsets = {1440, 2, 1440, 60 * 24 * 31, 60, 120};
  rules.quiet_hours = QuietHours{-1, 1440};
  rules.min_lead = 721;
  rules.min_gap_after_booking = -5;
  EXPECT_EQ(CheckReminderRules(rules),
            (FieldErrors{{"offsets", "too_many", 5},
                         {"offsets[1]", "out_of_range", 43200},
                         {"offsets[2]", "duplicate"},
                         {"offsets[3]", "out_of_range", 43200},
                         {"quiet_hours.start", "out_of_range", 1439},
                         {"quiet_hours.end", "out_of_range", 1439},
                         {"min_lead", "out_of_range", 720},
                         {"min_gap_after_booking", "out_of_range", 1440}}));
}

TEST(MessagingReminders, OutcomesHaveNames) {
  EXPECT_STREQ(ReminderOutcomeName(ReminderOutcome::kHeldUntilMorning), "held_until_morning");
  EXPECT_STREQ(ReminderOutcomeName(ReminderOutcome::kMerged), "merged");
}

TEST(MessagingReminders, ManyVisitsPlanLikeOne) {
  const EpochSeconds now = Kyiv("2026-11-20", 12);
  std::vector<UpcomingVisit> visits(200);
  for (EpochSeconds i = 0; i < 200; ++i) {
    visits[i] = {i + 1, now + i * 37 * kMinute + 90 * kMinute, now - i * kMinute};
  }
  const ReminderRules rules;
  const auto due = PlanReminders(visits, rules, kKyiv, now);
  std::vector<DueReminder> expected;
  for (const auto& v : visits) {
    for (const auto& r : PlanVisitReminders({v.start, v.booked_at}, rules, kKyiv, now)) {
      if (r.due) expected.push_back({v.appointment_id, r.offset, *r.due});
    }
  }
  EXPECT_EQ(due, expected);
  EXPECT_GT(due.size(), 200u);
}

TEST(MessagingReminders, UnknownZoneCountsAsUtc) {
  const EpochSeconds start = *ParseRfc3339("2026-11-25T12:00:00Z");
  EXPECT_EQ(NominalReminderTime(start, 24 * kHour, "Mars/Olympus"),
            *ParseRfc3339("2026-11-24T12:00:00Z"));
}

TEST(MessagingReminders, PickedUpInQuietHoursWaitsForMorningOrIsDropped) {
  const QuietHours quiet;  // 21:00-09:00
  const EpochSeconds night = Kyiv("2026-11-24", 23, 30);
  // Not quiet: at once; no quiet hours: at once.
  EXPECT_EQ(OutsideQuietHours(Kyiv("2026-11-24", 15), quiet, kKyiv, std::nullopt),
            Kyiv("2026-11-24", 15));
  EXPECT_EQ(OutsideQuietHours(night, std::nullopt, kKyiv, std::nullopt), night);
  // Quiet: held until 09:00, unless that is later than allowed (a visit at 09:15 with 30 min lead).
  EXPECT_EQ(OutsideQuietHours(night, quiet, kKyiv, std::nullopt), Kyiv("2026-11-25", 9));
  EXPECT_EQ(OutsideQuietHours(night, quiet, kKyiv, Kyiv("2026-11-25", 10)), Kyiv("2026-11-25", 9));
  EXPECT_EQ(OutsideQuietHours(night, quiet, kKyiv, Kyiv("2026-11-25", 8, 45)), std::nullopt);
  // After midnight, the same morning.
  EXPECT_EQ(OutsideQuietHours(Kyiv("2026-11-25", 2), quiet, kKyiv, std::nullopt),
            Kyiv("2026-11-25", 9));
}

}  // namespace
}  // namespace kvitka::messaging
