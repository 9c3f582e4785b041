// An appointment (a visit of a client: one or more services, each with its master and maybe a
// room), its statuses, the time it holds, and the rules of recurring visits. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "booking/domain/availability.h"
#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::booking {

enum class Status { kBooked, kConfirmed, kArrived, kCompleted, kNoShow, kCancelled };

// "booked", "confirmed", "arrived", "completed", "no_show", "cancelled".
const char* StatusName(Status status);
std::optional<Status> ParseStatus(std::string_view name);
// Whether an appointment in this status keeps its master, room and seat taken.
bool HoldsTime(Status status);
// Completed, no-show and cancelled visits are not moved any more.
bool IsClosed(Status status);

enum class Source { kFrontDesk, kPhone, kOnline, kMessenger };

// "front_desk", "phone", "online", "messenger".
const char* SourceName(Source source);
std::optional<Source> ParseSource(std::string_view name);

// One service of the visit.
struct Item {
  Id id = 0;
  Id service_id = 0;
  std::string service_name;  // filled by reads
  Id staff_id = 0;
  std::optional<Id> room_id;
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  int buffer_after = 0;            // minutes the master and room stay taken after the end
  std::optional<Span> processing;  // inside [start, end): the master is free for another client
  std::int64_t price = 0;          // minor units, before the discount
  int discount_percent = 0;        // 0..100
  std::int64_t Amount() const;     // the price after the discount, rounded half up
};

struct VisitRecord {
  std::string notes;
  std::string formula;  // colour mix, lash curl and length
  std::vector<Id> photo_file_ids;
};

struct Appointment {
  Id id = 0;
  Id branch_id = 0;
  Id client_id = 0;
  Status status = Status::kBooked;
  Source source = Source::kFrontDesk;
  std::string notes;
  std::string cancel_reason;
  std::string cancelled_by;  // "client", "salon" or empty
  std::vector<Item> items;   // in order
  int version = 1;           // grows when the time, master or status changes
  std::optional<Id> series_id;
  std::optional<Id> group_event_id;
  VisitRecord visit;
  Id created_by = 0;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;

  EpochSeconds Start() const;  // of the first item (0 without items)
  EpochSeconds End() const;    // of the last item to end
  std::int64_t Total() const;  // sum of the items' amounts
};

// A span of time a master or a room is taken.
struct Hold {
  enum class Resource { kStaff, kRoom };
  Resource resource = Resource::kStaff;
  Id resource_id = 0;
  Span span;
  bool exclusive = true;  // may not overlap another exclusive hold of the resource
  friend bool operator==(const Hold&, const Hold&) = default;
};

// The rooms' capacities (a room that takes one booking at a time is held exclusively).
using RoomCapacities = std::vector<std::pair<Id, int>>;

// What the items hold: each master from the start to the end plus the buffer, except during a
// processing gap; each room for the whole item plus the buffer.
std::vector<Hold> HoldsOf(const std::vector<Item>& items, const RoomCapacities& rooms);

// A group class holds its master (and room) for its whole time.
std::vector<Hold> GroupHolds(Id staff_id, std::optional<Id> room_id, Span span,
                             const RoomCapacities& rooms);

// The holds of `wanted` that collide with `existing` (holds of other bookings, any order): a
// master's exclusive span overlapping another, or a room that would exceed its capacity.
std::vector<Hold> Collisions(const std::vector<Hold>& wanted, const std::vector<Hold>& existing,
                             const RoomCapacities& rooms);

// Whether each master's spans of the items lie inside that master's working intervals.
bool InsideWorkingHours(const std::vector<Item>& items,
                        const std::vector<std::pair<Id, std::vector<Span>>>& working);

struct Recurrence {
  int every = 1;      // 1..52
  bool weeks = true;  // every N weeks, else every N days
  std::string until;  // YYYY-MM-DD inclusive, or empty
  int count = 0;      // occurrences in all (with the first), or 0 when `until` is set
};

inline constexpr int kMaxOccurrences = 52;

// Field errors of a recurrence (`field` prefixes the names: "recurrence.every").
FieldErrors CheckRecurrence(const Recurrence& recurrence, const std::string& first_date);

// The start instants of a recurring visit, the first included, keeping the local wall time in
// the zone across daylight-saving changes; at most kMaxOccurrences.
std::vector<EpochSeconds> Occurrences(EpochSeconds first, const Recurrence& recurrence,
                                      std::string_view zone);

// The dates and instants the journal takes: 1970-01-01 to 2999-12-31 (a real date, YYYY-MM-DD).
// Outside them date arithmetic would leave the four-digit years.
bool IsJournalDate(std::string_view date);
bool IsJournalInstant(EpochSeconds instant);

// Moves every item by `delta` seconds (their processing gaps with them).
void Shift(std::vector<Item>& items, EpochSeconds delta);

}  // namespace kvitka::booking
