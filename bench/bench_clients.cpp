// The client base at salon-network size, through the same services the server uses:
//  - q= search over 1,000,000 clients of one organization (p50/p99 per query),
//  - import of a 100,000-row CSV (preview + run),
//  - export of 100,000 clients to CSV and XLSX.
// SQLite always; PostgreSQL too when KVITKA_BENCH_PG holds a server URL. The 1M-client SQLite
// database is generated once and kept next to the binary (clients-1m.db).
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <random>

#include "bench_salon.h"

namespace kvitka::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

void Percentiles(benchmark::State& state, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))];
  };
  state.counters["p50_ms"] = at(0.50);
  state.counters["p99_ms"] = at(0.99);
  state.counters["max_ms"] = ms.back();
  state.counters["queries"] = static_cast<double>(ms.size());
}

// What the front desk types while the phone rings.
const std::vector<std::string> kQueries = {
    "оле",  "олена", "ковал",      "коваленко", "ірин",   "мельн", "тетяна шев", "067",
    "0671", "4567",  "050 12",     "+38067",    "ol",     "ан",    "марія",      "бонд",
    "ткач", "юлі",   "наталія ко", "999",       "оксана", "дар",   "світл",      "5566"};

void SearchOn(benchmark::State& state, BenchSalon& salon) {
  std::vector<double> ms;
  for (auto _ : state) {
    for (int round = 0; round < 10; ++round) {
      for (const auto& q : kQueries) {
        const auto started = Clock::now();
        auto page = salon.clients.List(salon.owner, {{"q", q}}, std::nullopt, 50, false);
        ms.push_back(Ms(Clock::now() - started));
        benchmark::DoNotOptimize(page);
        if (!page.ok()) state.SkipWithError("search failed");
      }
    }
  }
  Percentiles(state, ms);
}

void BM_Search1MSqlite(benchmark::State& state) {
  static BenchSalon salon(SqliteBenchDatabase("clients-1m.db"), 1'000'000);
  SearchOn(state, salon);
}
BENCHMARK(BM_Search1MSqlite)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Search1MPostgresql(benchmark::State& state) {
  if (!std::getenv("KVITKA_BENCH_PG")) {
    state.SkipWithError("set KVITKA_BENCH_PG to a PostgreSQL URL to run");
    for (auto _ : state) {
    }
    return;
  }
  static BenchSalon salon(PostgresqlBenchDatabase(), 1'000'000);
  SearchOn(state, salon);
}
BENCHMARK(BM_Search1MPostgresql)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

std::string ImportCsv(int rows) {
  std::mt19937 random(7);
  std::string csv = "Ім'я;Прізвище;Телефон;Email;День народження;Теги\n";
  for (int i = 0; i < rows; ++i) {
    csv += std::string(kFirstNames[random() % std::size(kFirstNames)]) + ";" +
           kLastNames[random() % std::size(kLastNames)] + ";" + PhoneNumber(i + 5'000'000) +
           ";client" + std::to_string(i) + "@example.com;" + std::to_string(10 + i % 18) + "." +
           std::to_string(10 + i % 3) + ".19" + std::to_string(60 + i % 40) + ";" +
           (i % 10 == 0 ? "VIP" : "") + "\n";
  }
  return csv;
}

void BM_Import100kCsv(benchmark::State& state) {
  const std::string csv = ImportCsv(100'000);
  for (auto _ : state) {
    state.PauseTiming();
    BenchSalon salon(
        SqliteBenchDatabase(
            "import-" + std::to_string(Clock::now().time_since_epoch().count()) + ".db", true),
        0);
    state.ResumeTiming();
    auto preview = salon.exchange.Preview(salon.owner, clients::SheetFormat::kCsv, csv);
    auto report =
        salon.exchange.Run(salon.owner, preview->import_id, {preview->mapping, false, false});
    if (!report.ok() || report->created != 100'000) state.SkipWithError("import failed");
    state.PauseTiming();
    salon.Drop();
    state.ResumeTiming();
  }
}
BENCHMARK(BM_Import100kCsv)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_Export100k(benchmark::State& state) {
  static BenchSalon salon(SqliteBenchDatabase("clients-100k.db"), 100'000);
  const auto format =
      state.range(0) == 0 ? clients::SheetFormat::kCsv : clients::SheetFormat::kXlsx;
  for (auto _ : state) {
    auto file = salon.exchange.Export(salon.owner, {}, format, "uk");
    if (!file.ok() || file->rows != 100'000) state.SkipWithError("export failed");
    state.counters["MB"] = file.ok() ? file->bytes.size() / 1e6 : 0;
  }
}
BENCHMARK(BM_Export100k)
    ->Arg(0)
    ->Arg(1)
    ->ArgName("xlsx")
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace kvitka::bench

int main(int argc, char** argv) {
  spdlog::set_level(spdlog::level::warn);
  kvitka::InitSecrets();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
}
