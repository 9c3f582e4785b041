// What a due message becomes just before it is sent: checked against the visit as it is now,
// given its channel (the recipient's and the salon's order, without the channels that already
// failed it), and rendered from the salon's template (or the default) in the recipient's
// language, with buttons on Telegram.
#pragma once

#include <string>
#include <vector>

#include "channels/gateway.h"
#include "messaging/app/outbox_dispatcher.h"

namespace kvitka::messaging {

struct Composition {
  enum class State {
    kReady,  // send `outgoing` on `channel`
    kVoid,   // the visit changed: the message no longer applies
    kSkip,   // too late, or nobody and nothing to send it with
    kFail,   // every channel failed it
    kLater,  // quiet hours at the branch: due again at `later`
  };
  State state = State::kSkip;
  std::string reason;
  EpochSeconds later = 0;
  Channel channel = Channel::kSms;
  std::vector<Channel> order;  // the channels it may take, in order
  StoredChannel stored;        // the channel's settings
  channels::Outgoing outgoing;
};

class MessageComposer {
 public:
  MessageComposer(DispatcherDeps& deps, std::string public_url)
      : d_(deps), public_url_(std::move(public_url)) {}

  // Inside a write transaction (a manage link may be issued on the way).
  Composition Compose(db::Session& s, const OutboxRow& row, EpochSeconds now);

 private:
  DispatcherDeps& d_;
  std::string public_url_;
};

// Whether a message of `kind` still applies to the visit as it is now (`planned_start`: the
// visit's start when the message was written; `master`: the master a notice is for).
bool StillApplies(MessageKind kind, const booking::Appointment& visit,
                  std::optional<EpochSeconds> planned_start, std::optional<Id> master);

}  // namespace kvitka::messaging
