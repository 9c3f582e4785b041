#include "booking/app/journal_cache.h"

#include <chrono>

namespace kvitka::booking {

namespace {

// A builder that takes longer than this (a stuck database) no longer holds the others back.
constexpr auto kLongestWait = std::chrono::seconds(5);

}  // namespace

std::optional<JournalCache::Hit> JournalCache::FindOrClaim(const std::string& key,
                                                           std::int64_t stamp) {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + kLongestWait;
  for (;;) {
    if (auto found = by_key_.find(key); found != by_key_.end()) {
      const auto entry = found->second;
      if (entry->stamp >= stamp) {
        recent_.splice(recent_.begin(), recent_, entry);
        return Hit{entry->text, entry->stamp};
      }
      bytes_ -= Cost(*entry);  // out of date for good: stamps only grow
      recent_.erase(entry);
      by_key_.erase(found);
    }
    const auto building = building_.find(key);
    if (building == building_.end() || building->second < stamp) {
      building_[key] = stamp;
      return std::nullopt;
    }
    if (built_.wait_until(lock, deadline) == std::cv_status::timeout) return std::nullopt;
  }
}

void JournalCache::Store(const std::string& key, std::int64_t stamp,
                         std::shared_ptr<const std::string> text) {
  {
    std::lock_guard lock(mutex_);
    EndClaim(key, stamp);
    Entry fresh{key, stamp, std::move(text)};
    const std::size_t cost = Cost(fresh);
    if (auto found = by_key_.find(key); found != by_key_.end()) {
      const auto entry = found->second;
      if (entry->stamp >= stamp) {
        built_.notify_all();
        return;
      }
      bytes_ -= Cost(*entry);
      recent_.erase(entry);
      by_key_.erase(found);
    }
    if (cost <= max_bytes_ / 8) {
      recent_.push_front(std::move(fresh));
      by_key_[key] = recent_.begin();
      bytes_ += cost;
      while (bytes_ > max_bytes_ && !recent_.empty()) {
        bytes_ -= Cost(recent_.back());
        by_key_.erase(recent_.back().key);
        recent_.pop_back();
      }
    }
  }
  built_.notify_all();
}

void JournalCache::Abandon(const std::string& key, std::int64_t stamp) {
  {
    std::lock_guard lock(mutex_);
    EndClaim(key, stamp);
  }
  built_.notify_all();
}

void JournalCache::EndClaim(const std::string& key, std::int64_t stamp) {
  if (auto building = building_.find(key);
      building != building_.end() && building->second == stamp) {
    building_.erase(building);
  }
}

std::size_t JournalCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t JournalCache::size() const {
  std::lock_guard lock(mutex_);
  return recent_.size();
}

}  // namespace kvitka::booking
