// Work schedules: expanding a branch's masters over a year (what the journal, availability and
// payroll reports ask for) and rendering a master's calendar feed.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "staff/domain/ical.h"
#include "staff/domain/schedule.h"

namespace kvitka::staff {
namespace {

constexpr int kMasters = 50;
constexpr const char* kZone = "Europe/Kyiv";

struct Master {
  WorkSchedule schedule;
  std::vector<Absence> absences;
};

std::string Date(int month, int day) {
  char buffer[48];
  std::snprintf(buffer, sizeof(buffer), "2026-%02d-%02d", month, day);
  return buffer;
}

// Weekly hours with a lunch break that differ from master to master, summer hours from June
// for every third one, a few changed days and a vacation plus a sick leave each.
Master MakeMaster(int n) {
  Master m;
  const int open = 8 * 60 + (n % 4) * 30;
  const int close = 17 * 60 + (n % 5) * 60;
  const DayPlan day = {{open, 13 * 60}, {14 * 60, close}};
  SchedulePattern week;
  week.kind = PatternKind::kWeekly;
  week.valid_from = "2025-09-01";
  week.weekdays = {day, day, day, day, day, {{10 * 60, 16 * 60}}, {}};
  week.weekdays[n % 6].clear();  // one more day off, not the same for everyone
  m.schedule.patterns.push_back(week);
  if (n % 3 == 0) {
    SchedulePattern summer = week;
    summer.valid_from = "2026-06-01";
    summer.valid_until = "2026-08-31";
    summer.weekdays[6] = {{11 * 60, 15 * 60}};
    m.schedule.patterns.push_back(summer);
    SchedulePattern autumn = week;
    autumn.valid_from = "2026-09-01";
    m.schedule.patterns.push_back(autumn);
  }
  for (int k = 0; k < 5; ++k) {
    DayPlan plan;
    if (k % 2 == 0) plan = {{12 * 60, 20 * 60}};
    m.schedule.exceptions.push_back({Date(1 + (n + 2 * k) % 12, 1 + (n * 7 + k) % 28), plan});
  }
  const int vacation_month = 1 + n % 12;
  m.absences.push_back(
      {1, Date(vacation_month, 3), Date(vacation_month, 16), AbsenceReason::kVacation, ""});
  m.absences.push_back(
      {2, Date(1 + (n + 5) % 12, 20), Date(1 + (n + 5) % 12, 22), AbsenceReason::kSickLeave, ""});
  return m;
}

std::vector<Master> MakeBranch() {
  std::vector<Master> masters;
  for (int n = 0; n < kMasters; ++n) masters.push_back(MakeMaster(n));
  return masters;
}

const std::vector<std::string> kClosed = {"2026-01-01", "2026-01-07", "2026-03-08", "2026-12-25",
                                          "2026-12-31"};

// All 50 masters over 366 days: one iteration is the whole branch.
void BM_Expand50MastersYear(benchmark::State& state) {
  const auto masters = MakeBranch();
  std::size_t intervals = 0;
  for (auto _ : state) {
    intervals = 0;
    for (const Master& m : masters) {
      auto work =
          ExpandSchedule(m.schedule, m.absences, kClosed, "2026-01-01", "2027-01-01", kZone);
      intervals += work.size();
      benchmark::DoNotOptimize(work);
    }
  }
  state.counters["intervals"] = static_cast<double>(intervals);
  state.counters["master_days"] = kMasters * 366;
}
BENCHMARK(BM_Expand50MastersYear)->Unit(benchmark::kMicrosecond);

// One master over one week, the journal's and the booking page's usual question.
void BM_ExpandOneMasterWeek(benchmark::State& state) {
  const Master m = MakeMaster(7);
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        ExpandSchedule(m.schedule, m.absences, kClosed, "2026-10-22", "2026-10-28", kZone));
  }
}
BENCHMARK(BM_ExpandOneMasterWeek);

// A subscribed calendar: 90 days of one master's shifts.
void BM_RenderCalendar90Days(benchmark::State& state) {
  const Master m = MakeMaster(3);
  std::vector<CalendarEvent> events;
  for (const auto& w :
       ExpandSchedule(m.schedule, m.absences, kClosed, "2026-10-01", "2026-12-29", kZone)) {
    events.push_back({"7-" + std::to_string(w.start) + "@kvitka", w, "Робоча зміна — Kvitka Demo",
                      "Салон краси Квітка, Поділ"});
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(RenderCalendar("Олена Коваленко", events, 1795417200));
  }
  state.counters["events"] = static_cast<double>(events.size());
}
BENCHMARK(BM_RenderCalendar90Days)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kvitka::staff

BENCHMARK_MAIN();
