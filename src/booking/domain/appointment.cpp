#include "booking/domain/appointment.h"

#include <algorithm>
#include <array>

#include "booking/domain/timeline.h"
#include "core/time.h"

namespace kvitka::booking {
namespace {

constexpr std::array<std::pair<Status, const char*>, 6> kStatuses = {{
    {Status::kBooked, "booked"},
    {Status::kConfirmed, "confirmed"},
    {Status::kArrived, "arrived"},
    {Status::kCompleted, "completed"},
    {Status::kNoShow, "no_show"},
    {Status::kCancelled, "cancelled"},
}};

constexpr std::array<std::pair<Source, const char*>, 4> kSources = {{
    {Source::kFrontDesk, "front_desk"},
    {Source::kPhone, "phone"},
    {Source::kOnline, "online"},
    {Source::kMessenger, "messenger"},
}};

int CapacityOf(const RoomCapacities& rooms, Id room_id) {
  for (const auto& [id, capacity] : rooms) {
    if (id == room_id) return capacity;
  }
  return 1;
}

bool Meet(const Span& a, const Span& b) { return a.start < b.end && b.start < a.end; }

}  // namespace

const char* StatusName(Status status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "booked";
}

std::optional<Status> ParseStatus(std::string_view name) {
  for (const auto& [s, text] : kStatuses) {
    if (name == text) return s;
  }
  return std::nullopt;
}

bool HoldsTime(Status status) { return status != Status::kCancelled && status != Status::kNoShow; }

bool IsClosed(Status status) {
  return status == Status::kCompleted || status == Status::kNoShow || status == Status::kCancelled;
}

const char* SourceName(Source source) {
  for (const auto& [s, name] : kSources) {
    if (s == source) return name;
  }
  return "front_desk";
}

std::optional<Source> ParseSource(std::string_view name) {
  for (const auto& [s, text] : kSources) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::int64_t Item::Amount() const {
  const int kept = 100 - std::clamp(discount_percent, 0, 100);
  return (price * kept + 50) / 100;
}

EpochSeconds Appointment::Start() const {
  EpochSeconds start = 0;
  for (const auto& item : items) start = start == 0 ? item.start : std::min(start, item.start);
  return start;
}

EpochSeconds Appointment::End() const {
  EpochSeconds end = 0;
  for (const auto& item : items) end = std::max(end, item.end);
  return end;
}

std::int64_t Appointment::Total() const {
  std::int64_t total = 0;
  for (const auto& item : items) total += item.Amount();
  return total;
}

std::vector<Hold> HoldsOf(const std::vector<Item>& items, const RoomCapacities& rooms) {
  std::vector<Hold> holds;
  for (const auto& item : items) {
    const EpochSeconds busy_end = item.end + item.buffer_after * 60L;
    if (busy_end <= item.start) continue;
    const auto staff = [&](EpochSeconds from, EpochSeconds to) {
      if (to > from) holds.push_back({Hold::Resource::kStaff, item.staff_id, {from, to}, true});
    };
    if (item.processing && item.processing->start > item.start &&
        item.processing->end > item.processing->start) {
      staff(item.start, item.processing->start);
      staff(item.processing->end, busy_end);
    } else {
      staff(item.start, busy_end);
    }
    if (item.room_id) {
      holds.push_back({Hold::Resource::kRoom,
                       *item.room_id,
                       {item.start, busy_end},
                       CapacityOf(rooms, *item.room_id) <= 1});
    }
  }
  return holds;
}

std::vector<Hold> GroupHolds(Id staff_id, std::optional<Id> room_id, Span span,
                             const RoomCapacities& rooms) {
  std::vector<Hold> holds = {{Hold::Resource::kStaff, staff_id, span, true}};
  if (room_id) {
    holds.push_back({Hold::Resource::kRoom, *room_id, span, CapacityOf(rooms, *room_id) <= 1});
  }
  return holds;
}

std::vector<Hold> Collisions(const std::vector<Hold>& wanted, const std::vector<Hold>& existing,
                             const RoomCapacities& rooms) {
  std::vector<Hold> collisions;
  for (std::size_t i = 0; i < wanted.size(); ++i) {
    const Hold& hold = wanted[i];
    bool collides = false;
    if (hold.resource == Hold::Resource::kStaff) {
      for (const auto& other : existing) {
        if (other.resource == hold.resource && other.resource_id == hold.resource_id &&
            other.exclusive && Meet(other.span, hold.span)) {
          collides = true;
          break;
        }
      }
      for (std::size_t j = 0; j < i && !collides; ++j) {
        const Hold& other = wanted[j];
        collides = other.resource == hold.resource && other.resource_id == hold.resource_id &&
                   Meet(other.span, hold.span);
      }
    } else {
      RoomState state;
      state.room_id = hold.resource_id;
      state.capacity = CapacityOf(rooms, hold.resource_id);
      for (const auto& other : existing) {
        if (other.resource == hold.resource && other.resource_id == hold.resource_id) {
          state.busy.push_back(other.span);
        }
      }
      std::vector<Span> also;
      for (std::size_t j = 0; j < i; ++j) {
        if (wanted[j].resource == hold.resource && wanted[j].resource_id == hold.resource_id) {
          also.push_back(wanted[j].span);
        }
      }
      collides = !RoomTimeline(state).HasPlace(hold.span.start, hold.span.end, also);
    }
    if (collides) collisions.push_back(hold);
  }
  return collisions;
}

bool InsideWorkingHours(const std::vector<Item>& items,
                        const std::vector<std::pair<Id, std::vector<Span>>>& working) {
  for (const auto& item : items) {
    const std::vector<Span>* spans = nullptr;
    for (const auto& [staff_id, list] : working) {
      if (staff_id == item.staff_id) spans = &list;
    }
    if (!spans || !Covers(MergeSpans(*spans), item.start, item.end)) return false;
  }
  return true;
}

FieldErrors CheckRecurrence(const Recurrence& r, const std::string& first_date) {
  FieldErrors errors;
  if (r.every < 1 || r.every > 52) errors.push_back({"recurrence.every", "out_of_range", 52});
  if (r.until.empty() && (r.count < 2 || r.count > kMaxOccurrences)) {
    errors.push_back({"recurrence.count", "out_of_range", kMaxOccurrences});
  }
  if (!r.until.empty()) {
    const auto days = DaysBetween(first_date, r.until);
    if (!days) {
      errors.push_back({"recurrence.until", "invalid_date"});
    } else if (*days <= 0) {
      errors.push_back({"recurrence.until", "before_from"});
    } else if (*days > 366L * 2) {
      errors.push_back({"recurrence.until", "too_many_days", 366L * 2});
    }
  }
  return errors;
}

std::vector<EpochSeconds> Occurrences(EpochSeconds first, const Recurrence& r,
                                      std::string_view zone) {
  std::vector<EpochSeconds> starts;
  const std::string first_date = CivilDate(first, zone);
  const int minutes = LocalMinutes(first, zone);
  const int step_days = std::max(1, r.every) * (r.weeks ? 7 : 1);
  const int limit = r.until.empty() ? std::min(r.count, kMaxOccurrences) : kMaxOccurrences;
  for (int k = 0; static_cast<int>(starts.size()) < limit; ++k) {
    const std::string date = AddDays(first_date, k * step_days);
    if (!r.until.empty() && date > r.until) break;
    if (k == 0) {
      starts.push_back(first);
      continue;
    }
    if (auto at = LocalInstant(date, minutes, zone)) starts.push_back(*at);
  }
  return starts;
}

bool IsJournalDate(std::string_view date) {
  return date.size() == 10 && date >= "1970-01-01" && date <= "2999-12-31" &&
         StartOfDay(date, "UTC").has_value();
}

bool IsJournalInstant(EpochSeconds instant) {
  constexpr EpochSeconds kYear3000 = 32'503'680'000;        // 3000-01-01T00:00:00Z
  return instant >= 0 && instant < kYear3000 - 2L * 86400;  // room for a visit and a time zone
}

void Shift(std::vector<Item>& items, EpochSeconds delta) {
  for (auto& item : items) {
    item.start += delta;
    item.end += delta;
    if (item.processing) {
      item.processing->start += delta;
      item.processing->end += delta;
    }
  }
}

}  // namespace kvitka::booking
