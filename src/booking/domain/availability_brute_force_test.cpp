// The engine against a brute force that tries every minute, every combination of masters and
// rooms in preference order, and checks every minute of every service, on random branches.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "booking/domain/availability.h"

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kDay0 = 1780272000;  // 2026-06-01T00:00:00Z

bool Holds(Span span, const std::optional<Span>& gap, EpochSeconds t) {
  return span.start <= t && t < span.end && !(gap && gap->start <= t && t < gap->end);
}

class BruteForce {
 public:
  explicit BruteForce(const AvailabilityRequest& r) : r_(r), picks_(r.services.size()) {}

  std::vector<Slot> Run() {
    std::vector<Slot> out;
    const EpochSeconds lo = std::max(r_.from, r_.now + r_.lead_minutes * 60);
    const EpochSeconds hi = std::min(r_.to - 1, r_.now + r_.horizon_days * 86400);
    std::vector<const Candidate*> by_id;
    for (const Candidate& c : r_.candidates) by_id.push_back(&c);
    std::sort(by_id.begin(), by_id.end(),
              [](const Candidate* a, const Candidate* b) { return a->staff_id < b->staff_id; });
    for (EpochSeconds s = lo; s <= hi; s += 60) {
      for (const Candidate* c : by_id) {
        int offset = r_.utc_offsets[0].second;
        for (const auto& [from, minutes] : r_.utc_offsets) offset = from <= s ? minutes : offset;
        const EpochSeconds local = s + offset * 60;
        if (local % 86400 % (c->step_minutes * 60) != 0) continue;
        if (!Place(0, c, s)) continue;
        Slot slot{s, {}, {}};
        for (const Pick& p : picks_) {
          slot.staff_ids.push_back(p.master->staff_id);
          slot.room_ids.push_back(p.room);
        }
        out.push_back(slot);
      }
    }
    return out;
  }

 private:
  struct Pick {
    const Candidate* master = nullptr;
    std::optional<Id> room;
    EpochSeconds start = 0, end = 0, until = 0;
  };

  bool Place(std::size_t i, const Candidate* first, EpochSeconds previous_end) {
    if (i == r_.services.size()) return true;
    std::vector<const Candidate*> masters;
    for (const Candidate& c : r_.candidates) masters.push_back(&c);
    if (i == 0 || r_.same_master) masters = {first};
    const ServiceNeed& need = r_.services[i];
    for (const Candidate* m : masters) {
      const auto d = std::find_if(need.duration_by_staff.begin(), need.duration_by_staff.end(),
                                  [m](const auto& p) { return p.first == m->staff_id; });
      if (d == need.duration_by_staff.end() || d->second <= 0) continue;
      Pick& p = picks_[i];
      p = {m, std::nullopt, previous_end, 0, 0};
      for (std::size_t j = 0; j < i; ++j) {
        if (picks_[j].master == m) p.start = std::max(p.start, picks_[j].until);
      }
      p.end = p.start + d->second * 60;
      p.until = p.end + need.buffer_after * 60;
      if (!MasterFits(i, need)) continue;
      std::vector<std::optional<Id>> rooms(need.room_ids.begin(), need.room_ids.end());
      if (rooms.empty()) rooms.push_back(std::nullopt);
      for (const auto& room : rooms) {
        picks_[i].room = room;
        if ((!room || RoomFits(i, *room)) && Place(i + 1, first, picks_[i].end)) return true;
      }
    }
    return false;
  }

  bool MasterFits(std::size_t i, const ServiceNeed& need) const {
    const Pick& p = picks_[i];
    if (std::none_of(p.master->working.begin(), p.master->working.end(),
                     [&](Span w) { return w.start <= p.start && p.until <= w.end; })) {
      return false;
    }
    std::optional<Span> gap;
    if (need.processing) {
      const EpochSeconds from = std::min(p.start + need.processing->first * 60, p.end);
      gap = Span{from, std::min(from + need.processing->second * 60, p.end)};
    }
    for (EpochSeconds t = p.start; t < p.until; t += 60) {
      if (!Holds({p.start, p.until}, gap, t)) continue;
      for (const Busy& b : p.master->busy) {
        if (Holds(b.span, b.free_inside, t)) return false;
      }
    }
    return true;
  }

  bool RoomFits(std::size_t i, Id id) const {
    const auto room = std::find_if(r_.rooms.begin(), r_.rooms.end(),
                                   [id](const RoomState& s) { return s.room_id == id; });
    if (room == r_.rooms.end()) return false;
    for (EpochSeconds t = picks_[i].start; t < picks_[i].until; t += 60) {
      int count = 1;
      for (const Span& b : room->busy) count += Holds(b, {}, t);
      for (std::size_t j = 0; j < i; ++j) {
        count += picks_[j].room == id && Holds({picks_[j].start, picks_[j].until}, {}, t);
      }
      for (const Span& c : room->closed) count += Holds(c, {}, t) ? 1000 : 0;
      if (count > room->capacity) return false;
    }
    return true;
  }

  const AvailabilityRequest& r_;
  std::vector<Pick> picks_;
};

TEST(FindSlots, AgreesWithBruteForce) {
  std::mt19937 random(20260601);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution(lo, hi)(random); };
  const auto at = [&](int lo_hour, int hi_hour) {
    return kDay0 + pick(lo_hour * 12, hi_hour * 12) * 300;
  };
  std::size_t slots = 0;
  std::size_t multi = 0;
  for (int round = 0; round < 400; ++round) {
    AvailabilityRequest request;
    const int masters = pick(1, 4);
    for (Id id = 1; id <= masters; ++id) {
      Candidate c{std::vector<Id>{30, 10, 40, 20}[id - 1],
                  {},
                  {},
                  std::vector<int>{5, 15, 20, 25, 30, 60}[pick(0, 5)]};
      c.working = {{at(6, 9), kDay0 + 12 * 3600 + pick(0, 3) * 900},
                   {kDay0 + 13 * 3600, at(16, 22)}};
      for (int k = pick(0, 5); k > 0; --k) {
        const EpochSeconds start = at(7, 21);
        Busy b{{start, start + pick(2, 24) * 300}, {}};
        if (pick(0, 3) == 0) b.free_inside = Span{start + 1800, start + 1800 + pick(1, 8) * 300};
        c.busy.push_back(b);
      }
      request.candidates.push_back(c);
    }
    const int rooms = pick(0, 3);
    for (Id room = 1; room <= rooms; ++room) {
      RoomState state{room, pick(0, 5) == 0 ? 0 : pick(1, 2), {}, {}};
      for (int k = pick(0, 4); k > 0; --k) {
        const EpochSeconds start = at(8, 20);
        state.busy.push_back({start, start + pick(2, 24) * 300});
      }
      if (pick(0, 2) == 0) state.closed.push_back({at(9, 20), at(10, 21)});
      request.rooms.push_back(state);
    }
    for (int s = pick(1, 3); s > 0; --s) {
      ServiceNeed need;
      for (const Candidate& c : request.candidates) {
        if (pick(0, 4) > 0) need.duration_by_staff.emplace_back(c.staff_id, pick(1, 12) * 10);
      }
      need.buffer_after = pick(0, 2) * 10;
      if (pick(0, 2) == 0) need.processing = std::pair{pick(0, 4) * 10, pick(1, 6) * 10};
      for (Id room = pick(-2, 3); room > 0; --room) need.room_ids.push_back(room);
      if (pick(0, 9) == 0) need.room_ids.push_back(99);  // a room the request does not hold
      request.services.push_back(need);
    }
    request.same_master = pick(0, 1) == 0;
    request.lead_minutes = pick(0, 120);
    request.horizon_days = pick(0, 9) == 0 ? 0 : 1;
    request.from = kDay0 + pick(0, 40) * 600;
    request.to = request.from + pick(1, 24) * 3600;
    request.now = request.from - pick(-60, 180) * 60;
    const int offset = pick(-2, 4) * 30;  // and a daylight-saving change in some rounds
    request.utc_offsets = {{0, offset}, {kDay0 + pick(0, 48) * 1800, offset + pick(-1, 1) * 60}};
    const auto got = FindSlots(request);
    ASSERT_EQ(got, BruteForce(request).Run()) << "round " << round;
    slots += got.size();
    if (request.services.size() > 1) multi += got.size();
  }
  EXPECT_GT(slots, 2000u);  // the rounds do find slots, also for visits of several services
  EXPECT_GT(multi, 500u);
}

}  // namespace
}  // namespace kvitka::booking
