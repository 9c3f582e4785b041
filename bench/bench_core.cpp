// Core text and secret rules that run on every request or every client row.
#include <benchmark/benchmark.h>

#include "core/secret.h"
#include "core/text.h"
#include "core/time.h"

namespace kvitka {
namespace {

void BM_FoldCase(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(FoldCase("ОЛЕНА Коваленко-Шевченко"));
}
BENCHMARK(BM_FoldCase);

void BM_Slugify(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(Slugify("Салон краси Квітка, Поділ"));
}
BENCHMARK(BM_Slugify);

void BM_HashToken(benchmark::State& state) {
  InitSecrets();
  const std::string token = RandomToken();
  for (auto _ : state) benchmark::DoNotOptimize(HashToken(token));
}
BENCHMARK(BM_HashToken);

void BM_ParseRfc3339(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ParseRfc3339("2026-11-22T15:00:00+02:00"));
}
BENCHMARK(BM_ParseRfc3339);

// argon2id at the interactive limits: what one sign-in costs the server.
void BM_VerifyPassword(benchmark::State& state) {
  InitSecrets();
  const std::string hash = HashPassword("kvitka-demo");
  for (auto _ : state) benchmark::DoNotOptimize(VerifyPassword(hash, "kvitka-demo"));
}
BENCHMARK(BM_VerifyPassword)->Unit(benchmark::kMillisecond)->Iterations(10);

}  // namespace
}  // namespace kvitka

BENCHMARK_MAIN();
