// The request pipeline without the network: routing, session check, JSON body, problems.
#include <benchmark/benchmark.h>
#include <spdlog/spdlog.h>

#include "platform/http/dispatcher.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::http {
namespace {

class AlwaysSignedIn : public Authenticator {
 public:
  std::optional<AuthContext> Authenticate(const Request&) override {
    AuthContext auth;
    auth.user_id = 1;
    auth.org_id = 1;
    auth.csrf_token = "csrf";
    return auth;
  }
};

// A router of the size later modules will reach (~150 routes).
Router BigRouter() {
  Router router;
  for (int module = 0; module < 30; ++module) {
    const std::string base = "/api/v1/module" + std::to_string(module);
    auto ok = [](Request&) { return Response::Json(200, "{}"); };
    router.Add("GET", base, Access::kSession, ok);
    router.Add("POST", base, Access::kSession, ok);
    router.Add("GET", base + "/{id}", Access::kSession, ok);
    router.Add("PATCH", base + "/{id}", Access::kSession, ok);
    router.Add("POST", base + "/{id}/status", Access::kSession, ok);
  }
  return router;
}

void BM_RouteMatch(benchmark::State& state) {
  Router router = BigRouter();
  for (auto _ : state) {
    benchmark::DoNotOptimize(router.Match("PATCH", "/api/v1/module29/12345"));
  }
}
BENCHMARK(BM_RouteMatch);

void BM_DispatchWrite(benchmark::State& state) {
  Router router = BigRouter();
  AlwaysSignedIn auth;
  Dispatcher dispatcher(router, auth, {});
  spdlog::set_level(spdlog::level::off);  // measure the pipeline, not the console
  for (auto _ : state) {
    Request r;
    r.method = "POST";
    r.path = "/api/v1/module15/77/status";
    r.headers = {{"content-type", "application/json"}, {"x-csrf-token", "csrf"}};
    r.body = R"({"status":"confirmed"})";
    benchmark::DoNotOptimize(dispatcher.Handle(r));
  }
}
BENCHMARK(BM_DispatchWrite);

void BM_ParseSignupBody(benchmark::State& state) {
  Request r;
  r.body = R"({"org_name":"Kvitka Demo","branch_name":"Поділ","timezone":"Europe/Kyiv",
               "currency":"UAH","name":"Оксана","email":"owner@kvitka.demo","password":"kvitka-demo"})";
  for (auto _ : state) {
    auto body = JsonBody::Parse(r);
    for (const char* f : {"org_name", "branch_name", "timezone", "currency", "name", "email"}) {
      benchmark::DoNotOptimize(body->Text(f, {.required = true}));
    }
  }
}
BENCHMARK(BM_ParseSignupBody);

void BM_ValidationProblem(benchmark::State& state) {
  Request r;
  r.language = Language::kUk;
  FieldErrors errors = {{"email", "invalid_email"}, {"password", "too_short", 8}};
  for (auto _ : state) benchmark::DoNotOptimize(ValidationFailed(r, errors));
}
BENCHMARK(BM_ValidationProblem);

}  // namespace
}  // namespace kvitka::http

BENCHMARK_MAIN();
