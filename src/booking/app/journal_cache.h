// Rendered journals kept in memory, each with the organization's journal stamp read before its
// data (see JournalService::Rendered). Thread-safe. Past the byte budget the least recently used
// entries go first. When several threads miss the same entry at once, one builds it and the
// others wait for it instead of building it again (a change makes every open journal reload).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace kvitka::booking {

class JournalCache {
 public:
  struct Hit {
    std::shared_ptr<const std::string> text;
    std::int64_t stamp = 0;  // the entry's (at least the one asked for)
  };

  explicit JournalCache(std::size_t max_bytes = std::size_t{64} << 20) : max_bytes_(max_bytes) {}

  // The text under `key` built at `stamp` or later. On a miss, the caller must build it and
  // Store it, or Abandon the key when it cannot (another thread building the same key at the
  // same or a later stamp is waited for first).
  std::optional<Hit> FindOrClaim(const std::string& key, std::int64_t stamp);
  // Keeps the text built at `stamp` (an entry of a later stamp stays) and ends the claim.
  void Store(const std::string& key, std::int64_t stamp, std::shared_ptr<const std::string> text);
  // Ends the claim of `key` at `stamp` without an entry (the build failed or was refused).
  void Abandon(const std::string& key, std::int64_t stamp);

  std::size_t bytes() const;
  std::size_t size() const;

 private:
  struct Entry {
    std::string key;
    std::int64_t stamp = 0;
    std::shared_ptr<const std::string> text;
  };
  static std::size_t Cost(const Entry& e) { return e.key.size() + e.text->size() + 128; }
  void EndClaim(const std::string& key, std::int64_t stamp);

  const std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::condition_variable built_;
  std::list<Entry> recent_;  // most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> by_key_;
  std::unordered_map<std::string, std::int64_t> building_;  // key -> stamp being built
  std::size_t bytes_ = 0;
};

}  // namespace kvitka::booking
