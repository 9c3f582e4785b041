#include "booking/http/booking_json.h"

#include "clients/domain/client_rules.h"
#include "core/time.h"
#include "platform/http/problem.h"

namespace kvitka::booking {

using http::Json;

namespace {

Json Instant(EpochSeconds t) { return FormatRfc3339Utc(t); }

template <class T>
Json OrNull(const std::optional<T>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json ClientBrief(const clients::Client& c) {
  Json tags = Json::array();
  for (const auto& t : c.tags) tags.push_back({{"id", t.id}, {"name", t.name}, {"color", t.color}});
  Json json = {{"id", c.id},
               {"name", clients::DisplayName(c, clients::NameOrder::kFirstLast)},
               {"tags", tags},
               {"discount_percent", c.discount_percent},
               {"notes", c.notes},
               {"visits", c.stats.visits},
               {"no_shows", c.stats.no_shows}};
  if (!c.contacts_hidden) json["phone"] = c.phones.empty() ? Json(nullptr) : Json(c.phones[0]);
  return json;
}

Json ItemJson(const Item& item) {
  Json processing = nullptr;
  if (item.processing) {
    processing = {{"start", Instant(item.processing->start)},
                  {"end", Instant(item.processing->end)}};
  }
  return {{"id", item.id},
          {"service_id", item.service_id},
          {"service_name", item.service_name},
          {"staff_id", item.staff_id},
          {"room_id", OrNull(item.room_id)},
          {"start", Instant(item.start)},
          {"end", Instant(item.end)},
          {"duration", (item.end - item.start) / 60},
          {"buffer_after", item.buffer_after},
          {"processing", processing},
          {"price", item.price},
          {"discount_percent", item.discount_percent},
          {"amount", item.Amount()}};
}

Json ConflictJson(const Hold& h) {
  Json json = {{"start", Instant(h.span.start)}, {"end", Instant(h.span.end)}};
  json[h.resource == Hold::Resource::kStaff ? "staff_id" : "room_id"] = h.resource_id;
  return json;
}

}  // namespace

Json AppointmentJson(const AppointmentView& view) {
  const Appointment& a = view.appointment;
  Json items = Json::array();
  for (const auto& item : a.items) items.push_back(ItemJson(item));
  Json json = {{"id", a.id},
               {"branch_id", a.branch_id},
               {"client_id", a.client_id},
               {"client", view.client ? ClientBrief(*view.client) : Json(nullptr)},
               {"status", StatusName(a.status)},
               {"source", SourceName(a.source)},
               {"notes", a.notes},
               {"cancel_reason", a.cancel_reason},
               {"cancelled_by", a.cancelled_by.empty() ? Json(nullptr) : Json(a.cancelled_by)},
               {"start", Instant(a.Start())},
               {"end", Instant(a.End())},
               {"items", items},
               {"total", a.Total()},
               {"version", a.version},
               {"series_id", OrNull(a.series_id)},
               {"group_event_id", OrNull(a.group_event_id)},
               {"visit",
                {{"notes", a.visit.notes},
                 {"formula", a.visit.formula},
                 {"photo_file_ids", a.visit.photo_file_ids}}},
               {"created_at", Instant(a.created_at)},
               {"updated_at", Instant(a.updated_at)}};
  if (!view.series.empty()) {
    Json series = Json::array();
    for (const auto& [id, start] : view.series)
      series.push_back({{"id", id}, {"start", Instant(start)}});
    json["series"] = series;
  }
  return json;
}

Json GroupEventJson(const GroupEventView& view) {
  const GroupEvent& e = view.event;
  Json participants = Json::array();
  for (const auto& p : view.participants) {
    const auto& a = p.appointment;
    participants.push_back(
        {{"appointment_id", a.id},
         {"client_id", a.client_id},
         {"name", p.client ? clients::DisplayName(*p.client, clients::NameOrder::kFirstLast) : ""},
         {"status", StatusName(a.status)}});
  }
  return {{"id", e.id},
          {"branch_id", e.branch_id},
          {"service_id", e.service_id},
          {"service_name", e.service_name},
          {"staff_id", e.staff_id},
          {"room_id", OrNull(e.room_id)},
          {"start", Instant(e.start)},
          {"end", Instant(e.end)},
          {"capacity", e.capacity},
          {"seats_taken", e.seats_taken},
          {"status", e.cancelled ? "cancelled" : "scheduled"},
          {"notes", e.notes},
          {"price", e.price},
          {"participants", participants}};
}

Json WaitlistJson(const WaitlistView& view) {
  const WaitlistEntry& e = view.entry;
  Json client = nullptr;
  if (view.client) {
    client = {{"id", view.client->id},
              {"name", clients::DisplayName(*view.client, clients::NameOrder::kFirstLast)}};
    if (!view.client->contacts_hidden) {
      client["phone"] = view.client->phones.empty() ? Json(nullptr) : Json(view.client->phones[0]);
    }
  }
  auto clock = [](const std::optional<int>& m) {
    return m ? Json(FormatClockTime(*m)) : Json(nullptr);
  };
  return {{"id", e.id},
          {"branch_id", e.branch_id},
          {"client_id", e.client_id},
          {"client", client},
          {"service_ids", e.service_ids},
          {"staff_id", OrNull(e.staff_id)},
          {"date_from", e.date_from},
          {"date_to", e.date_to},
          {"time_from", clock(e.time_from)},
          {"time_to", clock(e.time_to)},
          {"notes", e.notes},
          {"status", WaitlistStatusName(e.status)},
          {"offered_start", e.offered_start ? Instant(*e.offered_start) : Json(nullptr)},
          {"offered_staff_id", OrNull(e.offered_staff_id)},
          {"created_at", Instant(e.created_at)}};
}

Json JournalJson(const JournalView& view) {
  Json staff = Json::array();
  for (const auto& m : view.masters) {
    Json working = Json::array();
    for (const auto& w : m.working)
      working.push_back({{"start", Instant(w.start)}, {"end", Instant(w.end)}});
    staff.push_back({{"id", m.member.id},
                     {"name", m.member.name},
                     {"position", m.member.position},
                     {"color", m.member.color},
                     {"photo_file_id", OrNull(m.member.photo_file_id)},
                     {"booking_step", m.member.booking_step},
                     {"working", working}});
  }
  Json appointments = Json::array();
  for (const auto& a : view.appointments) appointments.push_back(AppointmentJson(a));
  Json groups = Json::array();
  for (const auto& g : view.group_events) groups.push_back(GroupEventJson(g));
  return {{"branch_id", view.branch_id},
          {"timezone", view.timezone},
          {"date", view.date},
          {"days", view.days},
          {"staff", staff},
          {"appointments", appointments},
          {"group_events", groups},
          {"closed_days", view.closed_days}};
}

Json AvailabilityJson(const AvailabilityView& view) {
  Json days = Json::array();
  for (const auto& day : view.days) {
    Json slots = Json::array();
    for (const auto& slot : day.slots) {
      slots.push_back({{"start", Instant(slot.start)},
                       {"staff_id", slot.staff_ids.front()},
                       {"staff_ids", slot.staff_ids}});
    }
    days.push_back({{"date", day.date}, {"slots", slots}});
  }
  return {{"timezone", view.timezone}, {"days", days}};
}

std::optional<EpochSeconds> ReadInstant(http::JsonBody& body, const Json& json,
                                        const std::string& field, bool required) {
  const std::string name =
      field.substr(field.rfind('.') == std::string::npos ? 0 : field.rfind('.') + 1);
  if (!json.contains(name) || json[name].is_null()) {
    if (required) body.AddError({field, "required"});
    return std::nullopt;
  }
  if (!json[name].is_string()) {
    body.AddError({field, "invalid_type"});
    return std::nullopt;
  }
  auto parsed = ParseRfc3339(json[name].get<std::string>());
  if (!parsed) body.AddError({field, "invalid_value"});
  return parsed;
}

std::optional<std::vector<ItemInput>> ReadItems(http::JsonBody& body, bool required) {
  const Json& json = body.json();
  if (!json.contains("items")) {
    if (required) body.AddError({"items", "required"});
    return std::nullopt;
  }
  if (!json["items"].is_array()) {
    body.AddError({"items", "invalid_type"});
    return std::nullopt;
  }
  if (json["items"].empty()) {
    body.AddError({"items", "required"});
    return std::nullopt;
  }
  if (json["items"].size() > 10) {
    body.AddError({"items", "too_many", 10});
    return std::nullopt;
  }
  std::vector<ItemInput> items;
  for (std::size_t i = 0; i < json["items"].size(); ++i) {
    const Json& item = json["items"][i];
    const std::string prefix = "items[" + std::to_string(i) + "].";
    if (!item.is_object()) {
      body.AddError({"items[" + std::to_string(i) + "]", "invalid_type"});
      continue;
    }
    ItemInput in;
    auto id = [&](const char* name, bool needed) -> std::optional<std::int64_t> {
      if (!item.contains(name) || item[name].is_null()) {
        if (needed) body.AddError({prefix + name, "required"});
        return std::nullopt;
      }
      if (!item[name].is_number_integer()) {
        body.AddError({prefix + name, "invalid_type"});
        return std::nullopt;
      }
      return item[name].get<std::int64_t>();
    };
    auto positive = [&](const char* name, bool needed,
                        std::int64_t max) -> std::optional<std::int64_t> {
      auto v = id(name, needed);
      if (v && (*v < 0 || *v > max)) {
        body.AddError({prefix + name, "out_of_range", max});
        return std::nullopt;
      }
      return v;
    };
    if (auto v = positive("service_id", true, INT64_MAX)) in.service_id = *v;
    if (auto v = positive("staff_id", true, INT64_MAX)) in.staff_id = *v;
    if (auto v = positive("room_id", false, INT64_MAX)) in.room_id = *v;
    if (auto v = positive("duration", false, 12L * 60)) in.duration = static_cast<int>(*v);
    if (auto v = positive("price", false, 100'000'000'00LL)) in.price = *v;
    if (auto v = positive("discount_percent", false, 100))
      in.discount_percent = static_cast<int>(*v);
    in.start = ReadInstant(body, item, prefix + "start", i == 0);
    items.push_back(in);
  }
  return items;
}

http::Response ErrorResponse(const http::Request& request, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(request, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(request);
    case ErrorCode::kNotFound:
      return http::NotFound(request);
    case ErrorCode::kSlotTaken:
    case ErrorCode::kOutsideWorkingHours: {
      const bool taken = error.code == ErrorCode::kSlotTaken;
      auto response = taken ? http::Problem(request, 409, "slot-taken",
                                            {"This time is already taken.", "Цей час уже зайнятий.",
                                             "Это время уже занято."})
                            : http::Problem(request, 409, "outside-working-hours",
                                            {"This is outside the master's working hours.",
                                             "Це поза робочими годинами майстра.",
                                             "Это вне рабочих часов мастера."});
      auto json = Json::parse(response.body);
      Json conflicts = Json::array();
      for (const auto& c : error.conflicts) conflicts.push_back(ConflictJson(c));
      json["conflicts"] = conflicts;
      if (!error.dates.empty()) {
        Json dates = Json::array();
        for (auto d : error.dates) dates.push_back(Instant(d));
        json["dates"] = dates;
      }
      response.body = http::Dump(json);
      return response;
    }
    case ErrorCode::kClosed:
      return http::Problem(request, 409, "appointment-closed",
                           {"A completed, missed or cancelled visit cannot be changed like this.",
                            "Завершений, пропущений або скасований візит так змінити не можна.",
                            "Завершённый, пропущенный или отменённый визит так изменить нельзя."});
    case ErrorCode::kGroupFull:
      return http::Problem(request, 409, "group-full",
                           {"All seats of this class are taken.", "Усі місця на занятті зайняті.",
                            "Все места на занятии заняты."});
    case ErrorCode::kAlreadyParticipant:
      return http::Problem(
          request, 409, "already-participant",
          {"The client is already booked for this class.", "Клієнт уже записаний на це заняття.",
           "Клиент уже записан на это занятие."});
    case ErrorCode::kIdempotencyKeyReused:
      return http::Problem(request, 422, "idempotency-key-reused",
                           {"This Idempotency-Key was used for another request.",
                            "Цей Idempotency-Key уже використано для іншого запиту.",
                            "Этот Idempotency-Key уже использован для другого запроса."});
  }
  return http::NotFound(request);
}

}  // namespace kvitka::booking
