#include "booking/domain/timeline.h"

#include <algorithm>
#include <limits>

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kMinute = 60;
constexpr EpochSeconds kDay = 86400;
constexpr EpochSeconds kNever = std::numeric_limits<EpochSeconds>::max();

EpochSeconds FloorDiv(EpochSeconds a, EpochSeconds b) { return a / b - (a % b < 0 ? 1 : 0); }

}  // namespace

Spans MergeSpans(Spans spans) {
  std::erase_if(spans, [](const Span& s) { return s.end <= s.start; });
  const auto earlier = [](const Span& a, const Span& b) { return a.start < b.start; };
  if (!std::is_sorted(spans.begin(), spans.end(), earlier)) {
    std::sort(spans.begin(), spans.end(), earlier);
  }
  std::size_t n = 0;
  for (const Span& s : spans) {
    if (n > 0 && s.start <= spans[n - 1].end) {
      spans[n - 1].end = std::max(spans[n - 1].end, s.end);
    } else {
      spans[n++] = s;
    }
  }
  spans.resize(n);
  return spans;
}

std::size_t FirstEndingAfter(const Spans& spans, EpochSeconds t) {
  return static_cast<std::size_t>(
      std::partition_point(spans.begin(), spans.end(), [t](const Span& s) { return s.end <= t; }) -
      spans.begin());
}

bool Overlaps(const Spans& spans, EpochSeconds start, EpochSeconds end) {
  if (end <= start) return false;
  const std::size_t i = FirstEndingAfter(spans, start);
  return i < spans.size() && spans[i].start < end;
}

bool Covers(const Spans& spans, EpochSeconds start, EpochSeconds end) {
  const std::size_t i = FirstEndingAfter(spans, start);
  return i < spans.size() && spans[i].start <= start && spans[i].end >= end;
}

LocalGrid::LocalGrid(const std::vector<std::pair<EpochSeconds, int>>& offsets, int step_minutes)
    : offsets_(offsets),
      step_(std::max(step_minutes, 1) * kMinute),
      last_(kNever),
      limit_(kNever) {}

EpochSeconds LocalGrid::Lookup(EpochSeconds t) {
  for (;;) {
    const auto after = std::upper_bound(
        offsets_.begin(), offsets_.end(), t,
        [](EpochSeconds v, const std::pair<EpochSeconds, int>& o) { return v < o.first; });
    int offset_minutes = 0;
    if (after != offsets_.begin()) {
      offset_minutes = std::prev(after)->second;
    } else if (!offsets_.empty()) {
      offset_minutes = offsets_.front().second;
    }
    const EpochSeconds change = after == offsets_.end() ? kNever : after->first;
    const EpochSeconds offset = offset_minutes * kMinute;
    const EpochSeconds local = t + offset;
    const EpochSeconds midnight = FloorDiv(local, kDay) * kDay;
    const EpochSeconds next_local =
        std::min(midnight + (local - midnight + step_ - 1) / step_ * step_, midnight + kDay);
    const EpochSeconds next = next_local - offset;
    if (next < change) {
      last_ = next;
      limit_ = std::min(change, FloorDiv(next_local, kDay) * kDay + kDay - offset);
      return next;
    }
    t = change;  // the next aligned time falls under another offset: look again from there
  }
}

RoomTimeline::RoomTimeline(const RoomState& state) : id_(state.room_id), capacity_(state.capacity) {
  std::vector<std::pair<EpochSeconds, int>> events;  // +1 where a booking starts, -1 at its end
  events.reserve(state.busy.size() * 2);
  for (const Span& s : state.busy) {
    if (s.end <= s.start) continue;
    events.emplace_back(s.start, 1);
    events.emplace_back(s.end, -1);
  }
  std::sort(events.begin(), events.end());
  Spans full = state.closed;
  int count = 0;
  for (std::size_t i = 0; i < events.size();) {
    const EpochSeconds at = events[i].first;
    for (; i < events.size() && events[i].first == at; ++i) count += events[i].second;
    if (count > 0 && i < events.size()) {
      loads_.push_back({{at, events[i].first}, count});
      if (count >= capacity_) full.push_back({at, events[i].first});
    }
  }
  if (capacity_ <= 0) full.push_back({std::numeric_limits<EpochSeconds>::min(), kNever});
  full_ = MergeSpans(std::move(full));
}

int RoomTimeline::LoadAt(EpochSeconds t) const {
  const auto it = std::partition_point(loads_.begin(), loads_.end(),
                                       [t](const Load& l) { return l.span.end <= t; });
  return it != loads_.end() && it->span.start <= t ? it->count : 0;
}

bool RoomTimeline::HasPlace(EpochSeconds from, EpochSeconds to,
                            const std::vector<Span>& also) const {
  if (Overlaps(full_, from, to)) return false;
  if (std::none_of(also.begin(), also.end(),
                   [&](const Span& s) { return s.start < to && s.end > from; })) {
    return true;
  }
  // The count only changes at the edges of bookings: check `from` and every edge inside.
  const auto fits = [&](EpochSeconds t) {
    if (t < from || t >= to) return true;
    int count = LoadAt(t) + 1;
    for (const Span& s : also) count += s.start <= t && t < s.end ? 1 : 0;
    return count <= capacity_;
  };
  if (!fits(from)) return false;
  for (const Load& l : loads_) {
    if (!fits(l.span.start) || !fits(l.span.end)) return false;
  }
  return std::all_of(also.begin(), also.end(),
                     [&](const Span& s) { return fits(s.start) && fits(s.end); });
}

}  // namespace kvitka::booking
