#include <date/tz.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "core/time.h"
#include "staff/domain/schedule.h"

namespace kvitka::staff {
namespace {

constexpr const char* kKyiv = "Europe/Kyiv";

EpochSeconds At(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

WorkInterval Work(const char* start, const char* end) { return {At(start), At(end)}; }

constexpr DayInterval Hours(int from, int to) { return {from * 60, to * 60}; }

SchedulePattern EveryDay(const char* from, DayPlan day, const char* until = "") {
  SchedulePattern p;
  p.kind = PatternKind::kEveryDay;
  p.valid_from = from;
  p.valid_until = until;
  p.day = std::move(day);
  return p;
}

// Monday to Friday 09:00-18:00 with lunch 13:00-14:00, Saturday 10:00-15:00, Sunday off.
SchedulePattern SalonWeek(const char* from) {
  SchedulePattern p;
  p.kind = PatternKind::kWeekly;
  p.valid_from = from;
  const DayPlan weekday = {Hours(9, 13), Hours(14, 18)};
  p.weekdays = {weekday, weekday, weekday, weekday, weekday, {Hours(10, 15)}, {}};
  return p;
}

std::vector<WorkInterval> Expand(const WorkSchedule& schedule, const char* from, const char* to,
                                 const std::vector<Absence>& absences = {},
                                 const std::vector<std::string>& closed = {},
                                 const char* zone = kKyiv) {
  return ExpandSchedule(schedule, absences, closed, from, to, zone);
}

Absence Away(const char* from, const char* to) {
  Absence a;
  a.from = from;
  a.to = to;
  return a;
}

TEST(ExpandSchedule, WeeklyPatternStartsOnMondayWithABreak) {
  const WorkSchedule schedule{{SalonWeek("2026-01-01")}, {}};
  const auto work = Expand(schedule, "2026-11-23", "2026-11-29");  // Monday .. Sunday
  ASSERT_EQ(work.size(), 11u);
  EXPECT_EQ(work[0], Work("2026-11-23T07:00:00Z", "2026-11-23T11:00:00Z"));
  EXPECT_EQ(work[1], Work("2026-11-23T12:00:00Z", "2026-11-23T16:00:00Z"));
  EXPECT_EQ(work[9], Work("2026-11-27T12:00:00Z", "2026-11-27T16:00:00Z"));   // Friday
  EXPECT_EQ(work[10], Work("2026-11-28T08:00:00Z", "2026-11-28T13:00:00Z"));  // Saturday
}

TEST(ExpandSchedule, NineInKyivIsSevenUtcInWinterAndSixInSummer) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 10)})}, {}};
  EXPECT_EQ(Expand(schedule, "2026-01-15", "2026-01-15"),
            (std::vector{Work("2026-01-15T07:00:00Z", "2026-01-15T08:00:00Z")}));
  EXPECT_EQ(Expand(schedule, "2026-07-15", "2026-07-15"),
            (std::vector{Work("2026-07-15T06:00:00Z", "2026-07-15T07:00:00Z")}));
}

TEST(ExpandSchedule, CycleCountsFromValidFromNotFromTheRange) {
  SchedulePattern two_by_two;
  two_by_two.kind = PatternKind::kCycle;
  two_by_two.valid_from = "2026-11-01";
  two_by_two.cycle = {{Hours(10, 20)}, {Hours(10, 20)}, {}, {}};
  const WorkSchedule schedule{{two_by_two}, {}};
  const auto work = Expand(schedule, "2026-10-30", "2026-11-08");
  ASSERT_EQ(work.size(), 4u);
  EXPECT_EQ(work[0].start, At("2026-11-01T08:00:00Z"));
  EXPECT_EQ(work[1].start, At("2026-11-02T08:00:00Z"));
  EXPECT_EQ(work[2].start, At("2026-11-05T08:00:00Z"));
  EXPECT_EQ(work[3].start, At("2026-11-06T08:00:00Z"));
  EXPECT_EQ(Expand(schedule, "2026-11-03", "2026-11-05"),
            (std::vector{Work("2026-11-05T08:00:00Z", "2026-11-05T18:00:00Z")}));
}

TEST(ExpandSchedule, EvenAndOddDatesFollowTheDayOfTheMonth) {
  SchedulePattern even = EveryDay("2026-01-01", {Hours(9, 12)});
  even.kind = PatternKind::kEvenDates;
  SchedulePattern odd = even;
  odd.kind = PatternKind::kOddDates;
  const auto starts = [](const std::vector<WorkInterval>& work) {
    std::vector<std::string> out;
    for (const auto& w : work) out.push_back(CivilDate(w.start, kKyiv));
    return out;
  };
  // 30 and 31 January, then 1 and 2 February: two odd dates in a row.
  EXPECT_EQ(starts(Expand({{even}, {}}, "2026-01-30", "2026-02-02")),
            (std::vector<std::string>{"2026-01-30", "2026-02-02"}));
  EXPECT_EQ(starts(Expand({{odd}, {}}, "2026-01-30", "2026-02-02")),
            (std::vector<std::string>{"2026-01-31", "2026-02-01"}));
  EXPECT_EQ(starts(Expand({{even}, {}}, "2028-02-28", "2028-03-02")),
            (std::vector<std::string>{"2028-02-28", "2028-03-02"}));  // 29 Feb is odd
}

TEST(ExpandSchedule, SummerHoursFollowFromTheFirstOfJune) {
  // Given out of order: the latest valid_from on or before a date wins.
  const WorkSchedule schedule{
      {EveryDay("2026-06-01", {Hours(8, 20)}), EveryDay("2026-01-01", {Hours(9, 18)})}, {}};
  EXPECT_EQ(Expand(schedule, "2026-05-31", "2026-06-01"),
            (std::vector{Work("2026-05-31T06:00:00Z", "2026-05-31T15:00:00Z"),
                         Work("2026-06-01T05:00:00Z", "2026-06-01T17:00:00Z")}));
  EXPECT_TRUE(Expand(schedule, "2025-12-30", "2025-12-31").empty());  // before any pattern
}

TEST(ExpandSchedule, ValidUntilLeavesAGapUntilTheNextPattern) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)}, "2026-01-10"),
                               EveryDay("2026-01-15", {Hours(10, 19)})},
                              {}};
  std::vector<std::string> dates;
  for (const auto& w : Expand(schedule, "2026-01-09", "2026-01-16")) {
    dates.push_back(CivilDate(w.start, kKyiv));
  }
  EXPECT_EQ(dates,
            (std::vector<std::string>{"2026-01-09", "2026-01-10", "2026-01-15", "2026-01-16"}));
}

TEST(ExpandSchedule, AnExpiredLatestPatternDoesNotReviveTheOlderOne) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)}),
                               EveryDay("2026-02-01", {Hours(10, 14)}, "2026-02-28")},
                              {}};
  EXPECT_EQ(Expand(schedule, "2026-02-28", "2026-03-02").size(), 1u);
}

TEST(ExpandSchedule, ExceptionsReplaceTheWholeDay) {
  WorkSchedule schedule{{SalonWeek("2026-01-01")}, {}};
  schedule.exceptions = {{"2026-11-24", {Hours(12, 16)}},   // a shorter Tuesday
                         {"2026-11-25", {}},                // Wednesday off
                         {"2026-11-29", {Hours(10, 14)}}};  // working Sunday
  const auto work = Expand(schedule, "2026-11-24", "2026-11-29");
  ASSERT_EQ(work.size(), 7u);
  EXPECT_EQ(work[0], Work("2026-11-24T10:00:00Z", "2026-11-24T14:00:00Z"));
  EXPECT_EQ(work[1].start, At("2026-11-26T07:00:00Z"));
  EXPECT_EQ(work[6], Work("2026-11-29T08:00:00Z", "2026-11-29T12:00:00Z"));
}

TEST(ExpandSchedule, ExceptionWorksOnADateNoPatternCovers) {
  const WorkSchedule schedule{{}, {{"2026-11-24", {Hours(12, 16)}}}};
  EXPECT_EQ(Expand(schedule, "2026-11-20", "2026-11-30"),
            (std::vector{Work("2026-11-24T10:00:00Z", "2026-11-24T14:00:00Z")}));
}

TEST(ExpandSchedule, AbsencesRemoveWholeDatesAlsoAcrossTheRangeEdges) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)})}, {}};
  const auto work = Expand(schedule, "2026-11-02", "2026-11-30",
                           {Away("2026-11-10", "2026-11-20"), Away("2026-10-25", "2026-11-03"),
                            Away("2026-11-28", "2026-12-05"), Away("2026-11-15", "2026-11-21")});
  std::vector<std::string> dates;
  for (const auto& w : work) dates.push_back(CivilDate(w.start, kKyiv));
  EXPECT_EQ(dates.size(), 12u);  // 4..9 and 22..27 November
  EXPECT_EQ(dates.front(), "2026-11-04");
  EXPECT_EQ(dates[5], "2026-11-09");
  EXPECT_EQ(dates[6], "2026-11-22");
  EXPECT_EQ(dates.back(), "2026-11-27");
}

TEST(ExpandSchedule, ClosedDatesAreNotWorked) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)})}, {}};
  const auto work = Expand(schedule, "2026-12-30", "2027-01-02", {}, {"2026-12-31", "2027-01-01"});
  ASSERT_EQ(work.size(), 2u);
  EXPECT_EQ(CivilDate(work[0].start, kKyiv), "2026-12-30");
  EXPECT_EQ(CivilDate(work[1].start, kKyiv), "2027-01-02");
}

TEST(ExpandSchedule, AbsenceWinsOverAnException) {
  WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)})}, {}};
  schedule.exceptions = {{"2026-11-12", {Hours(8, 22)}}};
  EXPECT_TRUE(
      Expand(schedule, "2026-11-10", "2026-11-15", {Away("2026-11-10", "2026-11-15")}).empty());
  EXPECT_TRUE(Expand(schedule, "2026-11-12", "2026-11-12", {}, {"2026-11-12"}).empty());
}

TEST(ExpandSchedule, NightShiftBelongsToTheDayItStarts) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {{22 * 60, 26 * 60}})}, {}};
  EXPECT_EQ(Expand(schedule, "2026-11-02", "2026-11-03"),
            (std::vector{Work("2026-11-02T20:00:00Z", "2026-11-03T00:00:00Z"),
                         Work("2026-11-03T20:00:00Z", "2026-11-04T00:00:00Z")}));
  // Off on the 3rd: the shift that began on the 2nd still runs to 02:00 of the 3rd.
  EXPECT_EQ(Expand(schedule, "2026-11-02", "2026-11-03", {Away("2026-11-03", "2026-11-03")}),
            (std::vector{Work("2026-11-02T20:00:00Z", "2026-11-03T00:00:00Z")}));
}

TEST(ExpandSchedule, NightShiftAcrossBothDaylightSavingChanges) {
  const WorkSchedule until_two{{EveryDay("2026-01-01", {{22 * 60, 26 * 60}})}, {}};
  EXPECT_EQ(Expand(until_two, "2026-03-28", "2026-03-29"),
            (std::vector{Work("2026-03-28T20:00:00Z", "2026-03-29T00:00:00Z"),
                         Work("2026-03-29T19:00:00Z", "2026-03-29T23:00:00Z")}));
  EXPECT_EQ(Expand(until_two, "2026-10-24", "2026-10-25"),
            (std::vector{Work("2026-10-24T19:00:00Z", "2026-10-24T23:00:00Z"),
                         Work("2026-10-25T20:00:00Z", "2026-10-26T00:00:00Z")}));
  // 22:00-06:00 over the change: 7 hours in spring, 9 in autumn.
  const WorkSchedule until_six{{EveryDay("2026-01-01", {{22 * 60, 30 * 60}})}, {}};
  EXPECT_EQ(Expand(until_six, "2026-03-28", "2026-03-28"),
            (std::vector{Work("2026-03-28T20:00:00Z", "2026-03-29T03:00:00Z")}));
  EXPECT_EQ(Expand(until_six, "2026-10-24", "2026-10-24"),
            (std::vector{Work("2026-10-24T19:00:00Z", "2026-10-25T04:00:00Z")}));
}

TEST(ExpandSchedule, SpringForwardIn2026) {
  // 29 March 2026: 03:00 EET becomes 04:00 EEST (01:00Z).
  const auto on_29_march = [](DayPlan plan) {
    return Expand({{EveryDay("2026-01-01", std::move(plan))}, {}}, "2026-03-29", "2026-03-29");
  };
  EXPECT_EQ(on_29_march({Hours(9, 18)}),  // after the change: still 9 hours
            (std::vector{Work("2026-03-29T06:00:00Z", "2026-03-29T15:00:00Z")}));
  EXPECT_EQ(on_29_march({{150, 300}}),  // 02:30-05:00 loses an hour
            (std::vector{Work("2026-03-29T00:30:00Z", "2026-03-29T02:00:00Z")}));
  EXPECT_EQ(on_29_march({{210, 360}}),  // 03:30 does not exist: starts at the gap's end
            (std::vector{Work("2026-03-29T01:00:00Z", "2026-03-29T03:00:00Z")}));
  EXPECT_TRUE(on_29_march({Hours(3, 4)}).empty());  // entirely inside the gap
}

TEST(ExpandSchedule, FallBackIn2026) {
  // 25 October 2026: 04:00 EEST becomes 03:00 EET (01:00Z); 03:00-04:00 happens twice.
  const auto on_25_october = [](DayPlan plan) {
    return Expand({{EveryDay("2026-01-01", std::move(plan))}, {}}, "2026-10-25", "2026-10-25");
  };
  EXPECT_EQ(on_25_october({Hours(0, 8)}),  // 9 hours long
            (std::vector{Work("2026-10-24T21:00:00Z", "2026-10-25T06:00:00Z")}));
  EXPECT_EQ(on_25_october({{210, 300}}),  // starts at the earlier 03:30
            (std::vector{Work("2026-10-25T00:30:00Z", "2026-10-25T03:00:00Z")}));
  EXPECT_EQ(on_25_october({{60, 210}}),  // ends at the later 03:30
            (std::vector{Work("2026-10-24T22:00:00Z", "2026-10-25T01:30:00Z")}));
}

TEST(ExpandSchedule, TouchingAndOverlappingIntervalsMerge) {
  WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 13), Hours(13, 18)})}, {}};
  EXPECT_EQ(Expand(schedule, "2026-11-02", "2026-11-02"),
            (std::vector{Work("2026-11-02T07:00:00Z", "2026-11-02T16:00:00Z")}));
  // A night shift that runs into the next day's early hours.
  schedule.exceptions = {{"2026-11-02", {{20 * 60, 27 * 60}}}, {"2026-11-03", {Hours(1, 5)}}};
  EXPECT_EQ(Expand(schedule, "2026-11-02", "2026-11-03"),
            (std::vector{Work("2026-11-02T18:00:00Z", "2026-11-03T03:00:00Z")}));
}

TEST(ExpandSchedule, BadInputGivesNothing) {
  const WorkSchedule schedule{{EveryDay("2026-01-01", {Hours(9, 18)})}, {}};
  EXPECT_TRUE(Expand(schedule, "2026-11-02", "2026-11-02", {}, {}, "Mars/Olympus").empty());
  EXPECT_TRUE(Expand(schedule, "2026-11-02", "2026-11-02", {}, {}, "").empty());
  EXPECT_TRUE(Expand(schedule, "2026-02-30", "2026-03-02").empty());
  EXPECT_TRUE(Expand(schedule, "2026-11-03", "2026-11-02").empty());
  EXPECT_TRUE(Expand(schedule, "02.11.2026", "2026-11-02").empty());
  EXPECT_EQ(Expand(schedule, "2026-11-02", "2026-11-02", {}, {}, "Europe/Kiev").size(), 1u);
}

// Converting each civil time on its own with date/tz gives the same intervals as the
// expansion, over years of transitions and in zones with other rules.
TEST(ExpandSchedule, MatchesPerTimeConversionOverYears) {
  const DayPlan plan = {{0, 150}, {180, 600}, {1290, 1800}};
  const WorkSchedule schedule{{EveryDay("2019-01-01", plan)}, {}};
  for (const char* name : {"Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "UTC"}) {
    const auto* zone = date::locate_zone(name);
    std::vector<WorkInterval> expected;
    const date::local_days first{date::year{2020} / 1 / 1};
    for (auto day = first; day <= date::local_days{date::year{2027} / 12 / 31};
         day += date::days{1}) {
      for (const auto& i : plan) {
        const auto to_utc = [&](int minutes, date::choose choose) {
          return zone->to_sys(day + std::chrono::minutes{minutes}, choose)
              .time_since_epoch()
              .count();
        };
        const WorkInterval w{to_utc(i.start, date::choose::earliest),
                             to_utc(i.end, date::choose::latest)};
        if (w.end > w.start) expected.push_back(w);
      }
    }
    std::sort(expected.begin(), expected.end(),
              [](const auto& a, const auto& b) { return a.start < b.start; });
    std::vector<WorkInterval> merged;
    for (const auto& w : expected) {
      if (!merged.empty() && w.start <= merged.back().end) {
        merged.back().end = std::max(merged.back().end, w.end);
      } else {
        merged.push_back(w);
      }
    }
    EXPECT_EQ(ExpandSchedule(schedule, {}, {}, "2020-01-01", "2027-12-31", name), merged) << name;
  }
}

}  // namespace
}  // namespace kvitka::staff
