// The availability engine. Every interval list is prepared once (sorted, merged), then for each
// master the candidate starts of each working interval are swept in order with a moving pointer
// into that master's taken time, so a start costs O(1) amortized and the inner loop allocates
// nothing. Later services of a visit (and rooms) are checked by binary search; with any master
// per service the combinations are searched depth first, remembering dead ends.
#include "booking/domain/availability.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "booking/domain/timeline.h"

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kMinute = 60;
constexpr EpochSeconds kDay = 86400;
constexpr int kNone = -1;

struct Master {
  Id id = 0;
  int step_minutes = 15;
  Spans working;
  Spans taken;  // booked time minus the processing gaps inside it
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
  std::uint32_t choice = 0;  // index of its first Choice in `choices_`
};

// Who does a service of a found slot, and where.
struct Choice {
  std::int32_t master = kNone;
  std::int32_t room = kNone;
};

// What decides whether the services from the i-th on fit, with any master each, after the
// previous one ended: i, that instant, and for each earlier service of the visit whose master or
// room is still taken then, which ones until when (at most three of them are kept).
struct State {
  std::array<EpochSeconds, 8> values{};
  friend bool operator==(const State&, const State&) = default;
};

struct StateHash {
  std::size_t operator()(const State& state) const {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (EpochSeconds v : state.values) h = (h ^ static_cast<std::uint64_t>(v)) * 0x100000001b3ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
};

class Search {
 public:
  explicit Search(const AvailabilityRequest& request);
  std::vector<Slot> Run();

 private:
  void Sweep(int m);
  bool TryMaster(std::size_t i, int m, EpochSeconds previous_end);
  bool PlaceFrom(std::size_t i, EpochSeconds previous_end);
  bool MasterFree(std::size_t i) const;
  bool RoomHasPlace(std::size_t i, int r);
  std::pair<EpochSeconds, EpochSeconds> Gap(std::size_t i) const;
  std::optional<State> StateOf(std::size_t i, EpochSeconds previous_end) const;

  const AvailabilityRequest& request_;
  std::vector<Master> masters_;      // candidates in request order, without repeated ids
  std::vector<int> by_id_;           // master indices by staff id
  std::vector<RoomTimeline> rooms_;  // without repeated ids
  std::vector<Service> services_;
  EpochSeconds earliest_ = 0;  // starts lie in [earliest_, latest_]
  EpochSeconds latest_ = 0;
  std::vector<Placed> placed_;  // the visit being built, one per service
  std::vector<Found> found_;
  std::vector<Span> also_;       // the visit's earlier bookings of one room
  std::vector<Choice> choices_;  // of every found slot, one per service, back to back
  std::unordered_set<State, StateHash> dead_ends_;
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
    masters_.push_back(
        {c.staff_id, c.step_minutes, MergeSpans(c.working), MergeSpans(std::move(taken))});
  }
  std::sort(staff_index.begin(), staff_index.end());
  for (const auto& [id, m] : staff_index) by_id_.push_back(m);

  for (const RoomState& r : request.rooms) {
    if (std::none_of(rooms_.begin(), rooms_.end(),
                     [&r](const RoomTimeline& room) { return room.id() == r.room_id; })) {
      rooms_.emplace_back(r);
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
        if (rooms_[r].id() == id) service.rooms.push_back(static_cast<int>(r));
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
  // Each master's finds are in time order: merge the runs pairwise (stable, so the smaller staff
  // id comes first on a tie).
  std::vector<std::size_t> runs = {0};  // run k is [runs[k], runs[k + 1]) in found_
  for (int m : by_id_) {
    Sweep(m);
    if (found_.size() > runs.back()) runs.push_back(found_.size());
  }
  std::vector<Found> merged(found_.size());
  const auto earlier = [](const Found& a, const Found& b) { return a.start < b.start; };
  while (runs.size() > 2) {
    std::size_t kept = 1;
    for (std::size_t k = 0; k + 1 < runs.size(); k += 2) {
      const auto begin = found_.begin() + runs[k];
      const auto middle = found_.begin() + runs[k + 1];
      const std::size_t last = runs[std::min(k + 2, runs.size() - 1)];
      std::merge(begin, middle, middle, found_.begin() + last, merged.begin() + runs[k], earlier);
      runs[kept++] = last;
    }
    runs.resize(kept);
    found_.swap(merged);
  }
  const std::size_t n = services_.size();
  std::vector<Slot> slots(found_.size());
  for (std::size_t k = 0; k < slots.size(); ++k) {
    Slot& slot = slots[k];
    const Found& found = found_[k];
    slot.start = found.start;
    slot.staff_ids.resize(n);
    slot.room_ids.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      const Choice& c = choices_[found.choice + i];
      slot.staff_ids[i] = masters_[c.master].id;
      if (c.room != kNone) slot.room_ids[i] = rooms_[c.room].id();
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
  LocalGrid grid(request_.utc_offsets, master.step_minutes);
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
          for (const Placed& p : placed_) choices_.push_back({p.master, p.room});
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

// With any master per service the search branches: a dead end is remembered, so that other
// starts and first masters that reach the same state skip it.
bool Search::PlaceFrom(std::size_t i, EpochSeconds previous_end) {
  if (i == services_.size()) return true;
  if (request_.same_master) return TryMaster(i, placed_[0].master, previous_end);
  const std::optional<State> state = StateOf(i, previous_end);
  if (state && dead_ends_.contains(*state)) return false;
  for (int m = 0; m < static_cast<int>(masters_.size()); ++m) {
    if (TryMaster(i, m, previous_end)) return true;
  }
  if (state) dead_ends_.insert(*state);
  return false;
}

std::optional<State> Search::StateOf(std::size_t i, EpochSeconds previous_end) const {
  State state;
  state.values[0] = static_cast<EpochSeconds>(i);
  state.values[1] = previous_end;
  std::size_t k = 2;
  for (std::size_t j = 0; j < i; ++j) {
    if (placed_[j].until <= previous_end) continue;
    if (k == state.values.size()) return std::nullopt;
    state.values[k++] = (EpochSeconds{placed_[j].master} << 32) | (placed_[j].room + 1);
    state.values[k++] = placed_[j].until;
  }
  return state;
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
bool Search::RoomHasPlace(std::size_t i, int r) {
  also_.clear();
  for (std::size_t j = 0; j < i; ++j) {
    if (placed_[j].room == r) also_.push_back({placed_[j].start, placed_[j].until});
  }
  return rooms_[r].HasPlace(placed_[i].start, placed_[i].until, also_);
}

}  // namespace

std::vector<Slot> FindSlots(const AvailabilityRequest& request) { return Search(request).Run(); }

}  // namespace kvitka::booking
