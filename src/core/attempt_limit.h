// Limits attempts per key (failed sign-ins per account or IP, online bookings per IP or phone)
// in a sliding window. Pure: the caller passes the time; the caller also guards it with a mutex
// when shared.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace kvitka {

class AttemptLimit {
 public:
  AttemptLimit(int max_attempts, EpochSeconds window_seconds)
      : max_attempts_(max_attempts), window_(window_seconds) {}

  // Seconds until `key` may try again; 0 when it may try now.
  EpochSeconds RetryAfter(const std::string& key, EpochSeconds now);
  void Record(const std::string& key, EpochSeconds now);
  void Forget(const std::string& key) { attempts_.erase(key); }

 private:
  void Expire(std::deque<EpochSeconds>& times, EpochSeconds now) const;

  int max_attempts_;
  EpochSeconds window_;
  std::unordered_map<std::string, std::deque<EpochSeconds>> attempts_;
};

}  // namespace kvitka
