#include "channels/pacer.h"

#include <algorithm>

namespace kvitka::channels {

Pacer::Pacer(PacerLimits limits) : limits_(limits) {}

EpochMillis Pacer::NextAllowed(std::string_view key, EpochMillis now) const {
  EpochMillis next = std::max(now, hold_all_until_);
  if (const auto it = keys_.find(key); it != keys_.end()) next = std::max(next, it->second);
  if (limits_.limit > 0 && recent_.size() >= static_cast<std::size_t>(limits_.limit)) {
    // The oldest of the last `limit` sends must have left the window.
    next = std::max(next, recent_.front() + limits_.window);
  }
  return next;
}

void Pacer::Record(std::string_view key, EpochMillis at) {
  at = std::max(at, last_);
  last_ = at;
  const EpochMillis next = at + limits_.key_interval;
  if (const auto it = keys_.find(key); it != keys_.end()) {
    it->second = std::max(it->second, next);
  } else {
    keys_.emplace(std::string(key), next);
  }
  if (limits_.limit > 0) {
    recent_.push_back(at);
    while (recent_.size() > static_cast<std::size_t>(limits_.limit)) recent_.pop_front();
  }
  if (keys_.size() >= forget_at_) Forget(at);
}

bool Pacer::TryAcquire(std::string_view key, EpochMillis now) {
  if (NextAllowed(key, now) > now) return false;
  Record(key, now);
  return true;
}

void Pacer::HoldKey(std::string_view key, EpochMillis until) {
  if (const auto it = keys_.find(key); it != keys_.end()) {
    it->second = std::max(it->second, until);
  } else {
    keys_.emplace(std::string(key), until);
  }
}

void Pacer::HoldAll(EpochMillis until) { hold_all_until_ = std::max(hold_all_until_, until); }

void Pacer::Forget(EpochMillis now) {
  std::erase_if(keys_, [now](const auto& entry) { return entry.second <= now; });
  // Amortised: the next clean-up waits until the map has doubled from what remains.
  forget_at_ = std::max<std::size_t>(1024, keys_.size() * 2);
}

}  // namespace kvitka::channels
