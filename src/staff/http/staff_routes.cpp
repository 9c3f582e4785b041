#include "staff/http/staff_routes.h"

#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"
#include "staff/app/schedule_json.h"

namespace kvitka::staff {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Json StaffJson(const StaffView& v) {
  const auto& m = v.member;
  auto text_or_null = [](const std::string& t) { return t.empty() ? Json(nullptr) : Json(t); };
  Json json = {{"id", m.id},
               {"branch_id", m.branch_id},
               {"name", m.name},
               {"position", m.position},
               {"bio", m.bio},
               {"color", m.color},
               {"photo_file_id", m.photo_file_id ? Json(*m.photo_file_id) : Json(nullptr)},
               {"photo_url", m.photo_file_id ? Json("/api/v1/public/staff/" + std::to_string(m.id) +
                                                    "/photo?v=" + std::to_string(*m.photo_file_id))
                                             : Json(nullptr)},
               {"service_ids", v.service_ids},
               {"online_booking", m.online_booking},
               {"booking_step", m.booking_step},
               {"hire_date", text_or_null(m.hire_date)},
               {"work_permit_expires", text_or_null(m.work_permit_expires)},
               {"work_permit_warning", v.work_permit_warning},
               {"user_id", m.user_id ? Json(*m.user_id) : Json(nullptr)},
               {"archived", m.archived},
               {"created_at", FormatRfc3339Utc(m.created_at)}};
  if (!m.contacts_hidden) {
    json["phone"] = text_or_null(m.phone);
    json["email"] = text_or_null(m.email);
  }
  return json;
}

Json AbsenceJson(const Absence& a) {
  return {{"id", a.id},
          {"from", a.from},
          {"to", a.to},
          {"reason", ReasonName(a.reason)},
          {"note", a.note}};
}

Response ErrorResponse(const Request& req, const Error& error) {
  switch (error.code) {
    case ErrorCode::kValidation:
      return http::ValidationFailed(req, error.fields);
    case ErrorCode::kForbidden:
      return http::Forbidden(req);
    case ErrorCode::kNotFound:
      return http::NotFound(req);
  }
  return http::NotFound(req);
}

// Applies the staff fields present in the body.
void ReadStaff(JsonBody& body, StaffMember& m, bool creating) {
  if (auto v = body.Int("branch_id", creating, 1, INT64_MAX)) m.branch_id = *v;
  if (auto v = body.Text("name", {.required = creating, .min = 1, .max = 100})) m.name = *v;
  if (auto v = body.ClearableText("position", {.max = 100})) m.position = *v;
  if (auto v = body.ClearableText("bio", {.max = 2000})) m.bio = *v;
  if (auto v = body.ClearableText("phone", {.max = 40})) m.phone = *v;
  if (auto v = body.ClearableText("email", {.max = 254})) m.email = *v;
  if (auto v = body.Text("color", {.max = 7})) m.color = *v;
  if (auto v = body.NullableId("photo_file_id")) m.photo_file_id = *v;
  if (auto v = body.Bool("online_booking")) m.online_booking = *v;
  if (auto v = body.Int("booking_step", false, -100000, 100000))
    m.booking_step = static_cast<int>(*v);
  if (auto v = body.ClearableText("hire_date", {.max = 10})) m.hire_date = *v;
  if (auto v = body.ClearableText("work_permit_expires", {.max = 10})) m.work_permit_expires = *v;
  if (auto v = body.NullableId("user_id")) m.user_id = *v;
}

}  // namespace

void AddStaffRoutes(http::Router& router, StaffService& staff, std::string public_url) {
  router.Add("GET", "/api/v1/staff", Access::kSession, [&staff](Request& req) {
    std::optional<Id> branch, service;
    if (auto b = req.Query("branch_id"); b && !b->empty()) {
      branch = http::ParseId(*b);
      if (!branch) return http::BadRequest(req, {{"branch_id", "invalid_value"}});
    }
    if (auto s = req.Query("service_id"); s && !s->empty()) {
      service = http::ParseId(*s);
      if (!service) return http::BadRequest(req, {{"service_id", "invalid_value"}});
    }
    const auto archived = req.Query("archived");
    if (archived && !archived->empty() && *archived != "true" && *archived != "false") {
      return http::BadRequest(req, {{"archived", "invalid_value"}});
    }
    auto list = staff.List(ActorOf(req), branch, service, archived == "true");
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& v : *list) items.push_back(StaffJson(v));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  auto save = [&staff](Request& req, std::optional<Id> id) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    StaffMember scratch;
    ReadStaff(*body, scratch, !id);
    auto service_ids = body->IdList("service_ids", 200);
    auto saved = staff.Save(
        ActorOf(req), id,
        [&](StaffMember& m) {
          auto again = JsonBody::Parse(req);
          ReadStaff(*again, m, !id);
        },
        service_ids, body->errors());
    return saved ? Response::Json(id ? 200 : 201, http::Dump(StaffJson(*saved)))
                 : ErrorResponse(req, saved.error());
  };
  router.Add("POST", "/api/v1/staff", Access::kSession,
             [save](Request& req) { return save(req, std::nullopt); });
  router.Add("GET", "/api/v1/staff/{id}", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto v = staff.Get(ActorOf(req), *id);
    return v ? Response::Json(200, http::Dump(StaffJson(*v))) : ErrorResponse(req, v.error());
  });
  router.Add("PATCH", "/api/v1/staff/{id}", Access::kSession, [save](Request& req) {
    auto id = http::PathId(req);
    return id ? save(req, id) : http::NotFound(req);
  });
  router.Add("DELETE", "/api/v1/staff/{id}", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto v = staff.Archive(ActorOf(req), *id);
    return v ? Response::Json(200, http::Dump(StaffJson(*v))) : ErrorResponse(req, v.error());
  });
  router.Add("PUT", "/api/v1/staff/{id}/services", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto ids = body->IdList("service_ids", 200);
    if (!ids && !body->Has("service_ids")) body->AddError({"service_ids", "required"});
    if (auto problem = body->Problems(req)) return *problem;
    auto v = staff.Save(
        ActorOf(req), *id, [](StaffMember&) {}, ids);
    return v ? Response::Json(200, http::Dump(StaffJson(*v))) : ErrorResponse(req, v.error());
  });

  router.Add("GET", "/api/v1/staff/{id}/schedule", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto schedule = staff.Schedule(ActorOf(req), *id);
    return schedule ? Response::Json(200, http::Dump(ScheduleToJson(*schedule)))
                    : ErrorResponse(req, schedule.error());
  });
  router.Add("PUT", "/api/v1/staff/{id}/schedule", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    FieldErrors errors;
    auto schedule = ScheduleFromJson(body->json(), errors);
    if (!errors.empty()) return http::ValidationFailed(req, errors);
    auto saved = staff.SetSchedule(ActorOf(req), *id, schedule);
    return saved ? Response::Json(200, http::Dump(ScheduleToJson(*saved)))
                 : ErrorResponse(req, saved.error());
  });

  router.Add("GET", "/api/v1/staff/{id}/absences", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    const std::string from(req.Query("from").value_or(""));
    const std::string to(req.Query("to").value_or(""));
    FieldErrors bad;
    if (!from.empty() && !StartOfDay(from, "UTC")) bad.push_back({"from", "invalid_date"});
    if (!to.empty() && !StartOfDay(to, "UTC")) bad.push_back({"to", "invalid_date"});
    if (!bad.empty()) return http::BadRequest(req, bad);
    auto list = staff.Absences(ActorOf(req), *id, from, to);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& a : *list) items.push_back(AbsenceJson(a));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("POST", "/api/v1/staff/{id}/absences", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    Absence a;
    a.from = body->Text("from", {.required = true, .max = 10}).value_or("");
    a.to = body->Text("to", {.required = true, .max = 10}).value_or("");
    auto reason = body->Text("reason", {.required = true, .max = 20});
    if (reason) {
      if (auto r = ParseReason(*reason)) {
        a.reason = *r;
      } else {
        body->AddError({"reason", "invalid_value"});
      }
    }
    a.note = body->Text("note", {.max = 500}).value_or("");
    if (auto problem = body->Problems(req)) return *problem;
    auto added = staff.AddAbsence(ActorOf(req), *id, a);
    return added ? Response::Json(201, http::Dump(AbsenceJson(*added)))
                 : ErrorResponse(req, added.error());
  });
  router.Add("DELETE", "/api/v1/staff/{id}/absences/{absence_id}", Access::kSession,
             [&staff](Request& req) {
               auto id = http::PathId(req);
               auto absence = http::PathId(req, "absence_id");
               if (!id || !absence) return http::NotFound(req);
               auto done = staff.RemoveAbsence(ActorOf(req), *id, *absence);
               return done ? Response::NoContent() : ErrorResponse(req, done.error());
             });

  router.Add("GET", "/api/v1/staff/{id}/work-intervals", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    const std::string from(req.Query("from").value_or(""));
    const std::string to(req.Query("to").value_or(""));
    auto result = staff.Intervals(ActorOf(req), *id, from, to);
    if (!result) {
      return result.error().code == ErrorCode::kValidation
                 ? http::BadRequest(req, result.error().fields)
                 : ErrorResponse(req, result.error());
    }
    Json intervals = Json::array();
    for (const auto& i : result->intervals) {
      intervals.push_back({{"start", FormatRfc3339InZone(i.start, result->timezone)},
                           {"end", FormatRfc3339InZone(i.end, result->timezone)}});
    }
    return Response::Json(
        200,
        http::Dump({{"staff_id", *id}, {"timezone", result->timezone}, {"intervals", intervals}}));
  });

  auto calendar = [&staff, public_url](Request& req, bool reset) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto token = staff.CalendarToken(ActorOf(req), *id, reset);
    if (!token) return ErrorResponse(req, token.error());
    return Response::Json(
        200,
        http::Dump({{"url", http::PublicBaseUrl(req, public_url) + "/ical/" + *token + ".ics"}}));
  };
  router.Add("GET", "/api/v1/staff/{id}/calendar", Access::kSession,
             [calendar](Request& req) { return calendar(req, false); });
  router.Add("POST", "/api/v1/staff/{id}/calendar/reset", Access::kSession,
             [calendar](Request& req) { return calendar(req, true); });
  router.Add("GET", "/ical/{token}.ics", Access::kPublic, [&staff](Request& req) {
    auto feed = staff.CalendarFeed(req.path_params.at("token"));
    if (!feed) return http::NotFound(req);
    Response response;
    response.status = 200;
    response.content_type = "text/calendar; charset=utf-8";
    response.body = std::move(*feed);
    response.Header("Cache-Control", "private, max-age=300");
    return response;
  });

  router.Add("GET", "/api/v1/branches/{id}/closed-days", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto days = staff.ClosedDays(ActorOf(req), *id);
    if (!days) return ErrorResponse(req, days.error());
    Json items = Json::array();
    for (const auto& d : *days) items.push_back({{"date", d.date}, {"reason", d.reason}});
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("PUT", "/api/v1/branches/{id}/closed-days", Access::kSession, [&staff](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    std::vector<ClosedDay> days;
    if (!body->Has("items") || !body->json().at("items").is_array()) {
      body->AddError({"items", body->Has("items") ? "invalid_type" : "required"});
    } else {
      const auto& items = body->json().at("items");
      for (std::size_t i = 0; i < items.size() && i < 1000; ++i) {
        const auto& item = items[i];
        if (!item.is_object() || !item.contains("date") || !item["date"].is_string()) {
          body->AddError({"items[" + std::to_string(i) + "].date", "invalid_type"});
          continue;
        }
        std::string reason = item.value("reason", "");
        if (reason.size() > 200) reason.resize(200);
        days.push_back({item["date"].get<std::string>(), reason});
      }
    }
    if (auto problem = body->Problems(req)) return *problem;
    auto saved = staff.SetClosedDays(ActorOf(req), *id, days);
    if (!saved) return ErrorResponse(req, saved.error());
    Json items = Json::array();
    for (const auto& d : *saved) items.push_back({{"date", d.date}, {"reason", d.reason}});
    return Response::Json(200, http::Dump({{"items", items}}));
  });

  router.Add("GET", "/api/v1/staff-events", Access::kSession, [&staff](Request& req) {
    std::optional<Id> staff_id;
    if (auto s = req.Query("staff_id"); s && !s->empty()) {
      staff_id = http::ParseId(*s);
      if (!staff_id) return http::BadRequest(req, {{"staff_id", "invalid_value"}});
    }
    auto events = staff.Events(ActorOf(req), staff_id);
    if (!events) return ErrorResponse(req, events.error());
    Json items = Json::array();
    for (const auto& e : *events) {
      Json details = Json::parse(e.details_json, nullptr, false);
      items.push_back({{"id", e.id},
                       {"staff_id", e.staff_id},
                       {"kind", e.kind},
                       {"at", FormatRfc3339Utc(e.at)},
                       {"details", details.is_discarded() ? Json::object() : details}});
    }
    return Response::Json(200, http::Dump({{"items", items}}));
  });
}

void AddStaffPhotoRoutes(http::Router& router, StaffPhotos& photos) {
  http::Route upload{"PUT",
                     "/api/v1/staff/{id}/photo",
                     Access::kSession,
                     [&photos](Request& req) {
                       auto id = http::PathId(req);
                       if (!id) return http::NotFound(req);
                       std::string type(req.Header("content-type").value_or(""));
                       type = type.substr(0, type.find(';'));
                       auto view = photos.Set(ActorOf(req), *id, type, req.body);
                       if (!view) return ErrorResponse(req, view.error());
                       return Response::Json(200, http::Dump(StaffJson(*view)));
                     },
                     kMaxStaffPhotoBytes,
                     true};
  router.Add(std::move(upload));
  router.Add("DELETE", "/api/v1/staff/{id}/photo", Access::kSession, [&photos](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = photos.Remove(ActorOf(req), *id);
    if (!view) return ErrorResponse(req, view.error());
    return Response::Json(200, http::Dump(StaffJson(*view)));
  });
  router.Add("GET", "/api/v1/public/staff/{id}/photo", Access::kPublic, [&photos](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto photo = photos.Public(*id);
    if (!photo) return http::NotFound(req);
    Response response;
    response.status = 200;
    response.content_type = photo->content_type;
    response.file_path = photo->path;
    // The URL names the photo's version (?v=): a new photo gets a new URL.
    response.Header("Cache-Control", "public, max-age=86400");
    return response;
  });
}

}  // namespace kvitka::staff
