// Messaging rules on the paths that run in bulk: planning the reminders of every future visit
// (the figure: 100,000 appointments within 5 s, database work included), counting SMS
// parts for a campaign, rendering a template per message.
#include <benchmark/benchmark.h>

#include <vector>

#include "core/time.h"
#include "messaging/domain/default_templates.h"
#include "messaging/domain/reminder_plan.h"
#include "messaging/domain/sms_text.h"

namespace kvitka::messaging {
namespace {

// Visits spread over the next 60 days between 08:00 and 20:00 (DST change included), each
// booked some days before.
std::vector<UpcomingVisit> FutureVisits(EpochSeconds now, int count) {
  std::vector<UpcomingVisit> visits;
  visits.reserve(static_cast<std::size_t>(count));
  std::uint64_t seed = 42;
  auto next = [&seed](std::uint64_t range) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<EpochSeconds>((seed >> 33) % range);
  };
  constexpr EpochSeconds kDay = 86400;
  constexpr std::uint64_t kQuarters = 48;  // 06:00-18:00 UTC in steps of 15 minutes
  for (int i = 0; i < count; ++i) {
    const EpochSeconds day = now + kDay * (1 + next(60));
    const EpochSeconds start = day - day % kDay + EpochSeconds{6} * 3600 + next(kQuarters) * 900;
    visits.push_back({i + 1, start, now - next(std::uint64_t{14} * 86400)});
  }
  return visits;
}

void BM_PlanReminders(benchmark::State& state) {
  const EpochSeconds now = *ParseRfc3339("2026-10-01T10:00:00Z");
  const auto visits = FutureVisits(now, static_cast<int>(state.range(0)));
  const ReminderRules rules;  // 24 h and 2 h, quiet 21:00-09:00
  for (auto _ : state) {
    auto due = PlanReminders(visits, rules, "Europe/Kyiv", now);
    benchmark::DoNotOptimize(due.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PlanReminders)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_MeasureSmsCyrillic(benchmark::State& state) {
  const std::string text =
      "Квітка: Олена, нагадуємо про запис 25.11.2026 о 14:30, майстер Ірина. "
      "Змінити: https://kvitka.ua/m/7Hq2xK";
  for (auto _ : state) benchmark::DoNotOptimize(MeasureSms(text));
}
BENCHMARK(BM_MeasureSmsCyrillic);

void BM_RenderReminderSms(benchmark::State& state) {
  const MessageTemplate t = DefaultTemplate(MessageKind::kReminder, Channel::kSms, Language::kUk);
  const TemplateValues values = SampleValues(Language::kUk);
  for (auto _ : state) benchmark::DoNotOptimize(RenderMessage(t, values));
}
BENCHMARK(BM_RenderReminderSms);

void BM_RenderConfirmationEmail(benchmark::State& state) {
  const MessageTemplate t =
      DefaultTemplate(MessageKind::kBookingConfirmation, Channel::kEmail, Language::kUk);
  const TemplateValues values = SampleValues(Language::kUk);
  for (auto _ : state) benchmark::DoNotOptimize(RenderMessage(t, values));
}
BENCHMARK(BM_RenderConfirmationEmail);

}  // namespace
}  // namespace kvitka::messaging

BENCHMARK_MAIN();
