#include "booking/http/booking_json.h"
#include "booking/http/booking_routes.h"
#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::booking {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Response GroupAnswer(const Request& req, const Result<GroupEventView, Error>& result, int status) {
  if (!result) return ErrorResponse(req, result.error());
  return Response::Json(status, http::Dump(GroupEventJson(*result)));
}

Response WaitlistAnswer(const Request& req, const Result<WaitlistView, Error>& result, int status) {
  if (!result) return ErrorResponse(req, result.error());
  return Response::Json(status, http::Dump(WaitlistJson(*result)));
}

GroupEventInput ReadGroupEvent(JsonBody& body, bool creating) {
  GroupEventInput in;
  if (creating) {
    if (auto v = body.Int("branch_id", true, 1, INT64_MAX)) in.branch_id = *v;
    if (auto v = body.Int("service_id", true, 1, INT64_MAX)) in.service_id = *v;
  }
  if (auto v = body.Int("staff_id", creating, 1, INT64_MAX)) in.staff_id = *v;
  if (auto v = body.NullableId("room_id")) in.room_id = *v;
  in.start = ReadInstant(body, body.json(), "start", creating);
  if (auto v = body.Int("capacity", false, 1, 500)) in.capacity = static_cast<int>(*v);
  if (auto v = body.ClearableText("notes", {.max = 2000})) in.notes = *v;
  if (auto v = body.Bool("allow_outside_hours")) in.allow_outside_hours = *v;
  return in;
}

std::optional<int> ReadClock(JsonBody& body, const char* field) {
  auto text = body.ClearableText(field, {.max = 5});
  if (!text || text->empty()) return std::nullopt;
  auto minutes = ParseClockTime(*text);
  if (!minutes) body.AddError({field, "invalid_value"});
  return minutes;
}

}  // namespace

void AddGroupRoutes(http::Router& router, BookingServices b) {
  router.Add("GET", "/api/v1/group-events", Access::kSession, [b](Request& req) {
    FieldErrors errors;
    std::optional<Id> branch;
    if (auto text = req.Query("branch_id"); text && !text->empty()) {
      branch = http::ParseId(*text);
      if (!branch) errors.push_back({"branch_id", "invalid_value"});
    } else {
      errors.push_back({"branch_id", "required"});
    }
    const std::string from(req.Query("from").value_or(""));
    const std::string to(req.Query("to").value_or(""));
    if (!from.empty() && !IsJournalDate(from)) errors.push_back({"from", "invalid_date"});
    if (!to.empty() && !IsJournalDate(to)) errors.push_back({"to", "invalid_date"});
    if (!errors.empty()) return http::BadRequest(req, errors);
    auto list = b.groups.List(ActorOf(req), *branch, from, to);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& g : *list) items.push_back(GroupEventJson(g));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("POST", "/api/v1/group-events", Access::kSession, [b](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto in = ReadGroupEvent(*body, true);
    if (auto problems = body->Problems(req)) return *problems;
    return GroupAnswer(req, b.groups.Save(ActorOf(req), std::nullopt, in), 201);
  });
  router.Add("GET", "/api/v1/group-events/{id}", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return GroupAnswer(req, b.groups.Get(ActorOf(req), *id), 200);
  });
  router.Add("PATCH", "/api/v1/group-events/{id}", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto in = ReadGroupEvent(*body, false);
    if (auto problems = body->Problems(req)) return *problems;
    return GroupAnswer(req, b.groups.Save(ActorOf(req), *id, in), 200);
  });
  router.Add("POST", "/api/v1/group-events/{id}/cancel", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto reason = body->ClearableText("reason", {.max = 500});
    if (auto problems = body->Problems(req)) return *problems;
    return GroupAnswer(req, b.groups.Cancel(ActorOf(req), *id, reason.value_or("")), 200);
  });
  router.Add("POST", "/api/v1/group-events/{id}/participants", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto client = body->Int("client_id", true, 1, INT64_MAX);
    auto notes = body->ClearableText("notes", {.max = 2000});
    if (auto problems = body->Problems(req)) return *problems;
    auto added = b.groups.AddParticipant(ActorOf(req), *id, *client, notes.value_or(""));
    if (!added) return ErrorResponse(req, added.error());
    return Response::Json(201, AppointmentJson(*added));
  });

  router.Add("GET", "/api/v1/waitlist", Access::kSession, [b](Request& req) {
    FieldErrors errors;
    std::optional<Id> branch;
    if (auto text = req.Query("branch_id"); text && !text->empty()) {
      branch = http::ParseId(*text);
      if (!branch) errors.push_back({"branch_id", "invalid_value"});
    } else {
      errors.push_back({"branch_id", "required"});
    }
    std::optional<WaitlistStatus> status;
    if (auto text = req.Query("status"); text && !text->empty()) {
      status = ParseWaitlistStatus(*text);
      if (!status) errors.push_back({"status", "invalid_value"});
    }
    if (!errors.empty()) return http::BadRequest(req, errors);
    auto list = b.waitlist.List(ActorOf(req), *branch, status);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& w : *list) items.push_back(WaitlistJson(w));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("POST", "/api/v1/waitlist", Access::kSession, [b](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    WaitlistEntry e;
    if (auto v = body->Int("branch_id", true, 1, INT64_MAX)) e.branch_id = *v;
    if (auto v = body->Int("client_id", true, 1, INT64_MAX)) e.client_id = *v;
    if (auto v = body->IdList("service_ids", 10)) e.service_ids = *v;
    if (auto v = body->NullableId("staff_id")) e.staff_id = *v;
    if (auto v = body->Text("date_from", {.required = true, .max = 10})) e.date_from = *v;
    if (auto v = body->Text("date_to", {.required = true, .max = 10})) e.date_to = *v;
    if (!e.date_from.empty() && !IsJournalDate(e.date_from)) {
      body->AddError({"date_from", "invalid_date"});
    }
    if (!e.date_to.empty() && !IsJournalDate(e.date_to)) {
      body->AddError({"date_to", "invalid_date"});
    }
    e.time_from = ReadClock(*body, "time_from");
    e.time_to = ReadClock(*body, "time_to");
    if (auto v = body->ClearableText("notes", {.max = 2000})) e.notes = *v;
    if (auto problems = body->Problems(req)) return *problems;
    return WaitlistAnswer(req, b.waitlist.Add(ActorOf(req), e), 201);
  });
  router.Add("PATCH", "/api/v1/waitlist/{id}", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    std::optional<WaitlistStatus> status;
    if (auto v = body->Text("status", {.max = 20})) {
      status = ParseWaitlistStatus(*v);
      if (!status || *status == WaitlistStatus::kOffered)
        body->AddError({"status", "invalid_value"});
    }
    auto notes = body->ClearableText("notes", {.max = 2000});
    if (auto problems = body->Problems(req)) return *problems;
    return WaitlistAnswer(req, b.waitlist.Change(ActorOf(req), *id, status, notes), 200);
  });
}

}  // namespace kvitka::booking
