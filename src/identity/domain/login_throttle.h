// Limits failed sign-in attempts per key (an account, an IP) in a sliding window. Pure: the
// caller passes the time; the caller also guards it with a mutex when shared.
#pragma once

#include <deque>
#include <string>
#include <unordered_map>

#include "core/clock.h"

namespace kvitka::identity {

class LoginThrottle {
 public:
  LoginThrottle(int max_failures, EpochSeconds window_seconds)
      : max_failures_(max_failures), window_(window_seconds) {}

  // Seconds until `key` may try again; 0 when it may try now.
  EpochSeconds RetryAfter(const std::string& key, EpochSeconds now);
  void RecordFailure(const std::string& key, EpochSeconds now);
  void Forget(const std::string& key) { failures_.erase(key); }

 private:
  void Expire(std::deque<EpochSeconds>& times, EpochSeconds now) const;

  int max_failures_;
  EpochSeconds window_;
  std::unordered_map<std::string, std::deque<EpochSeconds>> failures_;
};

}  // namespace kvitka::identity
