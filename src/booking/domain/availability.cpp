// The availability engine. Every interval list is prepared once (sorted, merged), then for each
// master the candidate starts of each working interval are swept in order with a moving pointer
// into that master's taken time, so a start costs O(1) amortized and the inner loop allocates
// nothing. Later services of a visit (and rooms) are checked by binary search.
#include "booking/domain/availability.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kMinute = 60;
constexpr EpochSeconds kDay = 86400;
constexpr EpochSeconds kNever = std::numeric_limits<EpochSeconds>::max();
constexpr int kNone = -1;

using Spans = std::vector<Span>;  // sorted, disjoint, none touching another

EpochSeconds FloorDiv(EpochSeconds a, EpochSeconds b) { return a / b - (a % b < 0 ? 1 : 0); }

// Sorts the spans and merges those that overlap or touch; empty ones are dropped.
Spans Merge(Spans spans) {
  std::erase_if(spans, [](const Span& s) { return s.end <= s.start; });
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.start < b.start; });
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

// Index of the first span that ends after `t`.
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

// Starts on multiples of a step counted from local midnight, by the local clock in force at the
// start itself: "10:00" is 10:00 local on both sides of a daylight-saving change, and during the
// hour that repeats in autumn both instants that read an aligned time are starts.
class LocalGrid {
 public:
  LocalGrid(const std::vector<std::pair<EpochSeconds, int>>& offsets, int step_minutes)
      : offsets_(offsets), step_(std::max(step_minutes, 1) * kMinute) {}

  // The first start at or after `t`.
  EpochSeconds NextFrom(EpochSeconds t) const {
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
      if (next < change) return next;
      t = change;  // the next aligned time falls under another offset: look again from there
    }
  }

 private:
  const std::vector<std::pair<EpochSeconds, int>>& offsets_;
  EpochSeconds step_;
};

struct Master {
  Id id = 0;
  int step_minutes = 15;
  Spans working;
  Spans taken;  // booked time minus the processing gaps inside it
};

struct Load {
  Span span;
  int count = 0;
};

struct Room {
  Id id = 0;
  int capacity = 1;
  Spans full;               // closed or at capacity
  std::vector<Load> loads;  // bookings at a time, where there are any; sorted
};

struct Service {
  std::vector<EpochSeconds> duration;  // per master index; 0: the master cannot do it
  EpochSeconds buffer = 0;
  EpochSeconds gap_from = 0;  // processing gap, relative to the start; none when empty
  EpochSeconds gap_to = 0;
  bool needs_room = false;
  std::vector<int> rooms;  // indices into the rooms, in preference order
};

// One service of the visit being built: who, where, and [start, end) plus the buffer to `until`.
struct Placed {
  int master = kNone;
  int room = kNone;
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  EpochSeconds until = 0;
};

struct Found {
  EpochSeconds start = 0;
  std::uint32_t choice = 0;  // index of its first Placed in `choices_`
};

Room PrepareRoom(const RoomState& state) {
  Room room{state.room_id, state.capacity, {}, {}};
  std::vector<std::pair<EpochSeconds, int>> events;
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
      room.loads.push_back({{at, events[i].first}, count});
      if (count >= room.capacity) full.push_back({at, events[i].first});
    }
  }
  if (room.capacity <= 0) full.push_back({std::numeric_limits<EpochSeconds>::min(), kNever});
  room.full = Merge(std::move(full));
  return room;
}

int LoadAt(const Room& room, EpochSeconds t) {
  const auto it = std::partition_point(room.loads.begin(), room.loads.end(),
                                       [t](const Load& l) { return l.span.end <= t; });
  return it != room.loads.end() && it->span.start <= t ? it->count : 0;
}

class Search {
 public:
  explicit Search(const AvailabilityRequest& request);
  std::vector<Slot> Run();

 private:
  void Sweep(int m);
  bool TryMaster(std::size_t i, int m, EpochSeconds previous_end);
  bool PlaceFrom(std::size_t i, EpochSeconds previous_end);
  bool MasterFree(std::size_t i) const;
  bool RoomHasPlace(std::size_t i, int r) const;
  std::pair<EpochSeconds, EpochSeconds> Gap(std::size_t i) const;

  const AvailabilityRequest& request_;
  std::vector<Master> masters_;  // candidates in request order, without repeated ids
  std::vector<int> by_id_;       // master indices by staff id
  std::vector<Room> rooms_;      // without repeated ids
  std::vector<Service> services_;
  EpochSeconds earliest_ = 0;  // starts lie in [earliest_, latest_]
  EpochSeconds latest_ = 0;
  std::vector<Placed> placed_;  // the visit being built, one per service
  std::vector<Found> found_;
  std::vector<Placed> choices_;  // placed_ of every found slot, back to back
};

Search::Search(const AvailabilityRequest& request) : request_(request) {
  std::vector<std::pair<Id, int>> staff_index;
  for (const Candidate& c : request.candidates) {
    if (std::any_of(masters_.begin(), masters_.end(),
                    [&c](const Master& m) { return m.id == c.staff_id; })) {
      continue;
    }
    Spans taken;
    taken.reserve(c.busy.size() + 8);
    for (const Busy& b : c.busy) {
      if (!b.free_inside) {
        taken.push_back(b.span);
        continue;
      }
      const EpochSeconds gap_from = std::clamp(b.free_inside->start, b.span.start, b.span.end);
      const EpochSeconds gap_to = std::clamp(b.free_inside->end, gap_from, b.span.end);
      taken.push_back({b.span.start, gap_from});
      taken.push_back({gap_to, b.span.end});
    }
    staff_index.emplace_back(c.staff_id, static_cast<int>(masters_.size()));
    masters_.push_back({c.staff_id, c.step_minutes, Merge(c.working), Merge(std::move(taken))});
  }
  std::sort(staff_index.begin(), staff_index.end());
  for (const auto& [id, m] : staff_index) by_id_.push_back(m);

  for (const RoomState& r : request.rooms) {
    if (std::none_of(rooms_.begin(), rooms_.end(),
                     [&r](const Room& room) { return room.id == r.room_id; })) {
      rooms_.push_back(PrepareRoom(r));
    }
  }
  for (const ServiceNeed& need : request.services) {
    Service service;
    service.duration.assign(masters_.size(), 0);
    for (auto it = need.duration_by_staff.rbegin(); it != need.duration_by_staff.rend(); ++it) {
      const auto m = std::lower_bound(staff_index.begin(), staff_index.end(),
                                      std::pair<Id, int>{it->first, -1});
      if (m != staff_index.end() && m->first == it->first) {
        service.duration[m->second] = std::max(it->second, 0) * kMinute;  // the first entry wins
      }
    }
    service.buffer = std::max(need.buffer_after, 0) * kMinute;
    if (need.processing && need.processing->second > 0) {
      service.gap_from = need.processing->first * kMinute;
      service.gap_to = service.gap_from + need.processing->second * kMinute;
    }
    service.needs_room = !need.room_ids.empty();
    for (Id id : need.room_ids) {
      for (std::size_t r = 0; r < rooms_.size(); ++r) {
        if (rooms_[r].id == id) service.rooms.push_back(static_cast<int>(r));
      }
    }
    services_.push_back(std::move(service));
  }
  earliest_ = std::max(request.from, request.now + request.lead_minutes * kMinute);
  latest_ = std::min(request.to - 1, request.now + request.horizon_days * kDay);
  placed_.resize(services_.size());
}

std::vector<Slot> Search::Run() {
  if (services_.empty() || masters_.empty() || earliest_ > latest_) return {};
  std::vector<std::size_t> runs = {0};  // each master's finds are sorted: merge the runs
  for (int m : by_id_) {
    Sweep(m);
    if (found_.size() != runs.back()) runs.push_back(found_.size());
  }
  const auto before = [](const Found& a, const Found& b) { return a.start < b.start; };
  for (std::size_t width = 1; width + 1 < runs.size(); width *= 2) {
    for (std::size_t i = 0; i + width < runs.size() - 1; i += 2 * width) {
      const std::size_t last = std::min(i + 2 * width, runs.size() - 1);
      std::inplace_merge(found_.begin() + runs[i], found_.begin() + runs[i + width],
                         found_.begin() + runs[last], before);
    }
  }
  const std::size_t n = services_.size();
  std::vector<Slot> slots(found_.size());
  for (std::size_t k = 0; k < found_.size(); ++k) {
    Slot& slot = slots[k];
    slot.start = found_[k].start;
    slot.staff_ids.resize(n);
    slot.room_ids.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Placed& p = choices_[found_[k].choice + i];
      slot.staff_ids[i] = masters_[p.master].id;
      if (p.room != kNone) slot.room_ids[i] = rooms_[p.room].id;
    }
  }
  return slots;
}

// Every start of master `m` for the first service, in time order.
void Search::Sweep(int m) {
  const Master& master = masters_[m];
  const Service& first = services_[0];
  const EpochSeconds duration = first.duration[m];
  if (duration == 0) return;
  if (request_.same_master && std::any_of(services_.begin(), services_.end(),
                                          [m](const auto& s) { return s.duration[m] == 0; })) {
    return;
  }
  const EpochSeconds length = duration + first.buffer;
  // The master's time the first service takes, relative to its start: one or two pieces.
  Span pieces[2] = {{0, length}, {0, 0}};
  const EpochSeconds gap_from = std::clamp(first.gap_from, EpochSeconds{0}, duration);
  const EpochSeconds gap_to = std::clamp(first.gap_to, gap_from, duration);
  if (gap_to > gap_from) {
    pieces[0] = {0, gap_from};
    pieces[1] = {gap_to, length};
  }
  const Spans& taken = master.taken;
  const LocalGrid grid(request_.utc_offsets, master.step_minutes);
  for (const Span& w : master.working) {
    if (w.end <= earliest_) continue;
    if (w.start > latest_) break;
    const EpochSeconds last = std::min(w.end - length, latest_);
    EpochSeconds start = grid.NextFrom(std::max(w.start, earliest_));
    std::size_t at[2] = {FirstEndingAfter(taken, start + pieces[0].start),
                         FirstEndingAfter(taken, start + pieces[1].start)};
    while (start <= last) {
      EpochSeconds resume = start;  // on a conflict: the earliest start that may clear it
      for (int k = 0; k < 2; ++k) {
        if (pieces[k].end <= pieces[k].start) continue;
        const EpochSeconds from = start + pieces[k].start;
        while (at[k] < taken.size() && taken[at[k]].end <= from) ++at[k];
        if (at[k] < taken.size() && taken[at[k]].start < start + pieces[k].end) {
          resume = std::max(resume, taken[at[k]].end - pieces[k].start);
        }
      }
      if (resume == start) {
        if (TryMaster(0, m, start)) {
          found_.push_back({start, static_cast<std::uint32_t>(choices_.size())});
          choices_.insert(choices_.end(), placed_.begin(), placed_.end());
        }
        resume = start + 1;
      }
      start = grid.NextFrom(resume);
    }
  }
}

// Places service `i` with master `m` after the previous service ended, then the rest of the
// visit; the first combination (masters in request order, then rooms in the service's order)
// that fits wins. The first service's master was checked by the sweep.
bool Search::TryMaster(std::size_t i, int m, EpochSeconds previous_end) {
  const Service& service = services_[i];
  if (service.duration[m] == 0) return false;
  // Back to back: right at the previous end, unless this master is still taken (with the
  // buffer) by an earlier service of the same visit.
  EpochSeconds start = previous_end;
  for (std::size_t j = 0; j < i; ++j) {
    if (placed_[j].master == m) start = std::max(start, placed_[j].until);
  }
  const EpochSeconds end = start + service.duration[m];
  placed_[i] = {m, kNone, start, end, end + service.buffer};
  if (i > 0 && !MasterFree(i)) return false;
  if (!service.needs_room) return PlaceFrom(i + 1, end);
  for (int r : service.rooms) {
    if (!RoomHasPlace(i, r)) continue;
    placed_[i].room = r;
    if (PlaceFrom(i + 1, end)) return true;
  }
  return false;
}

bool Search::PlaceFrom(std::size_t i, EpochSeconds previous_end) {
  if (i == services_.size()) return true;
  if (request_.same_master) return TryMaster(i, placed_[0].master, previous_end);
  for (int m = 0; m < static_cast<int>(masters_.size()); ++m) {
    if (TryMaster(i, m, previous_end)) return true;
  }
  return false;
}

std::pair<EpochSeconds, EpochSeconds> Search::Gap(std::size_t i) const {
  const Placed& p = placed_[i];
  const Service& service = services_[i];
  const EpochSeconds duration = p.end - p.start;
  const EpochSeconds from = std::clamp(service.gap_from, EpochSeconds{0}, duration);
  return {p.start + from, p.start + std::clamp(service.gap_to, from, duration)};
}

bool Search::MasterFree(std::size_t i) const {
  const Placed& p = placed_[i];
  const Master& master = masters_[p.master];
  if (!Covers(master.working, p.start, p.until)) return false;
  const auto [gap_from, gap_to] = Gap(i);
  if (gap_to <= gap_from) return !Overlaps(master.taken, p.start, p.until);
  return !Overlaps(master.taken, p.start, gap_from) && !Overlaps(master.taken, gap_to, p.until);
}

// Whether room `r` has a place for service `i` (with its buffer; the room stays taken during a
// processing gap) next to what is booked and what earlier services of this visit took there.
bool Search::RoomHasPlace(std::size_t i, int r) const {
  const Room& room = rooms_[r];
  const EpochSeconds from = placed_[i].start;
  const EpochSeconds to = placed_[i].until;
  if (Overlaps(room.full, from, to)) return false;
  bool shared = false;
  for (std::size_t j = 0; j < i; ++j) {
    shared |= placed_[j].room == r && placed_[j].start < to && placed_[j].until > from;
  }
  if (!shared) return true;
  // The count only changes at the edges of bookings: check `from` and every edge inside.
  const auto fits = [&](EpochSeconds t) {
    if (t < from || t >= to) return true;
    int count = LoadAt(room, t) + 1;
    for (std::size_t j = 0; j < i; ++j) {
      count += placed_[j].room == r && placed_[j].start <= t && t < placed_[j].until ? 1 : 0;
    }
    return count <= room.capacity;
  };
  if (!fits(from)) return false;
  for (const Load& l : room.loads) {
    if (!fits(l.span.start) || !fits(l.span.end)) return false;
  }
  for (std::size_t j = 0; j < i; ++j) {
    if (placed_[j].room == r && (!fits(placed_[j].start) || !fits(placed_[j].until))) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<Slot> FindSlots(const AvailabilityRequest& request) { return Search(request).Run(); }

}  // namespace kvitka::booking
