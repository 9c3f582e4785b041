#include "booking/domain/waitlist.h"

#include <array>
#include <cstdio>

namespace kvitka::booking {
namespace {

constexpr std::array<std::pair<WaitlistStatus, const char*>, 4> kStatuses = {{
    {WaitlistStatus::kWaiting, "waiting"},
    {WaitlistStatus::kOffered, "offered"},
    {WaitlistStatus::kBooked, "booked"},
    {WaitlistStatus::kClosed, "closed"},
}};

}  // namespace

const char* WaitlistStatusName(WaitlistStatus status) {
  for (const auto& [s, name] : kStatuses) {
    if (s == status) return name;
  }
  return "waiting";
}

std::optional<WaitlistStatus> ParseWaitlistStatus(std::string_view name) {
  for (const auto& [s, text] : kStatuses) {
    if (name == text) return s;
  }
  return std::nullopt;
}

std::optional<int> ParseClockTime(std::string_view text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) return std::nullopt;
  return hours * 60 + minutes;
}

std::string FormatClockTime(int minutes) {
  char text[8];
  std::snprintf(text, sizeof(text), "%02d:%02d", (minutes / 60) % 100, minutes % 60);
  return text;
}

FieldErrors CheckWaitlistEntry(const WaitlistEntry& e) {
  FieldErrors errors;
  if (e.service_ids.empty()) errors.push_back({"service_ids", "required"});
  if (e.service_ids.size() > 10) errors.push_back({"service_ids", "too_many", 10});
  if (e.date_to < e.date_from) errors.push_back({"date_to", "before_from"});
  if (e.time_from && e.time_to && *e.time_to <= *e.time_from) {
    errors.push_back({"time_to", "before_from"});
  }
  if (e.notes.size() > 2000) errors.push_back({"notes", "too_long", 2000});
  return errors;
}

std::optional<Slot> FirstInWindow(const WaitlistEntry& entry, const std::vector<Slot>& slots,
                                  const std::vector<int>& local_minutes) {
  for (std::size_t i = 0; i < slots.size() && i < local_minutes.size(); ++i) {
    const int at = local_minutes[i];
    if (entry.time_from && at < *entry.time_from) continue;
    if (entry.time_to && at >= *entry.time_to) continue;
    if (entry.staff_id && slots[i].staff_ids.front() != *entry.staff_id) continue;
    return slots[i];
  }
  return std::nullopt;
}

}  // namespace kvitka::booking
