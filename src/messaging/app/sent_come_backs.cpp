#include "messaging/app/sent_come_backs.h"

namespace kvitka::messaging {

std::vector<tasks::SentComeBack> SentComeBackReads::SentBetween(db::Session& s, EpochSeconds from,
                                                                EpochSeconds to) {
  std::vector<tasks::SentComeBack> sent;
  for (const auto& row : outbox_.SentComeBacks(s, from, to)) {
    if (!row.sent_at) continue;
    sent.push_back(
        {row.org_id, row.id, row.branch_id, row.recipient_id, row.appointment_id, *row.sent_at});
  }
  return sent;
}

}  // namespace kvitka::messaging
