// What happens after a send fails: when to try again (backoff with a jitter the caller draws),
// when to give up, and until when a message is still worth sending at all. Pure: no I/O.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.h"
#include "messaging/domain/message_kind.h"

namespace kvitka::messaging {

struct RetryPolicy {
  // Seconds to wait after the 1st, 2nd, ... failed attempt; after the last one the message gives
  // up (so at most delays.size() + 1 attempts).
  std::vector<int> delays = {30, 2 * 60, 10 * 60, 30 * 60, 2 * 3600};
  int jitter_percent = 20;  // each delay is spread evenly by up to this share either way
};

enum class SendFailure {
  kTemporary,    // network error, timeout, 5xx: try again later
  kRateLimited,  // 429: the provider says when (retry_after), or the backoff decides
  kPermanent,    // invalid number, blocked bot, bad request: this channel will not work
};

struct RetryDecision {
  bool give_up = false;
  EpochSeconds retry_at = 0;  // when not giving up

  friend bool operator==(const RetryDecision&, const RetryDecision&) = default;
};

// The latest moment a message of `kind` is still worth sending, when it has one: a message
// about a coming visit (confirmation, reminder, move, cancellation, waitlist offer and the
// staff's notices about bookings and shifts) not at or after the start of the visit (or
// shift); a feedback request up to 3 days after it. Marketing and schedule changes have none.
std::optional<EpochSeconds> SendDeadline(MessageKind kind, std::optional<EpochSeconds> visit_start);

// Whether a message may still go out at `now` (never a reminder after the visit started).
bool StillWorthSending(MessageKind kind, std::optional<EpochSeconds> visit_start, EpochSeconds now);

// The decision after a failed attempt. `failed_attempts` counts the failures so far, this one
// included (1 after the first). `jitter` is a number in [0, 1) from the caller's random source.
// A 429 waits at least `retry_after` seconds (plus a jitter that only adds, so that throttled
// messages do not return at once); it counts as an attempt like any other failure. A permanent
// failure gives up at once (the dispatcher falls back to the next channel). Gives up, too, when
// the retry would come at or after `deadline`.
RetryDecision NextAttempt(const RetryPolicy& policy, int failed_attempts, SendFailure failure,
                          std::optional<int> retry_after, double jitter, EpochSeconds now,
                          std::optional<EpochSeconds> deadline = std::nullopt);

}  // namespace kvitka::messaging
