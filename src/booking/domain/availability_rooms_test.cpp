// Rooms, and local-time steps across daylight-saving changes.
#include <gtest/gtest.h>

#include <string>

#include "booking/domain/availability.h"
#include "core/time.h"

namespace kvitka::booking {
namespace {

using Starts = std::vector<std::string>;

EpochSeconds At(const std::string& rfc3339) { return ParseRfc3339(rfc3339).value(); }
EpochSeconds T(const std::string& hhmm) { return At("2026-06-01T" + hhmm + ":00Z"); }
Span Hours(const std::string& from, const std::string& to) { return {T(from), T(to)}; }

// Master 1 works 09:00-13:00, booking on the hour; the 60-minute service needs room 10.
AvailabilityRequest WithRoom(int capacity, std::vector<Span> busy, std::vector<Span> closed = {}) {
  AvailabilityRequest request;
  ServiceNeed need;
  need.duration_by_staff = {{1, 60}};
  need.room_ids = {10};
  request.services = {need};
  request.candidates = {{1, {Hours("09:00", "13:00")}, {}, 60}};
  request.rooms = {{10, capacity, std::move(busy), std::move(closed)}};
  request.from = T("00:00");
  request.to = T("23:59");
  request.now = T("00:00");
  return request;
}

Starts Find(const AvailabilityRequest& request, bool full = false) {
  Starts starts;
  for (const Slot& s : FindSlots(request)) {
    const std::string text = FormatRfc3339Utc(s.start);
    starts.push_back(full ? text : text.substr(11, 5));
  }
  return starts;
}

TEST(FindSlotsRooms, CapacityOne) {
  const auto request = WithRoom(1, {Hours("10:00", "11:00")});
  EXPECT_EQ(Find(request), (Starts{"09:00", "11:00", "12:00"}));
  EXPECT_EQ(FindSlots(request)[0].room_ids, std::vector<std::optional<Id>>{10});
}

TEST(FindSlotsRooms, CapacityTwo) {
  EXPECT_EQ(Find(WithRoom(2, {Hours("10:00", "11:00")})),
            (Starts{"09:00", "10:00", "11:00", "12:00"}));
  EXPECT_EQ(Find(WithRoom(2, {Hours("10:00", "11:00"), Hours("10:30", "11:30")})),
            (Starts{"09:00", "11:00", "12:00"}));  // full only 10:30-11:00
  // Two bookings one after the other leave a place all the time.
  EXPECT_EQ(Find(WithRoom(2, {Hours("10:00", "10:30"), Hours("10:30", "11:00")})),
            (Starts{"09:00", "10:00", "11:00", "12:00"}));
  EXPECT_TRUE(FindSlots(WithRoom(0, {})).empty());
}

TEST(FindSlotsRooms, Closure) {
  EXPECT_EQ(Find(WithRoom(2, {}, {Hours("11:30", "12:00")})), (Starts{"09:00", "10:00", "12:00"}));
}

TEST(FindSlotsRooms, AnyOfSeveralRooms) {
  AvailabilityRequest request = WithRoom(1, {Hours("10:00", "11:00")});
  request.services[0].room_ids = {10, 11, 12};
  request.rooms.push_back({11, 1, {Hours("09:00", "11:00")}, {}});
  request.rooms.push_back({12, 1, {}, {}});
  std::vector<std::optional<Id>> rooms;
  for (const Slot& s : FindSlots(request)) rooms.push_back(s.room_ids[0]);
  EXPECT_EQ(rooms, (std::vector<std::optional<Id>>{10, 12, 10, 10}));
}

TEST(FindSlotsRooms, UnknownRoomIsNeverFree) {
  AvailabilityRequest request = WithRoom(1, {});
  request.services[0].room_ids = {99};
  EXPECT_TRUE(FindSlots(request).empty());
}

TEST(FindSlotsRooms, RoomStaysTakenDuringBufferAndProcessing) {
  AvailabilityRequest request = WithRoom(1, {Hours("10:30", "11:00")});
  request.candidates[0].step_minutes = 30;
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:30", "11:00", "11:30", "12:00"}));
  request.services[0].buffer_after = 15;  // 09:30 + 75 minutes reaches 10:45
  EXPECT_EQ(Find(request), (Starts{"09:00", "11:00", "11:30"}));
  request.services[0].buffer_after = 0;
  request.services[0].duration_by_staff = {{1, 90}};
  request.services[0].processing = std::pair{30, 30};
  EXPECT_EQ(Find(request), (Starts{"09:00", "11:00", "11:30"}));  // 10:00: gap 10:30-11:00
}

TEST(FindSlotsRooms, VisitDoesNotDoubleBookItsOwnRoom) {
  AvailabilityRequest request = WithRoom(1, {});
  request.same_master = false;
  request.services[0].buffer_after = 15;
  request.services[0].room_ids = {10, 11};
  ServiceNeed second;
  second.duration_by_staff = {{2, 30}};
  second.room_ids = {10};
  request.services.push_back(second);
  request.candidates.push_back({2, {Hours("09:00", "13:00")}, {}, 15});
  request.rooms.push_back({11, 1, {}, {}});
  // Room 10 is still being cleaned at 10:00, so the first service moves to room 11.
  auto slots = FindSlots(request);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots[0].staff_ids, (std::vector<Id>{1, 2}));
  EXPECT_EQ(slots[0].room_ids, (std::vector<std::optional<Id>>{11, 10}));
  request.rooms[0].capacity = 2;
  slots = FindSlots(request);
  EXPECT_EQ(slots[0].room_ids, (std::vector<std::optional<Id>>{10, 10}));
}

// Europe/Kyiv: +02:00 in winter, +03:00 from 2026-03-29T01:00Z to 2026-10-25T01:00Z.
const std::vector<std::pair<EpochSeconds, int>> kKyiv = {{At("2025-10-26T01:00:00Z"), 120},
                                                         {At("2026-03-29T01:00:00Z"), 180},
                                                         {At("2026-10-25T01:00:00Z"), 120}};

AvailabilityRequest InKyiv(int step, std::vector<Span> working) {
  AvailabilityRequest request;
  ServiceNeed need;
  need.duration_by_staff = {{1, 30}};
  request.services = {need};
  request.candidates = {{1, std::move(working), {}, step}};
  request.from = At("2026-01-01T00:00:00Z");
  request.to = At("2026-12-31T00:00:00Z");
  request.now = request.from;
  request.horizon_days = 365;
  request.utc_offsets = kKyiv;
  return request;
}

TEST(FindSlotsLocalTime, OnTheHourIsLocalOnBothSidesOfSpringForward) {
  // 10:00-11:00 local on Saturday (+02:00) and Sunday (+03:00).
  const auto request = InKyiv(60, {{At("2026-03-28T08:00:00Z"), At("2026-03-28T09:00:00Z")},
                                   {At("2026-03-29T07:00:00Z"), At("2026-03-29T08:00:00Z")}});
  EXPECT_EQ(Find(request, true), (Starts{"2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"}));
}

TEST(FindSlotsLocalTime, SpringForwardDay) {
  // 00:00-07:00 local; 90-minute steps from local midnight, and 03:00 local does not exist.
  const auto request = InKyiv(90, {{At("2026-03-28T22:00:00Z"), At("2026-03-29T04:00:00Z")}});
  EXPECT_EQ(Find(request, true),
            (Starts{"2026-03-28T22:00:00Z", "2026-03-28T23:30:00Z", "2026-03-29T01:30:00Z",
                    "2026-03-29T03:00:00Z"}));  // 00:00, 01:30, 04:30, 06:00 local
}

TEST(FindSlotsLocalTime, FallBackDay) {
  // 02:00-06:00 local; 03:00 happens twice (+03:00, then +02:00).
  const auto request = InKyiv(90, {{At("2026-10-24T23:00:00Z"), At("2026-10-25T04:00:00Z")}});
  EXPECT_EQ(Find(request, true),
            (Starts{"2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:30:00Z"}));
  // 10:00-11:00 local on Saturday (+03:00) and Sunday (+02:00).
  const auto hourly = InKyiv(60, {{At("2026-10-24T07:00:00Z"), At("2026-10-24T08:00:00Z")},
                                  {At("2026-10-25T08:00:00Z"), At("2026-10-25T09:00:00Z")}});
  EXPECT_EQ(Find(hourly, true), (Starts{"2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z"}));
}

TEST(FindSlotsLocalTime, HalfHourOffsetAlignsOnTheLocalHour) {
  AvailabilityRequest request = InKyiv(60, {{T("03:00"), T("06:00")}});
  request.utc_offsets = {{0, 330}};                               // +05:30
  EXPECT_EQ(Find(request), (Starts{"03:30", "04:30", "05:30"}));  // 09:00, 10:00, 11:00
}

}  // namespace
}  // namespace kvitka::booking
