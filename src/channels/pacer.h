// Pacing of sends to one provider: at most one message per `key_interval` to the same key (a
// Telegram chat: about 1 per second) and at most `limit` messages in any `window` overall (a bot:
// 30 per second), plus holds after a 429. Pure: the caller passes the time and records its sends
// in time order; not thread-safe (the dispatcher owns one per provider under its own lock).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kvitka::channels {

// Milliseconds since the Unix epoch (pacing needs finer steps than seconds).
using EpochMillis = std::int64_t;

struct PacerLimits {
  EpochMillis key_interval = 1000;  // between two messages to the same key
  int limit = 30;                   // messages in any window overall; 0: no overall limit
  EpochMillis window = 1000;
};

class Pacer {
 public:
  explicit Pacer(PacerLimits limits = {});

  // The earliest moment at or after `now` at which a message to `key` may go out.
  EpochMillis NextAllowed(std::string_view key, EpochMillis now) const;

  // Records a message sent to `key` at `at`. Sends are recorded in time order (an earlier `at`
  // than the last one counts as the last one).
  void Record(std::string_view key, EpochMillis at);

  // Records and returns true when a message to `key` may go out at `now`; false otherwise.
  bool TryAcquire(std::string_view key, EpochMillis now);

  // Nothing to `key` before `until` (a 429 about one chat).
  void HoldKey(std::string_view key, EpochMillis until);
  // Nothing at all before `until` (a 429 for the whole bot or account).
  void HoldAll(EpochMillis until);

  // Keys remembered (tests; state is dropped once it no longer delays anything).
  std::size_t tracked_keys() const { return keys_.size(); }

 private:
  void Forget(EpochMillis now);

  PacerLimits limits_;
  std::map<std::string, EpochMillis, std::less<>> keys_;  // key -> earliest next send
  std::deque<EpochMillis> recent_;                        // the last `limit` sends, oldest first
  EpochMillis hold_all_until_ = 0;
  EpochMillis last_ = 0;
  std::size_t forget_at_ = 1024;
};

}  // namespace kvitka::channels
