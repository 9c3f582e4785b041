// The availability engine: every start time at which a whole booking (one or several services,
// back to back) fits, given masters' working intervals, what is already booked, rooms, buffers,
// processing gaps, the master's booking step, and the branch's lead time and horizon.
// Pure: no I/O. Online booking uses the same engine with online-only services and masters.
#pragma once

#include <optional>
#include <vector>

#include "core/clock.h"
#include "core/id.h"

namespace kvitka::booking {

// [start, end) in UTC seconds.
struct Span {
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

// Time a master (or a room) is already taken. During `free_inside` (a processing gap of the
// booked service) the master may take another client, the room stays taken.
struct Busy {
  Span span;
  std::optional<Span> free_inside;
};

struct Candidate {
  Id staff_id = 0;
  std::vector<Span> working;  // sorted working intervals (schedule expanded, absences removed)
  std::vector<Busy> busy;     // appointments, any order
  int step_minutes = 15;      // starts only on multiples of this, counted from local midnight
};

struct RoomState {
  Id room_id = 0;
  int capacity = 1;          // simultaneous bookings the room takes
  std::vector<Span> busy;    // existing bookings in this room
  std::vector<Span> closed;  // closures
};

// One service of the visit, for the masters who may do it.
struct ServiceNeed {
  Id service_id = 0;
  // Duration per master (a master's own duration overrides the service's); staff not in the
  // map cannot do this service.
  std::vector<std::pair<Id, int>> duration_by_staff;  // minutes
  int buffer_after = 0;  // minutes the master (and room) stay taken after the service
  std::optional<std::pair<int, int>> processing;  // {start, duration} minutes inside
  std::vector<Id> room_ids;  // the service needs one of these rooms (any one free)
};

struct AvailabilityRequest {
  std::vector<ServiceNeed> services;  // the visit, in order, back to back
  std::vector<Candidate> candidates;  // masters who may be booked (one chosen or all)
  std::vector<RoomState> rooms;
  bool same_master = true;  // all services with one master; false: each with any master
  EpochSeconds from = 0;    // search window [from, to)
  EpochSeconds to = 0;
  EpochSeconds now = 0;
  int lead_minutes = 0;   // earliest start: now + lead
  int horizon_days = 60;  // latest start: now + horizon
  // The branch's UTC offset (minutes) from each instant on, sorted; steps align to the local
  // clock ("on the hour" means 10:00 local on both sides of a daylight-saving change).
  std::vector<std::pair<EpochSeconds, int>> utc_offsets;
};

// A bookable start and how: which master does each service (and which room), in order.
struct Slot {
  EpochSeconds start = 0;
  std::vector<Id> staff_ids;  // one per service
  std::vector<std::optional<Id>> room_ids;
  friend bool operator==(const Slot&, const Slot&) = default;
};

// Every start, sorted by time then by the first master's id; one slot per (start, first master).
std::vector<Slot> FindSlots(const AvailabilityRequest& request);

}  // namespace kvitka::booking
