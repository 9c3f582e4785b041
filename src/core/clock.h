// Clock: the current instant, injectable so that rules depending on time are testable.
#pragma once

#include <chrono>
#include <cstdint>

namespace kvitka {

// Seconds since the Unix epoch, UTC.
using EpochSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochSeconds Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  EpochSeconds Now() const override {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

// The system clock shifted by a fixed number of seconds: `kvitka serve --now` runs as if it were
// another moment (operations, tests), time still passing from there.
class ShiftedClock final : public Clock {
 public:
  explicit ShiftedClock(EpochSeconds shift = 0) : shift_(shift) {}
  EpochSeconds Now() const override { return SystemClock().Now() + shift_; }

 private:
  EpochSeconds shift_;
};

// A clock that tests set and advance by hand.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochSeconds now) : now_(now) {}
  EpochSeconds Now() const override { return now_; }
  void Set(EpochSeconds now) { now_ = now; }
  void Advance(EpochSeconds seconds) { now_ += seconds; }

 private:
  EpochSeconds now_;
};

}  // namespace kvitka
