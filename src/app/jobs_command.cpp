// `kvitka jobs run --once`.
#include <iostream>

#include "app/commands.h"

namespace kvitka {

int RunJobsOnce(Kvitka& app, const Settings& settings) {
  const EpochSeconds at = settings.now.empty() ? app.clock.Now() : ParseNow(settings.now);
  const int planned = app.marketing.PlanDue(at);
  const int tasks_added = app.confirm_planner.Run(at) + app.come_back_follow_ups.Run(at);
  const auto r = app.dispatcher.RunDue(at);
  // After sending: what the providers say of the SMS sent so far.
  const auto reports = app.delivery_reports.Run(at);
  std::cout << "{\"planned\":" << planned << ",\"claimed\":" << r.claimed << ",\"sent\":" << r.sent
            << ",\"retried\":" << r.retried << ",\"failed\":" << r.failed
            << ",\"voided\":" << r.voided << ",\"skipped\":" << r.skipped << ",\"lost\":" << r.lost
            << ",\"tasks\":" << tasks_added << ",\"delivery\":" << reports.updated << "}"
            << std::endl;
  return 0;
}

}  // namespace kvitka
