// Delivery reports: what became of a message after its provider accepted it. The "delivery
// reports" job asks each organization's SMS provider (TurboSMS, SMS Club, AlphaSMS: those with a
// status request) about the SMS sent in the last two days whose delivery is not known yet, in the
// provider's batches, and saves what it says; a provider's trouble waits for the next run. The
// Viber bot's "delivered" and "seen" callbacks and Telegram (delivered when sent) go through
// RecordReport. The generic gateway and email have no reports.
#pragma once

#include "messaging/app/gateways.h"
#include "messaging/app/stores.h"
#include "messaging/domain/delivery_report.h"

namespace kvitka::messaging {

struct DeliveryReportsDeps {
  db::Database& db;
  ChannelSettingsStore& channels;
  OutboxStore& outbox;
  Gateways& gateways;
};

struct DeliveryReportsRun {
  int asked = 0;    // messages asked about
  int updated = 0;  // messages whose delivery changed
  int failed = 0;   // questions a provider did not answer (asked again next run)
};

class DeliveryReports {
 public:
  explicit DeliveryReports(DeliveryReportsDeps deps, ReportPolicy policy = {})
      : d_(deps), policy_(policy) {}

  // Every organization with SMS on, at `now`. Never throws for a provider or an organization:
  // the trouble is logged, and the rest goes on.
  DeliveryReportsRun Run(EpochSeconds now);

 private:
  DeliveryReportsRun RunFor(Id org_id, const StoredChannel& sms, EpochSeconds now);

  DeliveryReportsDeps d_;
  ReportPolicy policy_;
};

// A provider's word on one message sent on `channel` (a Viber callback), inside the caller's unit
// of work: saved when it moves the message on; how many messages changed.
int RecordReport(db::Session& s, OutboxStore& outbox, Id org_id, Channel channel,
                 const ProviderReport& report, EpochSeconds now);

}  // namespace kvitka::messaging
