// The come-back reminders that went, as the tasks' follow-up asks for them (the tasks module's
// SentComeBacks port): read from the outbox, which only messaging touches.
#pragma once

#include "messaging/app/stores.h"
#include "tasks/app/come_back_follow_ups.h"

namespace kvitka::messaging {

class SentComeBackReads final : public tasks::SentComeBacks {
 public:
  explicit SentComeBackReads(OutboxStore& outbox) : outbox_(outbox) {}

  std::vector<tasks::SentComeBack> SentBetween(db::Session& s, EpochSeconds from,
                                               EpochSeconds to) override;

 private:
  OutboxStore& outbox_;
};

}  // namespace kvitka::messaging
