#include <gtest/gtest.h>

#include "staff/domain/schedule.h"

namespace kvitka::staff {
namespace {

constexpr DayInterval Hours(int from, int to) { return {from * 60, to * 60}; }

SchedulePattern Weekly(const char* from, const char* until = "") {
  SchedulePattern p;
  p.kind = PatternKind::kWeekly;
  p.valid_from = from;
  p.valid_until = until;
  p.weekdays.assign(7, {Hours(9, 13), Hours(14, 18)});
  p.weekdays[6].clear();
  return p;
}

SchedulePattern Cycle(const char* from, std::size_t days) {
  SchedulePattern p;
  p.kind = PatternKind::kCycle;
  p.valid_from = from;
  p.cycle.assign(days, {Hours(10, 20)});
  return p;
}

std::vector<std::string> Problems(const std::vector<ScheduleProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.field + ":" + p.code);
  return out;
}

using Strings = std::vector<std::string>;

TEST(CheckSchedule, AcceptsAWellFormedSchedule) {
  WorkSchedule schedule{{Weekly("2026-01-01"), Cycle("2026-06-01", 60)}, {}};
  SchedulePattern nights;
  nights.kind = PatternKind::kEvenDates;
  nights.valid_from = "2026-09-01";
  nights.valid_until = "2026-09-30";
  nights.day = {{0, 120}, {22 * 60, 46 * 60}};  // a 24-hour shift is the longest
  schedule.patterns.push_back(nights);
  schedule.exceptions = {{"2026-12-31", {Hours(9, 13), Hours(13, 15)}}, {"2027-01-01", {}}};
  EXPECT_TRUE(CheckSchedule(schedule).empty());
  EXPECT_TRUE(CheckSchedule({}).empty());
}

TEST(CheckSchedule, NamesBadIntervals) {
  SchedulePattern p = Weekly("2026-01-01");
  p.weekdays[2] = {{600, 600}, {-10, 60}, {1000, 2881}, {100, 1600}, {1200, 1100}};
  p.weekdays[4] = {Hours(9, 13), Hours(12, 18), Hours(8, 10)};
  EXPECT_EQ(Problems(CheckSchedule({{p}, {}})),
            (Strings{"patterns[0].weekdays[2][0]:invalid_interval",
                     "patterns[0].weekdays[2][1]:invalid_interval",
                     "patterns[0].weekdays[2][2]:invalid_interval",
                     "patterns[0].weekdays[2][3]:invalid_interval",
                     "patterns[0].weekdays[2][4]:invalid_interval",
                     "patterns[0].weekdays[4][1]:overlapping_intervals",
                     "patterns[0].weekdays[4][2]:overlapping_intervals"}));
}

TEST(CheckSchedule, WeeklyNeedsSevenDaysAndCyclesOneToSixty) {
  SchedulePattern six = Weekly("2026-01-01");
  six.weekdays.pop_back();
  EXPECT_EQ(
      Problems(CheckSchedule(
          {{six, Cycle("2026-02-01", 0), Cycle("2026-03-01", 61), Cycle("2026-04-01", 1)}, {}})),
      (Strings{"patterns[0].weekdays:invalid_value", "patterns[1].cycle:invalid_value",
               "patterns[2].cycle:invalid_value"}));
  SchedulePattern cycle = Cycle("2026-02-01", 2);
  cycle.cycle[1] = {Hours(20, 10)};
  SchedulePattern every;
  every.kind = PatternKind::kEveryDay;
  every.valid_from = "2026-03-01";
  every.day = {Hours(9, 21), {600, 500}};
  EXPECT_EQ(
      Problems(CheckSchedule({{cycle, every}, {}})),
      (Strings{"patterns[0].cycle[1][0]:invalid_interval", "patterns[1].day[1]:invalid_interval"}));
}

TEST(CheckSchedule, DatesMustBeRealAndInOrder) {
  EXPECT_EQ(
      Problems(CheckSchedule({{Weekly("2026-02-30"), Weekly("2026-03-01", "2026-02-28"),
                               Weekly("2026-04-01", "someday"), Weekly("")},
                              {}})),
      (Strings{"patterns[0].valid_from:invalid_date", "patterns[1].valid_until:invalid_date",
               "patterns[2].valid_until:invalid_date", "patterns[3].valid_from:invalid_date"}));
  EXPECT_TRUE(CheckSchedule({{Weekly("2026-03-01", "2026-03-01")}, {}}).empty());
}

TEST(CheckSchedule, TwoPatternsCannotStartTheSameDay) {
  EXPECT_EQ(Problems(CheckSchedule(
                {{Weekly("2026-01-01"), Cycle("2026-06-01", 4), Cycle("2026-01-01", 4)}, {}})),
            (Strings{"patterns[2].valid_from:invalid_value"}));
}

TEST(CheckSchedule, ExceptionsNeedDistinctRealDatesAndGoodPlans) {
  WorkSchedule schedule{{Weekly("2026-01-01")}, {}};
  schedule.exceptions = {{"2026-11-24", {Hours(12, 16)}},
                         {"2026-13-01", {}},
                         {"2026-11-24", {}},
                         {"2026-11-25", {Hours(9, 12), Hours(11, 14)}}};
  EXPECT_EQ(Problems(CheckSchedule(schedule)),
            (Strings{"exceptions[1].date:invalid_date", "exceptions[2].date:invalid_value",
                     "exceptions[3].intervals[1]:overlapping_intervals"}));
}

TEST(CheckAbsence, RealDatesInOrderAndAtMostAYear) {
  Absence a;
  a.from = "2026-01-01";
  a.to = "2027-01-01";  // 366 days
  EXPECT_TRUE(CheckAbsence(a).empty());
  a.to = "2026-01-01";
  EXPECT_TRUE(CheckAbsence(a).empty());
  a.to = "2027-01-02";
  EXPECT_EQ(Problems(CheckAbsence(a)), (Strings{"to:out_of_range"}));
  a.to = "2025-12-31";
  EXPECT_EQ(Problems(CheckAbsence(a)), (Strings{"to:invalid_date"}));
  a.from = "2026-02-29";
  a.to = "";
  EXPECT_EQ(Problems(CheckAbsence(a)), (Strings{"from:invalid_date", "to:invalid_date"}));
}

TEST(PlanOf, ExceptionThenLatestPatternThenNothing) {
  WorkSchedule schedule{{Weekly("2026-01-01", "2026-05-31"), Cycle("2026-06-10", 2)}, {}};
  schedule.exceptions = {{"2026-03-03", {Hours(12, 16)}}, {"2026-06-05", {Hours(10, 11)}}};
  EXPECT_EQ(PlanOf(schedule, "2026-03-02"), (DayPlan{Hours(9, 13), Hours(14, 18)}));  // Monday
  EXPECT_EQ(PlanOf(schedule, "2026-03-01"), DayPlan{});                               // Sunday
  EXPECT_EQ(PlanOf(schedule, "2026-03-03"), (DayPlan{Hours(12, 16)}));
  EXPECT_EQ(PlanOf(schedule, "2026-06-05"), (DayPlan{Hours(10, 11)}));  // in the gap
  EXPECT_EQ(PlanOf(schedule, "2026-06-04"), std::nullopt);              // the gap
  EXPECT_EQ(PlanOf(schedule, "2025-12-31"), std::nullopt);              // before any pattern
  EXPECT_EQ(PlanOf(schedule, "2026-06-11"), (DayPlan{Hours(10, 20)}));
  EXPECT_EQ(PlanOf(schedule, "2026-06-31"), std::nullopt);  // not a date
}

TEST(PlanOf, EvenOddAndCycleDays) {
  SchedulePattern odd;
  odd.kind = PatternKind::kOddDates;
  odd.valid_from = "2026-01-01";
  odd.day = {Hours(9, 21)};
  SchedulePattern cycle = Cycle("2026-02-01", 3);
  cycle.cycle[2].clear();
  const WorkSchedule schedule{{odd, cycle}, {}};
  EXPECT_EQ(PlanOf(schedule, "2026-01-31"), odd.day);
  EXPECT_EQ(PlanOf(schedule, "2026-01-30"), DayPlan{});
  EXPECT_EQ(PlanOf(schedule, "2026-02-03"), DayPlan{});
  EXPECT_EQ(PlanOf(schedule, "2026-02-04"), (DayPlan{Hours(10, 20)}));
}

}  // namespace
}  // namespace kvitka::staff
