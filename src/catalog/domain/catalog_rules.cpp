#include <algorithm>

#include "catalog/domain/catalog.h"
#include "core/text.h"

namespace kvitka::catalog {

namespace {

void CheckDuration(int minutes, const std::string& field, FieldErrors& errors) {
  if (minutes < 5 || minutes > 1440 || minutes % 5 != 0) {
    errors.push_back({field, "invalid_duration", 5});
  }
}

void CheckPrices(std::int64_t min, const std::optional<std::int64_t>& max,
                 const std::string& prefix, FieldErrors& errors) {
  if (min < 0) errors.push_back({prefix + "price_min", "out_of_range"});
  if (max && *max < min) errors.push_back({prefix + "price_max", "less_than_min"});
}

}  // namespace

FieldErrors CheckService(const Service& s) {
  FieldErrors errors;
  if (s.name.empty()) errors.push_back({"name", "required"});
  CheckDuration(s.duration, "duration", errors);
  CheckPrices(s.price_min, s.price_max, "", errors);
  if (s.buffer_after < 0 || s.buffer_after > 240) {
    errors.push_back({"buffer_after", "out_of_range", 240});
  }
  if (s.processing) {
    const auto& p = *s.processing;
    if (p.start <= 0 || p.duration <= 0 || p.start + p.duration >= s.duration) {
      errors.push_back({"processing", "outside_service"});
    }
  }
  if (s.capacity < 1 || s.capacity > 500) errors.push_back({"capacity", "out_of_range", 500});
  if (s.group && s.capacity < 2) errors.push_back({"capacity", "group_needs_seats", 2});
  if (!s.group && s.capacity != 1) errors.push_back({"capacity", "invalid_value"});
  if (s.repeat_after_days && (*s.repeat_after_days < 1 || *s.repeat_after_days > 730)) {
    errors.push_back({"repeat_after_days", "out_of_range", 730});
  }
  for (std::size_t i = 0; i < s.staff.size(); ++i) {
    const auto& m = s.staff[i];
    const std::string prefix = "staff[" + std::to_string(i) + "].";
    if (m.duration) CheckDuration(*m.duration, prefix + "duration", errors);
    if (m.price_min) CheckPrices(*m.price_min, m.price_max, prefix, errors);
    for (std::size_t k = 0; k < i; ++k) {
      if (s.staff[k].staff_id == m.staff_id) errors.push_back({prefix + "staff_id", "duplicate"});
    }
  }
  return errors;
}

FieldErrors CheckRoom(const Room& room) {
  FieldErrors errors;
  if (room.name.empty()) errors.push_back({"name", "required"});
  if (room.capacity < 1 || room.capacity > 500) {
    errors.push_back({"capacity", "out_of_range", 500});
  }
  for (std::size_t i = 0; i < room.closures.size(); ++i) {
    if (room.closures[i].end <= room.closures[i].start) {
      errors.push_back({"closures[" + std::to_string(i) + "]", "invalid_interval"});
    }
  }
  return errors;
}

}  // namespace kvitka::catalog
