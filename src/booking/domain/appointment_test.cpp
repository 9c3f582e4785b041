#include "booking/domain/appointment.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kHour = 3600;
constexpr EpochSeconds kT = 1'800'000'000;  // some instant

Item MakeItem(Id staff, EpochSeconds start, EpochSeconds minutes) {
  Item item;
  item.service_id = 1;
  item.staff_id = staff;
  item.start = start;
  item.end = start + minutes * 60;
  return item;
}

TEST(Status, NamesRoundTripAndOnlyLiveVisitsHoldTime) {
  for (auto s : {Status::kBooked, Status::kConfirmed, Status::kArrived, Status::kCompleted,
                 Status::kNoShow, Status::kCancelled}) {
    EXPECT_EQ(ParseStatus(StatusName(s)), s);
  }
  EXPECT_FALSE(ParseStatus("done").has_value());
  EXPECT_TRUE(HoldsTime(Status::kConfirmed));
  EXPECT_TRUE(HoldsTime(Status::kCompleted));
  EXPECT_FALSE(HoldsTime(Status::kCancelled));
  EXPECT_FALSE(HoldsTime(Status::kNoShow));
  EXPECT_TRUE(IsClosed(Status::kCompleted));
  EXPECT_FALSE(IsClosed(Status::kArrived));
  EXPECT_EQ(ParseSource("online"), Source::kOnline);
  EXPECT_FALSE(ParseSource("walk-in").has_value());
}

TEST(Amount, AppliesTheDiscountRoundedHalfUp) {
  Item item = MakeItem(1, kT, 60);
  item.price = 45050;
  item.discount_percent = 10;
  EXPECT_EQ(item.Amount(), 40545);
  item.price = 999;
  item.discount_percent = 15;  // 849.15
  EXPECT_EQ(item.Amount(), 849);
  item.discount_percent = 100;
  EXPECT_EQ(item.Amount(), 0);
  Appointment a;
  a.items = {MakeItem(1, kT, 30), MakeItem(2, kT + 1800, 30)};
  a.items[0].price = 100;
  a.items[1].price = 250;
  EXPECT_EQ(a.Total(), 350);
  EXPECT_EQ(a.Start(), kT);
  EXPECT_EQ(a.End(), kT + kHour);
}

TEST(HoldsOf, SplitsTheMasterAroundAProcessingGapButKeepsTheRoom) {
  Item colour = MakeItem(7, kT, 120);
  colour.buffer_after = 15;
  colour.processing = Span{kT + 30 * 60, kT + 90 * 60};
  colour.room_id = 3;
  const auto holds = HoldsOf({colour}, {{3, 1}});
  ASSERT_EQ(holds.size(), 3u);
  EXPECT_EQ(holds[0], (Hold{Hold::Resource::kStaff, 7, {kT, kT + 30 * 60}, true}));
  EXPECT_EQ(holds[1], (Hold{Hold::Resource::kStaff, 7, {kT + 90 * 60, kT + 135 * 60}, true}));
  EXPECT_EQ(holds[2], (Hold{Hold::Resource::kRoom, 3, {kT, kT + 135 * 60}, true}));
  // A room for several clients at once is not held exclusively.
  EXPECT_FALSE(HoldsOf({colour}, {{3, 4}})[2].exclusive);
}

TEST(Collisions, RefusesTheSameMasterButNotDuringAProcessingGap) {
  Item colour = MakeItem(7, kT, 120);
  colour.processing = Span{kT + 30 * 60, kT + 90 * 60};
  const auto existing = HoldsOf({colour}, {});
  // A haircut inside the gap fits; one that runs past it does not.
  EXPECT_TRUE(Collisions(HoldsOf({MakeItem(7, kT + 30 * 60, 60)}, {}), existing, {}).empty());
  EXPECT_EQ(Collisions(HoldsOf({MakeItem(7, kT + 60 * 60, 60)}, {}), existing, {}).size(), 1u);
  // Another master is free; touching ends do not collide.
  EXPECT_TRUE(Collisions(HoldsOf({MakeItem(8, kT, 60)}, {}), existing, {}).empty());
  EXPECT_TRUE(Collisions(HoldsOf({MakeItem(7, kT + 2 * kHour, 60)}, {}), existing, {}).empty());
  // Two items of one visit with the same master at once collide with each other.
  EXPECT_EQ(
      Collisions(HoldsOf({MakeItem(9, kT, 60), MakeItem(9, kT + 1800, 60)}, {}), {}, {}).size(),
      1u);
}

TEST(Collisions, CountsARoomUpToItsCapacity) {
  const RoomCapacities rooms = {{5, 2}};
  auto with_room = [](Id staff, EpochSeconds start) {
    Item item = MakeItem(staff, start, 60);
    item.room_id = 5;
    return item;
  };
  auto existing = HoldsOf({with_room(1, kT)}, rooms);
  EXPECT_TRUE(Collisions(HoldsOf({with_room(2, kT)}, rooms), existing, rooms).empty());
  auto more = existing;
  for (const auto& h : HoldsOf({with_room(2, kT + 1800)}, rooms)) more.push_back(h);
  const auto third = Collisions(HoldsOf({with_room(3, kT + 1800)}, rooms), more, rooms);
  ASSERT_EQ(third.size(), 1u);
  EXPECT_EQ(third[0].resource, Hold::Resource::kRoom);
}

TEST(WorkingHours, TheWholeItemMustBeInsideOneInterval) {
  const std::vector<std::pair<Id, std::vector<Span>>> working = {
      {1, {{kT, kT + 4 * kHour}, {kT + 5 * kHour, kT + 9 * kHour}}}};
  EXPECT_TRUE(InsideWorkingHours({MakeItem(1, kT, 60)}, working));
  EXPECT_FALSE(InsideWorkingHours({MakeItem(1, kT + 3 * kHour + 1800, 60)}, working));  // break
  EXPECT_FALSE(InsideWorkingHours({MakeItem(2, kT, 60)}, working));  // no schedule
}

TEST(Occurrences, KeepTheWallTimeAcrossTheAutumnChangeInKyiv) {
  // Wednesdays 10:00 local from 2026-10-14: +03:00 before the 25th, +02:00 after.
  const EpochSeconds first = *ParseRfc3339("2026-10-14T07:00:00Z");
  const auto starts = Occurrences(first, {1, true, "", 4}, "Europe/Kyiv");
  ASSERT_EQ(starts.size(), 4u);
  EXPECT_EQ(FormatRfc3339Utc(starts[1]), "2026-10-21T07:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(starts[2]), "2026-10-28T08:00:00Z");
  EXPECT_EQ(FormatRfc3339Utc(starts[3]), "2026-11-04T08:00:00Z");
}

TEST(Occurrences, StopAtTheLastDateAndAtTheCap) {
  const EpochSeconds first = *ParseRfc3339("2027-03-20T08:00:00Z");  // 10:00 local
  const auto until = Occurrences(first, {3, false, "2027-03-29", 0}, "Europe/Kyiv");
  ASSERT_EQ(until.size(), 4u);                                    // 20, 23, 26, 29
  EXPECT_EQ(FormatRfc3339Utc(until[3]), "2027-03-29T07:00:00Z");  // after spring-forward
  EXPECT_EQ(Occurrences(first, {1, false, "2030-01-01", 0}, "Europe/Kyiv").size(),
            static_cast<std::size_t>(kMaxOccurrences));
}

TEST(CheckRecurrence, NamesTheField) {
  EXPECT_TRUE(CheckRecurrence({1, true, "", 4}, "2026-11-22").empty());
  EXPECT_EQ(CheckRecurrence({0, true, "", 4}, "2026-11-22")[0].field, "recurrence.every");
  EXPECT_EQ(CheckRecurrence({1, true, "", 1}, "2026-11-22")[0].field, "recurrence.count");
  EXPECT_EQ(CheckRecurrence({1, true, "2026-11-01", 0}, "2026-11-22")[0].code, "before_from");
  EXPECT_EQ(CheckRecurrence({1, true, "2026-13-01", 0}, "2026-11-22")[0].code, "invalid_date");
}

TEST(Shift, MovesItemsAndTheirGaps) {
  std::vector<Item> items = {MakeItem(1, kT, 60)};
  items[0].processing = Span{kT + 600, kT + 1200};
  Shift(items, kHour);
  EXPECT_EQ(items[0].start, kT + kHour);
  EXPECT_EQ(items[0].processing->start, kT + kHour + 600);
}

}  // namespace
}  // namespace kvitka::booking
