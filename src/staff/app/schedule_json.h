// A work schedule as JSON (the API's and the database's form): local times as "HH:MM", an end
// before its start meaning the next day.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/field_error.h"
#include "staff/domain/schedule.h"

namespace kvitka::staff {

nlohmann::json ScheduleToJson(const WorkSchedule& schedule);
// Reads a schedule; type and format problems are field errors ("patterns[0].weekdays[2][1].end").
WorkSchedule ScheduleFromJson(const nlohmann::json& json, FieldErrors& errors);

std::string MinutesToTime(int minutes);                     // 570 -> "09:30", 1560 -> "02:00"
std::optional<int> TimeToMinutes(const std::string& text);  // "09:30" -> 570

}  // namespace kvitka::staff
