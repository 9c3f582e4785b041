// Building blocks of the availability engine: sorted disjoint spans, the grid of start times on
// the local clock, and how full a room is over time.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "booking/domain/availability.h"

namespace kvitka::booking {

using Spans = std::vector<Span>;  // sorted, disjoint, none touching another

// Sorts the spans and merges those that overlap or touch; empty ones are dropped.
Spans MergeSpans(Spans spans);

// Index of the first span that ends after `t`.
std::size_t FirstEndingAfter(const Spans& spans, EpochSeconds t);

// Whether [start, end) shares any instant with the spans.
bool Overlaps(const Spans& spans, EpochSeconds start, EpochSeconds end);

// Whether one span holds all of [start, end).
bool Covers(const Spans& spans, EpochSeconds start, EpochSeconds end);

// Starts on multiples of a step counted from local midnight, by the local clock in force at the
// start itself: "10:00" is 10:00 local on both sides of a daylight-saving change, and during the
// hour that repeats in autumn both instants that read an aligned time are starts. Asked for
// ascending times, it steps by addition within one local day and offset (no division).
class LocalGrid {
 public:
  // `offsets`: minutes east of UTC from each instant on, sorted (it must outlive the grid); the
  // first one also holds before its instant; none means UTC. A step under a minute counts as one.
  LocalGrid(const std::vector<std::pair<EpochSeconds, int>>& offsets, int step_minutes);

  // The first start at or after `t`.
  EpochSeconds NextFrom(EpochSeconds t) {
    if (t > last_ && t < limit_) {
      const EpochSeconds ahead = t - last_;
      const EpochSeconds next =
          last_ + (ahead <= step_ ? step_ : (ahead + step_ - 1) / step_ * step_);
      if (next < limit_) return last_ = next;
    }
    return Lookup(t);
  }

 private:
  EpochSeconds Lookup(EpochSeconds t);

  const std::vector<std::pair<EpochSeconds, int>>& offsets_;
  EpochSeconds step_;
  EpochSeconds last_;   // the last start returned; stepping from it is valid before `limit_`
  EpochSeconds limit_;  // the next local midnight or offset change
};

// A room's bookings as a step function, and where it cannot take one more.
class RoomTimeline {
 public:
  explicit RoomTimeline(const RoomState& state);

  Id id() const { return id_; }

  // Whether the room takes one more booking for all of [from, to), next to its bookings and
  // `also` (other bookings not yet stored, any order).
  bool HasPlace(EpochSeconds from, EpochSeconds to, const std::vector<Span>& also) const;

 private:
  int LoadAt(EpochSeconds t) const;

  struct Load {
    Span span;
    int count = 0;
  };

  Id id_;
  int capacity_;
  Spans full_;               // closed or at capacity
  std::vector<Load> loads_;  // where the room holds any booking, sorted
};

}  // namespace kvitka::booking
