#include "catalog/http/catalog_json.h"

#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::catalog {

using http::Json;

namespace {

template <class T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// An optional integer that a PATCH may clear with null.
template <class T>
void NullableInt(http::JsonBody& body, const char* field, std::int64_t min, std::int64_t max,
                 std::optional<T>& out) {
  if (body.IsNull(field)) {
    out.reset();
  } else if (auto v = body.Int(field, false, min, max)) {
    out = static_cast<T>(*v);
  }
}

}  // namespace

Json CategoryJson(const Category& c) {
  return {{"id", c.id},
          {"name", c.name},
          {"color", c.color},
          {"icon", c.icon},
          {"position", c.position},
          {"services", c.services},
          {"archived", c.archived}};
}

Json ServiceJson(const Service& s) {
  Json staff = Json::array();
  for (const auto& m : s.staff) {
    staff.push_back({{"staff_id", m.staff_id},
                     {"price_min", OrNull(m.price_min)},
                     {"price_max", OrNull(m.price_max)},
                     {"duration", OrNull(m.duration)}});
  }
  return {{"id", s.id},
          {"category_id", OrNull(s.category_id)},
          {"name", s.name},
          {"description", s.description},
          {"duration", s.duration},
          {"price_min", s.price_min},
          {"price_max", OrNull(s.price_max)},
          {"buffer_after", s.buffer_after},
          {"processing",
           s.processing ? Json{{"start", s.processing->start}, {"duration", s.processing->duration}}
                        : Json(nullptr)},
          {"online_booking", s.online_booking},
          {"group", s.group},
          {"capacity", s.capacity},
          {"room_ids", s.room_ids},
          {"repeat_after_days", OrNull(s.repeat_after_days)},
          {"staff", staff},
          {"position", s.position},
          {"archived", s.archived},
          {"created_at", FormatRfc3339Utc(s.created_at)}};
}

Json RoomJson(const Room& r) {
  Json closures = Json::array();
  for (const auto& c : r.closures) {
    closures.push_back({{"start", FormatRfc3339Utc(c.start)},
                        {"end", FormatRfc3339Utc(c.end)},
                        {"reason", c.reason}});
  }
  return {{"id", r.id},
          {"branch_id", r.branch_id},
          {"name", r.name},
          {"capacity", r.capacity},
          {"service_ids", r.service_ids},
          {"closures", closures},
          {"archived", r.archived}};
}

void ReadService(http::JsonBody& body, Service& s, bool creating) {
  if (auto v = body.Text("name", {.required = creating, .min = 1, .max = 150})) s.name = *v;
  if (auto v = body.ClearableText("description", {.max = 2000})) s.description = *v;
  if (body.IsNull("category_id")) {
    s.category_id.reset();
  } else if (auto v = body.Int("category_id", false, 1, INT64_MAX)) {
    s.category_id = *v;
  }
  if (auto v = body.Int("duration", creating, -100000, 100000)) s.duration = static_cast<int>(*v);
  if (auto v = body.Int("price_min", creating, -1'000'000'000'000LL, 1'000'000'000'000LL)) {
    s.price_min = *v;
  }
  NullableInt(body, "price_max", -1'000'000'000'000LL, 1'000'000'000'000LL, s.price_max);
  if (auto v = body.Int("buffer_after", false, -100000, 100000))
    s.buffer_after = static_cast<int>(*v);
  if (body.IsNull("processing")) {
    s.processing.reset();
  } else if (body.Has("processing")) {
    const auto& p = body.json().at("processing");
    if (!p.is_object() || !p.contains("start") || !p.contains("duration") ||
        !p["start"].is_number_integer() || !p["duration"].is_number_integer()) {
      body.AddError({"processing", "invalid_type"});
    } else {
      s.processing = Processing{p["start"].get<int>(), p["duration"].get<int>()};
    }
  }
  if (auto v = body.Bool("online_booking")) s.online_booking = *v;
  if (auto v = body.Bool("group")) s.group = *v;
  if (auto v = body.Int("capacity", false, -100000, 100000)) s.capacity = static_cast<int>(*v);
  if (!body.Has("capacity") && body.Has("group") && !s.group) s.capacity = 1;
  if (auto v = body.IdList("room_ids", 20)) s.room_ids = *v;
  NullableInt(body, "repeat_after_days", -100000, 100000, s.repeat_after_days);
  if (body.Has("staff")) {
    const auto& list = body.json().at("staff");
    if (!list.is_array() || list.size() > 100) {
      body.AddError({"staff", "invalid_type"});
    } else {
      s.staff.clear();
      for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& item = list[i];
        const std::string field = "staff[" + std::to_string(i) + "]";
        if (!item.is_object() || !item.contains("staff_id") ||
            !item["staff_id"].is_number_integer()) {
          body.AddError({field + ".staff_id", "invalid_type"});
          continue;
        }
        ServiceStaff m;
        m.staff_id = item["staff_id"].get<Id>();
        auto number = [&](const char* key) -> std::optional<std::int64_t> {
          if (!item.contains(key) || item[key].is_null()) return std::nullopt;
          if (!item[key].is_number_integer()) {
            body.AddError({field + "." + key, "invalid_type"});
            return std::nullopt;
          }
          return item[key].get<std::int64_t>();
        };
        m.price_min = number("price_min");
        m.price_max = number("price_max");
        if (auto d = number("duration")) m.duration = static_cast<int>(*d);
        s.staff.push_back(m);
      }
    }
  }
}

void ReadRoom(http::JsonBody& body, Room& r, bool creating) {
  if (auto v = body.Int("branch_id", creating, 1, INT64_MAX)) r.branch_id = *v;
  if (auto v = body.Text("name", {.required = creating, .min = 1, .max = 100})) r.name = *v;
  if (auto v = body.Int("capacity", false, -100000, 100000)) r.capacity = static_cast<int>(*v);
  if (body.Has("closures")) {
    const auto& list = body.json().at("closures");
    if (!list.is_array() || list.size() > 200) {
      body.AddError({"closures", "invalid_type"});
      return;
    }
    r.closures.clear();
    for (std::size_t i = 0; i < list.size(); ++i) {
      const auto& c = list[i];
      const std::string field = "closures[" + std::to_string(i) + "]";
      auto start = c.is_object() && c.contains("start") && c["start"].is_string()
                       ? ParseRfc3339(c["start"].get<std::string>())
                       : std::nullopt;
      auto end = c.is_object() && c.contains("end") && c["end"].is_string()
                     ? ParseRfc3339(c["end"].get<std::string>())
                     : std::nullopt;
      if (!start || !end) {
        body.AddError({field, "invalid_value"});
        continue;
      }
      std::string reason = c.value("reason", "");
      if (reason.size() > 200) reason.resize(200);
      r.closures.push_back({*start, *end, reason});
    }
  }
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kCategoryNotEmpty:
      return http::Problem(request, 409, "category-not-empty",
                           {"The category still has services", "У категорії ще є послуги",
                            "В категории ещё есть услуги"});
  }
  return http::NotFound(request);
}

}  // namespace kvitka::catalog
