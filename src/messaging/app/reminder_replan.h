// After the messaging rules change (offsets, quiet hours, reminders on or off), the reminders of
// every coming visit are planned again by the new rules: voided, moved or added; one already sent
// stays sent. One read of the visits and their reminders, then the changes in a few statements.
#pragma once

#include "booking/app/appointment_service.h"
#include "identity/app/branch_service.h"
#include "messaging/app/stores.h"

namespace kvitka::messaging {

struct ReplanDeps {
  db::Database& db;
  OutboxStore& outbox;
  MessagingRulesStore& rules;
  clients::ClientService& clients;
  booking::AppointmentService& appointments;
  identity::BranchService& branches;
};

class ReminderReplanner {
 public:
  explicit ReminderReplanner(ReplanDeps deps) : d_(deps) {}

  // In one write transaction; how many reminders changed.
  int Replan(Id org_id, EpochSeconds now);
  int ReplanIn(db::Session& s, Id org_id, EpochSeconds now);

 private:
  ReplanDeps d_;
};

}  // namespace kvitka::messaging
