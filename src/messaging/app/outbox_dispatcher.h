// Sends what the outbox holds when it is due: claims due messages with a lease (so that several
// servers never send the same one), checks each against the visit as it is now (moved, cancelled,
// started: not sent), chooses the channel by the recipient's and the salon's order, renders the
// template in the recipient's language, keeps each provider's pace, and saves the outcome:
// sent, retried later with backoff, fallen back to the next channel, or given up.
#pragma once

#include <string>

#include "booking/app/appointment_service.h"
#include "booking/app/online_booking.h"
#include "messaging/app/gateways.h"
#include "messaging/app/recipients.h"
#include "messaging/domain/retry_policy.h"

namespace kvitka::messaging {

struct DispatcherDeps {
  db::Database& db;
  OutboxStore& outbox;
  ChannelSettingsStore& channels;
  TemplateStore& templates;
  MessagingRulesStore& rules;
  ChatStore& chats;
  CampaignStore& campaigns;
  Recipients& recipients;
  Gateways& gateways;
  booking::AppointmentService& appointments;
  booking::OnlineBooking& online;
  staff::StaffService& staff;
  identity::BranchService& branches;
};

struct DispatchOptions {
  int batch = 32;          // messages claimed at once (their leases run while they wait)
  int lease_seconds = 60;  // a claimed message is another server's again after this
  int workers = 8;         // messages in flight at once
  std::string public_url = "http://127.0.0.1:8080";  // base of the links in messages
  RetryPolicy retry;
};

struct DispatchReport {
  int claimed = 0;
  int sent = 0;
  int retried = 0;  // failed this time, tried again later (also moved to another channel)
  int failed = 0;   // gave up
  int voided = 0;   // the visit was moved or cancelled meanwhile
  int skipped = 0;  // too late, or nobody to reach
  int lost = 0;     // the lease went to another server before the outcome was saved

  DispatchReport& operator+=(const DispatchReport& other);
};

class OutboxDispatcher {
 public:
  OutboxDispatcher(DispatcherDeps deps, DispatchOptions options)
      : d_(deps), options_(std::move(options)) {}

  // Everything due at `now`, batch after batch, until nothing due is left (what is retried
  // later is not due again within the same run).
  DispatchReport RunDue(EpochSeconds now);
  // One claimed batch.
  DispatchReport RunBatch(EpochSeconds now);

 private:
  enum class Outcome { kSent, kRetried, kFailed, kVoided, kSkipped, kLost };
  Outcome Process(OutboxRow row, EpochSeconds now);

  DispatcherDeps d_;
  DispatchOptions options_;
};

}  // namespace kvitka::messaging
