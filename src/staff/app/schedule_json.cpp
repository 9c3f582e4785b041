#include "staff/app/schedule_json.h"

namespace kvitka::staff {

using nlohmann::json;

std::string MinutesToTime(int minutes) {
  const int m = ((minutes % 1440) + 1440) % 1440;
  std::string text = "00:00";
  text[0] = static_cast<char>('0' + m / 600);
  text[1] = static_cast<char>('0' + (m / 60) % 10);
  text[3] = static_cast<char>('0' + (m % 60) / 10);
  text[4] = static_cast<char>('0' + m % 10);
  return text;
}

std::optional<int> TimeToMinutes(const std::string& text) {
  if (text.size() != 5 || text[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * 10 + (text[1] - '0');
  const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
  if (hours > 24 || minutes > 59 || (hours == 24 && minutes != 0)) return std::nullopt;
  return hours * 60 + minutes;
}

namespace {

const char* KindName(PatternKind kind) {
  switch (kind) {
    case PatternKind::kWeekly:
      return "weekly";
    case PatternKind::kCycle:
      return "cycle";
    case PatternKind::kEvenDates:
      return "even_dates";
    case PatternKind::kOddDates:
      return "odd_dates";
    case PatternKind::kEveryDay:
      return "every_day";
  }
  return "weekly";
}

json PlanJson(const DayPlan& plan) {
  json list = json::array();
  for (const auto& i : plan) {
    list.push_back({{"start", MinutesToTime(i.start)}, {"end", MinutesToTime(i.end)}});
  }
  return list;
}

DayPlan PlanFrom(const json& value, const std::string& field, FieldErrors& errors) {
  DayPlan plan;
  if (!value.is_array()) {
    errors.push_back({field, "invalid_type"});
    return plan;
  }
  if (value.size() > 12) {
    errors.push_back({field, "too_many", 12});
    return plan;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string name = field + "[" + std::to_string(i) + "]";
    const json& item = value[i];
    if (!item.is_object() || !item.contains("start") || !item.contains("end") ||
        !item["start"].is_string() || !item["end"].is_string()) {
      errors.push_back({name, "invalid_type"});
      continue;
    }
    auto start = TimeToMinutes(item["start"].get<std::string>());
    auto end = TimeToMinutes(item["end"].get<std::string>());
    if (!start || !end || *start == 1440) {
      errors.push_back({name, "invalid_interval"});
      continue;
    }
    // An end at or before the start is the next day's time (a shift past midnight).
    plan.push_back({*start, *end <= *start ? *end + 1440 : *end});
  }
  return plan;
}

std::string Text(const json& object, const char* key, const std::string& field, FieldErrors& errors,
                 bool required) {
  if (!object.contains(key) || object[key].is_null()) {
    if (required) errors.push_back({field + "." + key, "required"});
    return {};
  }
  if (!object[key].is_string()) {
    errors.push_back({field + "." + key, "invalid_type"});
    return {};
  }
  return object[key].get<std::string>();
}

}  // namespace

json ScheduleToJson(const WorkSchedule& schedule) {
  json patterns = json::array();
  for (const auto& p : schedule.patterns) {
    json pattern = {{"kind", KindName(p.kind)},
                    {"valid_from", p.valid_from},
                    {"valid_until", p.valid_until.empty() ? json(nullptr) : json(p.valid_until)}};
    if (p.kind == PatternKind::kWeekly) {
      json days = json::array();
      for (const auto& d : p.weekdays) days.push_back(PlanJson(d));
      pattern["weekdays"] = days;
    } else if (p.kind == PatternKind::kCycle) {
      json days = json::array();
      for (const auto& d : p.cycle) days.push_back(PlanJson(d));
      pattern["cycle"] = days;
    } else {
      pattern["day"] = PlanJson(p.day);
    }
    patterns.push_back(pattern);
  }
  json exceptions = json::array();
  for (const auto& e : schedule.exceptions) {
    exceptions.push_back({{"date", e.date}, {"intervals", PlanJson(e.plan)}});
  }
  return {{"patterns", patterns}, {"exceptions", exceptions}};
}

WorkSchedule ScheduleFromJson(const json& body, FieldErrors& errors) {
  WorkSchedule schedule;
  if (!body.is_object()) {
    errors.push_back({"schedule", "invalid_type"});
    return schedule;
  }
  const json patterns = body.value("patterns", json::array());
  if (!patterns.is_array() || patterns.size() > 50) {
    errors.push_back({"patterns", patterns.is_array() ? "too_many" : "invalid_type", 50});
  } else {
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      const std::string field = "patterns[" + std::to_string(i) + "]";
      const json& p = patterns[i];
      if (!p.is_object()) {
        errors.push_back({field, "invalid_type"});
        continue;
      }
      SchedulePattern pattern;
      const std::string kind = Text(p, "kind", field, errors, true);
      pattern.valid_from = Text(p, "valid_from", field, errors, true);
      pattern.valid_until = Text(p, "valid_until", field, errors, false);
      auto days = [&](const char* key, std::vector<DayPlan>& out) {
        if (!p.contains(key) || !p[key].is_array()) {
          errors.push_back({field + "." + key, p.contains(key) ? "invalid_type" : "required"});
          return;
        }
        for (std::size_t d = 0; d < p[key].size() && d < 60; ++d) {
          out.push_back(
              PlanFrom(p[key][d], field + "." + key + "[" + std::to_string(d) + "]", errors));
        }
      };
      if (kind == "weekly") {
        pattern.kind = PatternKind::kWeekly;
        days("weekdays", pattern.weekdays);
      } else if (kind == "cycle") {
        pattern.kind = PatternKind::kCycle;
        days("cycle", pattern.cycle);
      } else if (kind == "even_dates" || kind == "odd_dates" || kind == "every_day") {
        pattern.kind = kind == "even_dates"  ? PatternKind::kEvenDates
                       : kind == "odd_dates" ? PatternKind::kOddDates
                                             : PatternKind::kEveryDay;
        if (!p.contains("day") || p["day"].is_null()) {
          errors.push_back({field + ".day", "required"});
        } else {
          pattern.day = PlanFrom(p["day"], field + ".day", errors);
        }
      } else if (!kind.empty()) {
        errors.push_back({field + ".kind", "invalid_value"});
      }
      schedule.patterns.push_back(std::move(pattern));
    }
  }
  const json exceptions = body.value("exceptions", json::array());
  if (!exceptions.is_array() || exceptions.size() > 1000) {
    errors.push_back({"exceptions", exceptions.is_array() ? "too_many" : "invalid_type", 1000});
  } else {
    for (std::size_t i = 0; i < exceptions.size(); ++i) {
      const std::string field = "exceptions[" + std::to_string(i) + "]";
      if (!exceptions[i].is_object()) {
        errors.push_back({field, "invalid_type"});
        continue;
      }
      ScheduleException e;
      e.date = Text(exceptions[i], "date", field, errors, true);
      e.plan =
          PlanFrom(exceptions[i].value("intervals", json::array()), field + ".intervals", errors);
      schedule.exceptions.push_back(std::move(e));
    }
  }
  return schedule;
}

}  // namespace kvitka::staff
