// A group class: a group service held by a master (in a room) at a time, with seats that clients
// book. Its master and room are held for the whole class; seats are counted, never exceeded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/id.h"

namespace kvitka::booking {

struct GroupEvent {
  Id id = 0;
  Id branch_id = 0;
  Id service_id = 0;
  std::string service_name;  // filled by reads
  Id staff_id = 0;
  std::optional<Id> room_id;
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  int capacity = 1;
  int seats_taken = 0;
  std::int64_t price = 0;
  bool cancelled = false;
  std::string notes;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
};

}  // namespace kvitka::booking
