#include "booking/domain/waitlist.h"

#include <gtest/gtest.h>

namespace kvitka::booking {
namespace {

TEST(ClockTime, ParsesAndFormats) {
  EXPECT_EQ(ParseClockTime("10:30"), 630);
  EXPECT_EQ(ParseClockTime("24:00"), 1440);
  EXPECT_FALSE(ParseClockTime("24:30").has_value());
  EXPECT_FALSE(ParseClockTime("9:30").has_value());
  EXPECT_FALSE(ParseClockTime("ab:cd").has_value());
  EXPECT_EQ(FormatClockTime(630), "10:30");
}

TEST(Waitlist, ChecksItsOwnFields) {
  WaitlistEntry e;
  e.date_from = "2026-11-25";
  e.date_to = "2026-11-24";
  e.time_from = 600;
  e.time_to = 540;
  const auto errors = CheckWaitlistEntry(e);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].field, "service_ids");
  EXPECT_EQ(errors[1].field, "date_to");
  EXPECT_EQ(errors[2].field, "time_to");
}

TEST(Waitlist, FirstSlotInsideTheWindowAndWithTheMaster) {
  WaitlistEntry e;
  e.time_from = 14 * 60;
  e.time_to = 18 * 60;
  std::vector<Slot> slots = {
      {100, {1}, {std::nullopt}}, {200, {2}, {std::nullopt}}, {300, {1}, {std::nullopt}}};
  const std::vector<int> minutes = {10 * 60, 15 * 60, 16 * 60};
  EXPECT_EQ(FirstInWindow(e, slots, minutes)->start, 200);
  e.staff_id = 1;
  EXPECT_EQ(FirstInWindow(e, slots, minutes)->start, 300);
  e.time_to = 16 * 60;  // the window ends before 16:00
  EXPECT_FALSE(FirstInWindow(e, slots, minutes).has_value());
}

}  // namespace
}  // namespace kvitka::booking
