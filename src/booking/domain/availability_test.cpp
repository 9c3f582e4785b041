#include "booking/domain/availability.h"

#include <gtest/gtest.h>

#include <string>

#include "core/time.h"

namespace kvitka::booking {
namespace {

using Starts = std::vector<std::string>;

// An instant on the test day, Monday 2026-06-01, in UTC (no offsets unless a test sets them).
EpochSeconds T(const std::string& hhmm) {
  return ParseRfc3339("2026-06-01T" + hhmm + ":00Z").value();
}

Span Hours(const std::string& from, const std::string& to) { return {T(from), T(to)}; }

Busy Booked(const std::string& from, const std::string& to) { return {Hours(from, to), {}}; }

ServiceNeed Service(int minutes, std::vector<Id> staff = {1}) {
  ServiceNeed need;
  need.service_id = 100;
  for (Id id : staff) need.duration_by_staff.emplace_back(id, minutes);
  return need;
}

Candidate Master(Id id, std::vector<Span> working, std::vector<Busy> busy = {}, int step = 15) {
  return {id, std::move(working), std::move(busy), step};
}

// One service of `minutes` with master 1 working 09:00-13:00, searched over the test day.
AvailabilityRequest Day(int minutes, int step = 60) {
  AvailabilityRequest request;
  request.services = {Service(minutes)};
  request.candidates = {Master(1, {Hours("09:00", "13:00")}, {}, step)};
  request.from = T("00:00");
  request.to = T("00:00") + 86400;
  request.now = T("00:00") - 86400;
  return request;
}

// "HH:MM" in UTC of every slot's start.
Starts StartsOf(const std::vector<Slot>& slots) {
  Starts starts;
  for (const Slot& s : slots) starts.push_back(FormatRfc3339Utc(s.start).substr(11, 5));
  return starts;
}

Starts Find(const AvailabilityRequest& request) { return StartsOf(FindSlots(request)); }

TEST(FindSlots, WholeWorkingIntervalOnTheStep) {
  const auto slots = FindSlots(Day(60));
  EXPECT_EQ(StartsOf(slots), (Starts{"09:00", "10:00", "11:00", "12:00"}));
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots[0].staff_ids, std::vector<Id>{1});
  EXPECT_EQ(slots[0].room_ids, std::vector<std::optional<Id>>{std::nullopt});
}

TEST(FindSlots, EmptyInputsGiveNothing) {
  AvailabilityRequest request = Day(60);
  request.services.clear();
  EXPECT_TRUE(FindSlots(request).empty());
  request = Day(60);
  request.candidates.clear();
  EXPECT_TRUE(FindSlots(request).empty());
  request = Day(60);
  request.candidates[0].working.clear();
  EXPECT_TRUE(FindSlots(request).empty());
  request = Day(60);
  request.to = request.from;
  EXPECT_TRUE(FindSlots(request).empty());
  EXPECT_TRUE(FindSlots(AvailabilityRequest{}).empty());
}

TEST(FindSlots, BreakSplitsTheDay) {
  AvailabilityRequest request = Day(60, 30);
  request.candidates[0].working = {Hours("09:00", "11:00"), Hours("12:00", "14:00")};
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:30", "10:00", "12:00", "12:30", "13:00"}));
}

TEST(FindSlots, AdjacentWorkingIntervalsJoin) {
  AvailabilityRequest request = Day(60, 30);
  request.candidates[0].working = {Hours("09:00", "10:30"), Hours("10:30", "11:00")};
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:30", "10:00"}));
}

TEST(FindSlots, BusySpansAreSkippedInAnyOrder) {
  AvailabilityRequest request = Day(60, 30);
  request.candidates[0].busy = {Booked("12:00", "12:30"), Booked("10:00", "11:00")};
  EXPECT_EQ(Find(request), (Starts{"09:00", "11:00"}));
}

TEST(FindSlots, BufferMustEndBeforeTheNextAppointment) {
  AvailabilityRequest request = Day(45, 15);
  request.services[0].buffer_after = 15;
  request.candidates[0].busy = {Booked("11:00", "13:00")};
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:15", "09:30", "09:45", "10:00"}));
}

TEST(FindSlots, BufferMustFitInWorkingHours) {
  AvailabilityRequest request = Day(45, 15);
  request.services[0].buffer_after = 15;
  request.from = T("11:30");
  EXPECT_EQ(Find(request), (Starts{"11:30", "11:45", "12:00"}));  // 12:15 ends 13:00, buffer past
}

// Another client's colouring from 10:00 to 12:00 leaves the master free 10:30-11:30.
AvailabilityRequest DuringProcessing(int minutes) {
  AvailabilityRequest request = Day(minutes, 15);
  request.candidates[0].working = {Hours("10:00", "12:00")};
  request.candidates[0].busy = {{Hours("10:00", "12:00"), Hours("10:30", "11:30")}};
  return request;
}

TEST(FindSlots, ShortServiceFitsInAnotherClientsProcessingGap) {
  EXPECT_EQ(Find(DuringProcessing(30)), (Starts{"10:30", "10:45", "11:00"}));
  AvailabilityRequest with_buffer = DuringProcessing(30);
  with_buffer.services[0].buffer_after = 15;
  EXPECT_EQ(Find(with_buffer), (Starts{"10:30", "10:45"}));
}

TEST(FindSlots, LongServiceDoesNotFitInAProcessingGap) {
  EXPECT_TRUE(FindSlots(DuringProcessing(75)).empty());
}

TEST(FindSlots, OwnProcessingGapTakesAnotherClient) {
  AvailabilityRequest request = Day(120, 15);
  request.services[0].processing = std::pair{30, 60};  // free 30..90 minutes after the start
  request.candidates[0].busy = {Booked("10:45", "11:15")};
  EXPECT_EQ(Find(request), (Starts{"09:45", "10:00", "10:15"}));
  request.candidates[0].busy = {Booked("10:45", "11:45")};  // exactly the gap
  EXPECT_EQ(Find(request), (Starts{"10:15"}));
  request.candidates[0].busy = {Booked("10:45", "12:00")};  // longer than the gap
  EXPECT_EQ(Find(request), (Starts{}));
}

TEST(FindSlots, StepOnTheHourOrEveryQuarter) {
  AvailabilityRequest request = Day(60, 15);
  request.candidates[0].working = {Hours("09:10", "11:00")};
  EXPECT_EQ(Find(request), (Starts{"09:15", "09:30", "09:45", "10:00"}));
  request.candidates[0].step_minutes = 60;
  EXPECT_EQ(Find(request), (Starts{"10:00"}));
}

TEST(FindSlots, StepCountsFromMidnight) {
  AvailabilityRequest request = Day(30, 25);
  request.candidates[0].working = {Hours("09:00", "11:00")};
  // 25-minute steps from 00:00: ..., 08:45, 09:10, 09:35, 10:00, 10:25, 10:50.
  EXPECT_EQ(Find(request), (Starts{"09:10", "09:35", "10:00", "10:25"}));
}

TEST(FindSlots, LeadTime) {
  AvailabilityRequest request = Day(60, 30);
  request.now = T("08:50");
  request.lead_minutes = 70;
  EXPECT_EQ(Find(request), (Starts{"10:00", "10:30", "11:00", "11:30", "12:00"}));
  request.lead_minutes = 0;
  request.now = T("10:30");
  EXPECT_EQ(Find(request)[0], "10:30");  // a start exactly at now + lead counts
}

TEST(FindSlots, Horizon) {
  AvailabilityRequest request = Day(60, 30);
  request.now = T("10:00") - 86400;
  request.horizon_days = 1;
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:30", "10:00"}));
  request.horizon_days = 0;
  EXPECT_TRUE(FindSlots(request).empty());
}

TEST(FindSlots, WindowIncludesFromExcludesTo) {
  AvailabilityRequest request = Day(60, 30);
  request.from = T("09:30");
  request.to = T("11:00");
  EXPECT_EQ(Find(request), (Starts{"09:30", "10:00", "10:30"}));
}

TEST(FindSlots, MasterWhoCannotDoTheServiceIsSkipped) {
  AvailabilityRequest request = Day(60);
  request.candidates.push_back(Master(2, {Hours("09:00", "11:00")}, {}, 60));
  const auto slots = FindSlots(request);
  ASSERT_EQ(slots.size(), 4u);
  for (const Slot& s : slots) EXPECT_EQ(s.staff_ids, std::vector<Id>{1});
  request.services[0].duration_by_staff = {};
  EXPECT_TRUE(FindSlots(request).empty());
}

TEST(FindSlots, MastersOwnDurationAndOrderByStartThenMaster) {
  AvailabilityRequest request = Day(60);
  request.candidates.insert(request.candidates.begin(),
                            Master(7, {Hours("10:00", "12:00")}, {}, 60));
  request.services[0].duration_by_staff = {{7, 90}, {1, 60}};
  std::vector<std::pair<std::string, Id>> got;
  for (const Slot& s : FindSlots(request)) {
    got.emplace_back(FormatRfc3339Utc(s.start).substr(11, 5), s.staff_ids[0]);
  }
  const std::vector<std::pair<std::string, Id>> want = {
      {"09:00", 1}, {"10:00", 1}, {"10:00", 7}, {"11:00", 1}, {"12:00", 1}};
  EXPECT_EQ(got, want);
}

TEST(FindSlots, SameMasterDoesTheVisitBackToBackAfterTheBuffer) {
  AvailabilityRequest request = Day(60, 30);
  request.services[0].buffer_after = 15;
  request.services.push_back(Service(45));
  // 60 + 15 buffer + 45: a 10:00 start has the second service at 11:15-12:00.
  request.candidates[0].busy = {Booked("12:15", "13:00")};
  EXPECT_EQ(Find(request), (Starts{"09:00", "09:30", "10:00"}));
  const auto slots = FindSlots(request);
  EXPECT_EQ(slots[0].staff_ids, (std::vector<Id>{1, 1}));
}

TEST(FindSlots, SameMasterMustDoEveryService) {
  AvailabilityRequest request = Day(60);
  request.candidates.push_back(Master(2, {Hours("09:00", "13:00")}, {}, 60));
  request.services.push_back(Service(30, {2}));
  EXPECT_TRUE(FindSlots(request).empty());
}

TEST(FindSlots, DifferentMastersStartRightAtThePreviousEnd) {
  AvailabilityRequest request = Day(60, 60);
  request.same_master = false;
  request.services[0].buffer_after = 15;  // master 1 cleans up while master 2 starts
  request.services.push_back(Service(60, {2, 3}));
  request.candidates.push_back(Master(2, {Hours("09:00", "13:00")}, {Booked("11:00", "12:00")}));
  request.candidates.push_back(Master(3, {Hours("11:00", "13:00")}));
  const auto slots = FindSlots(request);
  ASSERT_EQ(StartsOf(slots), (Starts{"09:00", "10:00", "11:00"}));
  EXPECT_EQ(slots[0].staff_ids, (std::vector<Id>{1, 2}));  // master 2 at 10:00
  EXPECT_EQ(slots[1].staff_ids, (std::vector<Id>{1, 3}));  // master 2 busy at 11:00
  EXPECT_EQ(slots[2].staff_ids, (std::vector<Id>{1, 2}));  // first in candidate order
}

TEST(FindSlots, DifferentMastersMayRepeatOneAfterTheBuffer) {
  AvailabilityRequest request = Day(60, 60);
  request.same_master = false;
  request.services[0].buffer_after = 30;
  request.services.push_back(Service(30));
  request.candidates[0].working = {Hours("09:00", "11:00")};
  // The same master takes the second service after cleaning: 09:00-10:00, 10:30-11:00.
  const auto slots = FindSlots(request);
  ASSERT_EQ(StartsOf(slots), (Starts{"09:00"}));
  EXPECT_EQ(slots[0].staff_ids, (std::vector<Id>{1, 1}));
}

TEST(FindSlots, DeadEndOfOneFirstMasterIsNotOneOfAnother) {
  AvailabilityRequest request = Day(60, 60);
  request.same_master = false;
  request.services[0].duration_by_staff = {{1, 60}, {2, 60}};
  request.services[0].buffer_after = 15;
  request.services.push_back(Service(30, {1, 2}));
  request.candidates[0].busy = {Booked("10:30", "11:00")};
  request.candidates.push_back(Master(2, {Hours("09:00", "13:00")}, {Booked("10:15", "10:45")}));
  // From 09:00 with master 1 nobody can take the second service at 10:00 (master 1 is cleaning
  // until 10:15, then busy); with master 2 first, master 1 takes it at 10:00.
  const auto slots = FindSlots(request);
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots[0].start, T("09:00"));
  EXPECT_EQ(slots[0].staff_ids, (std::vector<Id>{2, 1}));
  EXPECT_TRUE(slots.size() == 1 || slots[1].start > T("09:00"));
}

TEST(FindSlots, ManyServicesWithAnyMasterStayFastWhenTheLastCannotFit) {
  AvailabilityRequest request = Day(60, 15);
  request.same_master = false;
  request.to = request.from + 31 * 86400;
  request.candidates.clear();
  for (Id id = 1; id <= 20; ++id) {
    Candidate c = Master(id, {});
    for (int d = 0; d < 31; ++d)
      c.working.push_back({T("09:00") + d * 86400, T("21:00") + d * 86400});
    request.candidates.push_back(c);
  }
  std::vector<Id> all(20);
  for (Id id = 1; id <= 20; ++id) all[id - 1] = id;
  request.services = {Service(60, all), Service(60, all), Service(60, all), Service(60, all)};
  request.services[1].buffer_after = 10;
  request.services[3].room_ids = {1};
  request.rooms = {{1, 1, {}, {{request.from, request.to}}}};
  EXPECT_TRUE(FindSlots(request).empty());  // 20^3 combinations per start without memory
}

TEST(FindSlots, RepeatedCandidateCountsOnce) {
  AvailabilityRequest request = Day(60);
  request.candidates.push_back(Master(1, {Hours("15:00", "16:00")}, {}, 60));
  EXPECT_EQ(Find(request), (Starts{"09:00", "10:00", "11:00", "12:00"}));
}

}  // namespace
}  // namespace kvitka::booking
