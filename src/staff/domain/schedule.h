// A master's work schedule: patterns that follow each other in time, exceptions for single
// dates and absences over date ranges; and its expansion into working intervals (instants).
// Pure: no I/O, time zones through date/tz only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/id.h"

namespace kvitka::staff {

// Minutes from the civil midnight of the day; `end` may exceed 1440 for a shift that runs
// past midnight (22:00-02:00 is {1320, 1560}). 0 <= start < end <= 2880.
struct DayInterval {
  int start = 0;
  int end = 0;
  friend bool operator==(const DayInterval&, const DayInterval&) = default;
};

using DayPlan = std::vector<DayInterval>;  // sorted, not overlapping (breaks are the gaps)

enum class PatternKind {
  kWeekly,     // weekdays[0..6] (Monday first), each its own plan (empty: day off)
  kCycle,      // `cycle` plans repeated from `valid_from`: {work, work, off, off} = 2/2
  kEvenDates,  // `day` on even dates of the month, off on odd
  kOddDates,   // `day` on odd dates
  kEveryDay,   // `day` every day
};

struct SchedulePattern {
  PatternKind kind = PatternKind::kWeekly;
  std::string valid_from;   // YYYY-MM-DD: the pattern applies from this date ...
  std::string valid_until;  // ... to this date inclusive; empty: until the next pattern starts
  std::vector<DayPlan> weekdays;  // kWeekly: 7 plans, Monday first
  std::vector<DayPlan> cycle;     // kCycle: one plan per day of the cycle
  DayPlan day;                    // kEvenDates, kOddDates, kEveryDay
};

// A single date worked differently: other hours, a shorter day, or a day off (empty plan).
struct ScheduleException {
  std::string date;  // YYYY-MM-DD
  DayPlan plan;
};

enum class AbsenceReason { kVacation, kSickLeave, kTraining, kUnpaid, kTruancy, kOther };

// "vacation", "sick_leave", "training", "unpaid", "truancy", "other".
const char* ReasonName(AbsenceReason reason);
std::optional<AbsenceReason> ParseReason(const std::string& name);

struct Absence {
  Id id = 0;
  std::string from;  // YYYY-MM-DD, inclusive
  std::string to;    // YYYY-MM-DD, inclusive
  AbsenceReason reason = AbsenceReason::kVacation;
  std::string note;
};

struct WorkSchedule {
  std::vector<SchedulePattern> patterns;  // any order; the latest valid_from wins on a date
  std::vector<ScheduleException> exceptions;
};

// A working interval: instants, UTC seconds, [start, end).
struct WorkInterval {
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  friend bool operator==(const WorkInterval&, const WorkInterval&) = default;
};

// The working intervals of the dates `from`..`to` (inclusive, YYYY-MM-DD) in the branch's
// zone: patterns, then exceptions (replace the date's plan), minus absences and the branch's
// `closed_dates`. Civil times are converted with date/tz: a time inside the spring-forward gap
// moves to the end of the gap; a time that occurs twice in autumn takes the earlier instant
// for a start and the later one for an end. Intervals are sorted and merged where they touch.
// An unknown zone or a malformed date gives an empty result.
std::vector<WorkInterval> ExpandSchedule(const WorkSchedule& schedule,
                                         const std::vector<Absence>& absences,
                                         const std::vector<std::string>& closed_dates,
                                         const std::string& from, const std::string& to,
                                         const std::string& zone);

// The plan of one civil date (patterns and exceptions, before absences); nullopt when no
// pattern covers the date.
std::optional<DayPlan> PlanOf(const WorkSchedule& schedule, const std::string& date);

// Problems of a schedule as field errors (field, code): overlapping or inverted intervals,
// intervals out of 0..2880, a weekly pattern without 7 days, an empty cycle, bad dates,
// two patterns starting the same day. Field names like "patterns[1].weekdays[2][0]".
struct ScheduleProblem {
  std::string field;
  std::string code;  // invalid_interval, overlapping_intervals, invalid_date, invalid_value
};
std::vector<ScheduleProblem> CheckSchedule(const WorkSchedule& schedule);
std::vector<ScheduleProblem> CheckAbsence(const Absence& absence);

}  // namespace kvitka::staff
