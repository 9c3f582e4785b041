#include "messaging/domain/come_back.h"

#include <gtest/gtest.h>

namespace kvitka::messaging {
namespace {

TEST(MessagingComeBack, AFewDaysBeforeTheCycleEnds) {
  // A manicure "usually repeated every 21 days", done on 1 November, reminded 3 days early.
  const ServiceCycle manicure{"2026-11-01", 21};
  EXPECT_EQ(ComeBackDay(manicure, 3), "2026-11-19");
  EXPECT_EQ(ComeBackDay(manicure, 0), "2026-11-22");
  EXPECT_EQ(ComeBackDay({"2026-12-20", 21}, 3), "2027-01-07");
}

TEST(MessagingComeBack, NeverBeforeTheDayAfterTheVisit) {
  EXPECT_EQ(ComeBackDay({"2026-11-01", 2}, 5), "2026-11-02");
  EXPECT_EQ(ComeBackDay({"2026-11-01", 10}, -4), "2026-11-11");
}

TEST(MessagingComeBack, NoCycleNoReminder) {
  EXPECT_FALSE(ComeBackDay({"2026-11-01", 0}, 3).has_value());
  EXPECT_FALSE(ComeBackDay({"2026-11-01", -7}, 3).has_value());
  EXPECT_FALSE(ComeBackDay({"", 21}, 3).has_value());
  EXPECT_FALSE(ComeBackDay({"2026-13-01", 21}, 3).has_value());
}

TEST(MessagingComeBack, DueFromItsDayUntilTheCycleEnds) {
  const ServiceCycle cycle{"2026-11-01", 21};
  EXPECT_FALSE(ComeBackDueOn(cycle, 3, "2026-11-18", false));
  EXPECT_TRUE(ComeBackDueOn(cycle, 3, "2026-11-19", false));
  EXPECT_TRUE(ComeBackDueOn(cycle, 3, "2026-11-22", false));  // a missed day catches up
  EXPECT_FALSE(ComeBackDueOn(cycle, 3, "2026-11-23", false));
  EXPECT_FALSE(ComeBackDueOn(cycle, 3, "bad", false));
}

TEST(MessagingComeBack, NotWhenTheClientIsAlreadyBooked) {
  EXPECT_FALSE(ComeBackDueOn({"2026-11-01", 21}, 3, "2026-11-19", true));
}

TEST(MessagingBirthday, GreetedOnTheBirthdayOfThatYear) {
  EXPECT_EQ(BirthdayGreetingDay("1990-06-15", 2026), "2026-06-15");
  EXPECT_EQ(BirthdayGreetingDay("1990-06-15", 2026, 3), "2026-06-12");
  EXPECT_EQ(BirthdayGreetingDay("1990-01-02", 2027, 5), "2026-12-28");
}

TEST(MessagingBirthday, LeapDayBirthdaysOnTheTwentyEighthInOtherYears) {
  EXPECT_EQ(BirthdayGreetingDay("1996-02-29", 2026), "2026-02-28");
  EXPECT_EQ(BirthdayGreetingDay("1996-02-29", 2028), "2028-02-29");
  EXPECT_EQ(BirthdayGreetingDay("1996-02-29", 2027, 1), "2027-02-27");
}

TEST(MessagingBirthday, NoDateNoGreeting) {
  EXPECT_FALSE(BirthdayGreetingDay("", 2026).has_value());
  EXPECT_FALSE(BirthdayGreetingDay("1990-02-30", 2026).has_value());
  EXPECT_FALSE(BirthdayGreetingDay("15.06.1990", 2026).has_value());
}

}  // namespace
}  // namespace kvitka::messaging
