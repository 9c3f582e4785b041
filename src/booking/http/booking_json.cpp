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

void WriteClientBrief(http::JsonWriter& w, const clients::Client& c) {
  w.Object()
      .Field("id", c.id)
      .Field("name", clients::DisplayName(c, clients::NameOrder::kFirstLast))
      .Key("tags")
      .Array();
  for (const auto& t : c.tags) {
    w.Object().Field("id", t.id).Field("name", t.name).Field("color", t.color).End();
  }
  w.End()
      .Field("discount_percent", c.discount_percent)
      .Field("notes", c.notes)
      .Field("visits", c.stats.visits)
      .Field("no_shows", c.stats.no_shows);
  if (!c.contacts_hidden) {
    w.Key("phone");
    if (c.phones.empty()) {
      w.Null();
    } else {
      w.String(c.phones[0]);
    }
  }
  w.End();
}

void WriteOptionalId(http::JsonWriter& w, std::string_view key, const std::optional<Id>& id) {
  w.Key(key);
  if (id) {
    w.Int(*id);
  } else {
    w.Null();
  }
}

void WriteItem(http::JsonWriter& w, const Item& item) {
  w.Object()
      .Field("id", item.id)
      .Field("service_id", item.service_id)
      .Field("service_name", item.service_name)
      .Field("staff_id", item.staff_id);
  WriteOptionalId(w, "room_id", item.room_id);
  w.Field("start", FormatRfc3339Utc(item.start))
      .Field("end", FormatRfc3339Utc(item.end))
      .Field("duration", static_cast<std::int64_t>((item.end - item.start) / 60))
      .Field("buffer_after", item.buffer_after)
      .Key("processing");
  if (item.processing) {
    w.Object()
        .Field("start", FormatRfc3339Utc(item.processing->start))
        .Field("end", FormatRfc3339Utc(item.processing->end))
        .End();
  } else {
    w.Null();
  }
  w.Field("price", item.price)
      .Field("discount_percent", item.discount_percent)
      .Field("amount", item.Amount())
      .End();
}

}  // namespace

void WriteAppointment(http::JsonWriter& w, const AppointmentView& view) {
  const Appointment& a = view.appointment;
  w.Object()
      .Field("id", a.id)
      .Field("branch_id", a.branch_id)
      .Field("client_id", a.client_id)
      .Key("client");
  if (view.client) {
    WriteClientBrief(w, *view.client);
  } else {
    w.Null();
  }
  w.Field("status", StatusName(a.status))
      .Field("source", SourceName(a.source))
      .Field("notes", a.notes)
      .Field("cancel_reason", a.cancel_reason)
      .Key("cancelled_by");
  if (a.cancelled_by.empty()) {
    w.Null();
  } else {
    w.String(a.cancelled_by);
  }
  w.Field("start", FormatRfc3339Utc(a.Start())).Field("end", FormatRfc3339Utc(a.End()));
  w.Key("items").Array();
  for (const auto& item : a.items) WriteItem(w, item);
  w.End().Field("total", a.Total()).Field("version", a.version);
  WriteOptionalId(w, "series_id", a.series_id);
  WriteOptionalId(w, "group_event_id", a.group_event_id);
  w.Key("visit")
      .Object()
      .Field("notes", a.visit.notes)
      .Field("formula", a.visit.formula)
      .Key("photo_file_ids")
      .Array();
  for (Id id : a.visit.photo_file_ids) w.Int(id);
  w.End().End();
  w.Field("created_at", FormatRfc3339Utc(a.created_at))
      .Field("updated_at", FormatRfc3339Utc(a.updated_at));
  if (!view.series.empty()) {
    w.Key("series").Array();
    for (const auto& [id, start] : view.series) {
      w.Object().Field("id", id).Field("start", FormatRfc3339Utc(start)).End();
    }
    w.End();
  }
  w.End();
}

std::string AppointmentJson(const AppointmentView& view) {
  http::JsonWriter w;
  w.Reserve(1024);
  WriteAppointment(w, view);
  return w.Take();
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

std::string JournalJson(const JournalView& view) {
  http::JsonWriter w;
  w.Reserve(1024 + view.appointments.size() * 900);
  w.Object()
      .Field("branch_id", view.branch_id)
      .Field("timezone", view.timezone)
      .Field("date", view.date)
      .Field("days", view.days)
      .Key("staff")
      .Array();
  for (const auto& m : view.masters) {
    w.Object()
        .Field("id", m.member.id)
        .Field("name", m.member.name)
        .Field("position", m.member.position)
        .Field("color", m.member.color);
    WriteOptionalId(w, "photo_file_id", m.member.photo_file_id);
    w.Field("booking_step", m.member.booking_step).Key("working").Array();
    for (const auto& span : m.working) {
      w.Object()
          .Field("start", FormatRfc3339Utc(span.start))
          .Field("end", FormatRfc3339Utc(span.end))
          .End();
    }
    w.End().End();
  }
  w.End().Key("appointments").Array();
  for (const auto& a : view.appointments) WriteAppointment(w, a);
  w.End().Key("group_events").Array();
  for (const auto& g : view.group_events) w.Raw(http::Dump(GroupEventJson(g)));
  w.End().Key("closed_days").Array();
  for (const auto& day : view.closed_days) w.String(day);
  w.End().End();
  return w.Take();
}

std::string AvailabilityJson(const AvailabilityView& view) {
  http::JsonWriter w;
  w.Object().Field("timezone", view.timezone).Key("days").Array();
  for (const auto& day : view.days) {
    w.Object().Field("date", day.date).Key("slots").Array();
    for (const auto& slot : day.slots) {
      w.Object()
          .Field("start", FormatRfc3339Utc(slot.start))
          .Field("staff_id", slot.staff_ids.front())
          .Key("staff_ids")
          .Array();
      for (Id id : slot.staff_ids) w.Int(id);
      w.End().End();
    }
    w.End().End();
  }
  w.End().End();
  return w.Take();
}

std::optional<Id> QueryId(const http::Request& req, const char* name, FieldErrors& errors,
                          bool required) {
  auto text = req.Query(name);
  if (!text || text->empty()) {
    if (required) errors.push_back({name, "required"});
    return std::nullopt;
  }
  auto id = http::ParseId(*text);
  if (!id) errors.push_back({name, "invalid_value"});
  return id;
}

std::optional<std::vector<Id>> QueryIds(const http::Request& req, const char* name,
                                        FieldErrors& errors) {
  auto text = req.Query(name);
  if (!text || text->empty()) {
    errors.push_back({name, "required"});
    return std::nullopt;
  }
  std::vector<Id> ids;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    auto id = http::ParseId(rest.substr(0, comma));
    if (!id) {
      errors.push_back({name, "invalid_value"});
      return std::nullopt;
    }
    ids.push_back(*id);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  if (ids.size() > 10) errors.push_back({name, "too_many", 10});
  return ids;
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
  if (!parsed || !IsJournalInstant(*parsed)) {
    body.AddError({field, "invalid_value"});
    return std::nullopt;
  }
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

}  // namespace kvitka::booking
