// What the salon sells and where: service categories, services (with the masters who perform
// them, each optionally at their own price and duration) and rooms or equipment.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::catalog {

struct Category {
  Id id = 0;
  std::string name;
  std::string color = "#e64980";
  std::string icon = "sparkles";
  int position = 0;
  int services = 0;  // live services, filled by listings
  bool archived = false;
};

// A master who performs a service, optionally at their own price and duration.
struct ServiceStaff {
  Id staff_id = 0;
  std::optional<std::int64_t> price_min;
  std::optional<std::int64_t> price_max;
  std::optional<int> duration;
  friend bool operator==(const ServiceStaff&, const ServiceStaff&) = default;
};

// Inside a service the master is free for another client (colour developing).
struct Processing {
  int start = 0;     // minutes from the service's start
  int duration = 0;  // minutes
  friend bool operator==(const Processing&, const Processing&) = default;
};

struct Service {
  Id id = 0;
  std::optional<Id> category_id;
  std::string name;
  std::string description;
  int duration = 60;                      // minutes
  std::int64_t price_min = 0;             // minor units
  std::optional<std::int64_t> price_max;  // a range "from 800 to 1200"; none: a fixed price
  int buffer_after = 0;                   // minutes of cleaning after
  std::optional<Processing> processing;
  bool online_booking = true;
  bool group = false;
  int capacity = 1;
  std::vector<Id> room_ids;
  std::optional<int> repeat_after_days;
  std::vector<ServiceStaff> staff;
  int position = 0;
  bool archived = false;
  EpochSeconds created_at = 0;
};

struct Closure {
  EpochSeconds start = 0;
  EpochSeconds end = 0;
  std::string reason;
};

struct Room {
  Id id = 0;
  Id branch_id = 0;
  std::string name;
  int capacity = 1;
  std::vector<Closure> closures;
  std::vector<Id> service_ids;  // services that need it, filled by reads
  bool archived = false;
};

// Field errors of a service's own values (ids are checked against storage by the use case).
FieldErrors CheckService(const Service& service);
FieldErrors CheckRoom(const Room& room);

}  // namespace kvitka::catalog
