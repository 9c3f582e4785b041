#include "app/serve.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "app/kvitka.h"
#include "jobs/job_runner.h"
#include "platform/db/migrations.h"
#include "platform/http/server.h"

namespace kvitka {
namespace {

void LogDispatch(const messaging::DispatchReport& r) {
  spdlog::info(
      "{{\"event\":\"dispatched\",\"claimed\":{},\"sent\":{},\"retried\":{},\"failed\":{},"
      "\"voided\":{},\"skipped\":{},\"lost\":{}}}",
      r.claimed, r.sent, r.retried, r.failed, r.voided, r.skipped, r.lost);
}

void LogDeliveryReports(const messaging::DeliveryReportsRun& run) {
  spdlog::info(R"({{"event":"delivery_reports","asked":{},"updated":{},"failed":{}}})", run.asked,
               run.updated, run.failed);
}

// The jobs a server runs beside its requests. Bots answer from here; messages go out from here
// unless --no-dispatch (several servers may run side by side: each claims its own messages, one
// polls each bot).
std::vector<jobs::Job> BackgroundJobs(Kvitka& app, const Settings& settings) {
  std::vector<jobs::Job> work = {
      {"telegram", std::chrono::milliseconds(500),
       [&app] {
         app.viber_bots.EnsureWebhooks();
         app.telegram_bots.PollOnce(5);
       }},
      {"marketing", std::chrono::minutes(10), [&app] { app.marketing.PlanDue(app.clock.Now()); }}};
  work.push_back({"tasks", std::chrono::minutes(5), [&app] {
                    app.confirm_planner.Run(app.clock.Now());
                    app.come_back_follow_ups.Run(app.clock.Now());
                  }});
  if (settings.dispatch) {
    work.push_back({"dispatch", std::chrono::milliseconds(1000), [&app] {
                      const auto report = app.dispatcher.RunDue(app.clock.Now());
                      if (report.claimed > 0) LogDispatch(report);
                    }});
    // What became of the SMS sent: asked of their providers by the servers that send.
    work.push_back({"delivery reports", std::chrono::seconds(60), [&app] {
                      const auto run = app.delivery_reports.Run(app.clock.Now());
                      if (run.asked > 0) LogDeliveryReports(run);
                    }});
  }
  return work;
}

}  // namespace

int Serve(const Settings& settings) {
  const auto address = SplitListen(settings.listen);
  const std::string host = address.first;
  const std::uint16_t port = address.second;
  Kvitka app(settings, settings.threads + 6);
  const auto applied = db::Migrate(*app.db);
  for (const auto& name : applied) spdlog::info("{{\"event\":\"migrated\",\"name\":\"{}\"}}", name);
  std::filesystem::create_directories(settings.data_dir);
  http::Dispatcher dispatcher(app.router, app.authenticator, settings.web_dir);

  // The SQLite write-ahead log is folded into the database file every few minutes.
  std::mutex mutex;
  std::condition_variable stop;
  bool stopping = false;
  std::thread checkpoints([&] {
    std::unique_lock lock(mutex);
    while (!stop.wait_for(lock, std::chrono::minutes(5), [&] { return stopping; })) {
      try {
        app.db->Checkpoint();
      } catch (const std::exception& e) {
        spdlog::warn("{{\"event\":\"checkpoint_failed\",\"error\":\"{}\"}}", e.what());
      }
    }
  });
  const auto stop_checkpoints = [&] {
    {
      std::lock_guard lock(mutex);
      stopping = true;
    }
    stop.notify_all();
    checkpoints.join();
  };
  std::optional<jobs::JobRunner> background;
  background.emplace(BackgroundJobs(app, settings));
  try {
    http::Serve({host, port, settings.threads}, dispatcher,
                [&] { std::cout << "listening on http://" << host << ":" << port << std::endl; });
  } catch (...) {
    stop_checkpoints();
    throw;
  }
  stop_checkpoints();
  if (background) background->Stop();
  app.db->Checkpoint();
  spdlog::info(R"({"event":"stopped"})");
  return 0;
}

}  // namespace kvitka
