#include "identity/domain/login_throttle.h"

namespace kvitka::identity {

void LoginThrottle::Expire(std::deque<EpochSeconds>& times, EpochSeconds now) const {
  while (!times.empty() && times.front() <= now - window_) times.pop_front();
}

EpochSeconds LoginThrottle::RetryAfter(const std::string& key, EpochSeconds now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  Expire(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return 0;
  }
  if (static_cast<int>(it->second.size()) < max_failures_) return 0;
  // Allowed again when the oldest failure in the window leaves it.
  return it->second.front() + window_ - now;
}

void LoginThrottle::RecordFailure(const std::string& key, EpochSeconds now) {
  auto& times = failures_[key];
  Expire(times, now);
  times.push_back(now);
  // Keep memory bounded: older entries beyond the limit add nothing.
  while (static_cast<int>(times.size()) > max_failures_) times.pop_front();
  if (failures_.size() > 100000) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      Expire(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
}

}  // namespace kvitka::identity
