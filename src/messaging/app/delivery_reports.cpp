#include "messaging/app/delivery_reports.h"

#include <spdlog/spdlog.h>

#include <set>

#include "channels/status_lookup.h"

namespace kvitka::messaging {

DeliveryReportsRun DeliveryReports::Run(EpochSeconds now) {
  const auto organizations =
      d_.db.Read([&](db::Session& s) { return d_.channels.Enabled(s, Channel::kSms); });
  DeliveryReportsRun total;
  for (const auto& org_and_sms : organizations) {
    try {
      const auto run = RunFor(org_and_sms.first, org_and_sms.second, now);
      total.asked += run.asked;
      total.updated += run.updated;
      total.failed += run.failed;
    } catch (const std::exception& e) {
      ++total.failed;
      spdlog::error("{{\"event\":\"delivery_reports_failed\",\"org\":{},\"error\":\"{}\"}}",
                    org_and_sms.first, e.what());
    }
  }
  return total;
}

DeliveryReportsRun DeliveryReports::RunFor(Id org_id, const StoredChannel& sms, EpochSeconds now) {
  DeliveryReportsRun run;
  const auto lookup = d_.gateways.Lookup(org_id, sms);
  if (!lookup) return run;  // the generic gateway, or not set up
  const auto awaiting = d_.db.Read([&](db::Session& s) {
    return d_.outbox.AwaitingReports(s, org_id, Channel::kSms, now - policy_.window,
                                     now - policy_.recheck, policy_.per_run);
  });
  for (const auto& batch : ReportBatches(awaiting, lookup->MaxIdsPerLookup())) {
    channels::StatusAnswer answer;
    try {
      answer = lookup->Lookup(batch);
    } catch (const std::exception& e) {
      answer = channels::StatusAnswer::Failed(e.what());
    }
    if (!answer.ok) {
      // The rest waits for the next run: a provider in trouble is not asked again at once.
      ++run.failed;
      spdlog::warn("{{\"event\":\"delivery_reports_unanswered\",\"org\":{},\"error\":\"{}\"}}",
                   org_id, answer.error);
      break;
    }
    const std::set<std::string> asked(batch.begin(), batch.end());
    std::vector<AwaitingReport> messages;
    std::vector<Id> ids;
    for (const auto& message : awaiting) {
      if (!asked.count(message.provider_id)) continue;
      messages.push_back(message);
      ids.push_back(message.id);
    }
    const auto changes = ChangesFrom(messages, answer.reports, now);
    run.asked += static_cast<int>(messages.size());
    run.updated += d_.db.Write([&](db::Session& s) {
      d_.outbox.MarkAsked(s, org_id, ids, now);
      return d_.outbox.SaveDeliveries(s, org_id, changes);
    });
  }
  return run;
}

int RecordReport(db::Session& s, OutboxStore& outbox, Id org_id, Channel channel,
                 const ProviderReport& report, EpochSeconds now) {
  const auto messages = outbox.ByProviderId(s, org_id, channel, report.provider_id);
  if (messages.empty()) return 0;
  return outbox.SaveDeliveries(s, org_id, ChangesFrom(messages, {report}, now));
}

}  // namespace kvitka::messaging
