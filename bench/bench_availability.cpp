// The availability engine over a busy month of a 20-master branch: what the public booking page
// asks for "any master" and a month ahead.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>

#include "booking/domain/availability.h"
#include "core/time.h"

namespace kvitka::booking {
namespace {

constexpr int kMasters = 20;
constexpr int kDays = 31;
constexpr int kAppointments = 3000;
constexpr EpochSeconds kHour = 3600;

// October 2026 in Kyiv: +03:00, then +02:00 from the 25th.
const EpochSeconds kMonth = ParseRfc3339("2026-10-01T00:00:00+03:00").value();
const EpochSeconds kFallBack = ParseRfc3339("2026-10-25T01:00:00Z").value();

// `seconds` after local midnight of the day-th day of the month, by the local clock.
EpochSeconds Local(int day, EpochSeconds seconds) {
  const EpochSeconds summer = kMonth + day * 24 * kHour + seconds;  // as if still +03:00
  return summer >= kFallBack ? summer + kHour : summer;
}

// Every master works 09:00-21:00 local with a break that moves from master to master; 3,000
// appointments of 30-120 minutes (every sixth one with a processing gap), in no order.
AvailabilityRequest MakeBranch(int services, bool rooms) {
  std::mt19937 random(42);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution(lo, hi)(random); };
  AvailabilityRequest request;
  int left = kAppointments;
  for (int m = 0; m < kMasters; ++m) {
    Candidate c;
    c.staff_id = 1000 + m;
    c.step_minutes = 15;
    for (int d = 0; d < kDays; ++d) {
      const EpochSeconds pause = Local(d, 13 * kHour + (m % 4) * 1800);
      c.working.push_back({Local(d, 9 * kHour), pause});
      c.working.push_back({pause + kHour, Local(d, 21 * kHour)});
      const int master_days_left = (kMasters - m) * kDays - d;
      int count = (left + master_days_left - 1) / master_days_left;
      left -= count;
      EpochSeconds at = Local(d, 9 * kHour);
      for (; count > 0; --count) {
        at += pick(0, 4) * 900;
        const EpochSeconds end = at + pick(2, 8) * 900;
        Busy busy{{at, end}, {}};
        if (pick(0, 5) == 0 && end - at >= 5400) busy.free_inside = Span{at + 1800, end - 1800};
        c.busy.push_back(busy);
        at = end;
      }
    }
    std::shuffle(c.busy.begin(), c.busy.end(), random);
    request.candidates.push_back(std::move(c));
  }
  for (int s = 0; s < services; ++s) {
    ServiceNeed need;
    need.service_id = s + 1;
    for (const Candidate& c : request.candidates)
      need.duration_by_staff.emplace_back(c.staff_id, 60);
    need.buffer_after = 10;
    if (rooms) need.room_ids = {1, 2, 3};
    request.services.push_back(need);
  }
  if (rooms) {
    for (Id r = 1; r <= 3; ++r) {
      RoomState room{r, r == 3 ? 2 : 1, {}, {}};
      for (int k = 0; k < 400; ++k) {
        const EpochSeconds at = Local(pick(0, kDays - 1), pick(36, 80) * 900);
        room.busy.push_back({at, at + pick(2, 6) * 900});
      }
      request.rooms.push_back(room);
    }
  }
  request.same_master = services == 1;
  request.now = kMonth - 24 * kHour;
  request.from = kMonth;
  request.to = Local(kDays, 0);
  request.lead_minutes = 60;
  request.horizon_days = 60;
  request.utc_offsets = {{kMonth - 200 * 24 * kHour, 180}, {kFallBack, 120}};
  return request;
}

void Run(benchmark::State& state, const AvailabilityRequest& request) {
  std::size_t slots = 0;
  for (auto _ : state) {
    auto found = FindSlots(request);
    slots = found.size();
    benchmark::DoNotOptimize(found);
  }
  state.counters["slots"] = static_cast<double>(slots);
}

// The figure of the journal issue: one service, 20 masters, 31 days, 3,000 appointments.
void BM_OneService20Masters31Days(benchmark::State& state) { Run(state, MakeBranch(1, false)); }
BENCHMARK(BM_OneService20Masters31Days)->Unit(benchmark::kMicrosecond);

// The same needing one of three rooms (one of them for two at a time).
void BM_OneServiceWithRooms(benchmark::State& state) { Run(state, MakeBranch(1, true)); }
BENCHMARK(BM_OneServiceWithRooms)->Unit(benchmark::kMicrosecond);

// Two services back to back, each with any master.
void BM_TwoServicesAnyMaster(benchmark::State& state) { Run(state, MakeBranch(2, false)); }
BENCHMARK(BM_TwoServicesAnyMaster)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace kvitka::booking

BENCHMARK_MAIN();
