#include "core/attempt_limit.h"

namespace kvitka {

void AttemptLimit::Expire(std::deque<EpochSeconds>& times, EpochSeconds now) const {
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
}

EpochSeconds AttemptLimit::RetryAfter(const std::string& key, EpochSeconds now) {
  auto it = attempts_.find(key);
  if (it == attempts_.end()) return 0;
  Expire(it->second, now);
  if (it->second.empty()) {
    attempts_.erase(it);
    return 0;
  }
  if (static_cast<int>(it->second.size()) < max_attempts_) return 0;
  // Allowed again when the oldest failure in the window leaves it.
  return it->second.front() + window_ - now;
}

void AttemptLimit::Record(const std::string& key, EpochSeconds now) {
  auto& times = attempts_[key];
  Expire(times, now);
  times.push_back(now);
  // Keep memory bounded: older entries beyond the limit add nothing.
  while (static_cast<int>(times.size()) > max_attempts_) times.pop_front();
  if (attempts_.size() > 100000) {
    for (auto it = attempts_.begin(); it != attempts_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? attempts_.erase(it) : std::next(it);
    }
  }
}

}  // namespace kvitka
