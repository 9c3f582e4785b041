// Writes the messages about a visit into the outbox inside the booking's own transaction (the
// booking module's VisitMessages port): the confirmation, the reminders, a move, a cancellation
// and the feedback request to the client, and the masters' notices; a move or cancellation voids
// what was still waiting. Which channel each message will take is planned here and checked again
// when it is sent.
#pragma once

#include "booking/app/visit_messages.h"
#include "identity/app/branch_service.h"
#include "messaging/app/recipients.h"

namespace kvitka::messaging {

struct PlannerDeps {
  OutboxStore& outbox;
  MessagingRulesStore& rules;
  Recipients& recipients;
  identity::BranchService& branches;
  const Clock& clock;
};

// One message to write: what, to whom, when.
struct PlannedMessage {
  Id org_id = 0;
  Id branch_id = 0;
  Id appointment_id = 0;
  int version = 0;
  MessageKind kind = MessageKind::kReminder;
  std::int64_t slot = 0;
  std::optional<EpochSeconds> visit_start;
  EpochSeconds due = 0;
  std::string context_json = "{}";
};

class VisitPlanner final : public booking::VisitMessages {
 public:
  explicit VisitPlanner(PlannerDeps deps) : d_(deps) {}

  void Changed(db::Session& s, const identity::Actor& actor,
               const booking::VisitChange& change) override;
  void WaitlistOffered(db::Session& s, Id org_id, Id branch_id, Id client_id, Id entry_id,
                       EpochSeconds start, Id staff_id) override;

  // Writes `message` for `to` on the first channel of its delivery order ("" when none is ready
  // yet: it is chosen when the message is due). True when written (false: it was there).
  bool Enqueue(db::Session& s, const PlannedMessage& message, const Addressee& to,
               const std::vector<Channel>& salon_channels, EpochSeconds now);

 private:
  PlannerDeps d_;
};

// The kinds of message about a visit that wait for it (voided when it moves or is cancelled).
const std::vector<MessageKind>& VisitMessageKinds();

}  // namespace kvitka::messaging
