#include "booking/http/booking_routes.h"

#include "booking/http/booking_json.h"
#include "core/secret.h"
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

std::optional<bool> QueryBool(const Request& req, const char* name, FieldErrors& errors) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  errors.push_back({name, "invalid_value"});
  return std::nullopt;
}

Response Answer(const Request& req, const Result<AppointmentView, Error>& result, int status) {
  if (!result) return ErrorResponse(req, result.error());
  return Response::Json(result->replayed ? 201 : status, AppointmentJson(*result));
}

std::optional<Recurrence> ReadRecurrence(JsonBody& body) {
  const Json& json = body.json();
  if (!json.contains("recurrence") || json["recurrence"].is_null()) return std::nullopt;
  const Json& r = json["recurrence"];
  if (!r.is_object()) {
    body.AddError({"recurrence", "invalid_type"});
    return std::nullopt;
  }
  Recurrence rec;
  if (!r.contains("every") || !r["every"].is_number_integer()) {
    body.AddError({"recurrence.every", r.contains("every") ? "invalid_type" : "required"});
  } else {
    rec.every =
        static_cast<int>(std::clamp<std::int64_t>(r["every"].get<std::int64_t>(), -1, 1000));
  }
  const std::string unit =
      r.contains("unit") && r["unit"].is_string() ? r["unit"].get<std::string>() : "";
  if (unit == "day" || unit == "days") {
    rec.weeks = false;
  } else if (unit != "week" && unit != "weeks") {
    body.AddError({"recurrence.unit", unit.empty() ? "required" : "invalid_value"});
  }
  if (r.contains("until") && !r["until"].is_null()) {
    if (!r["until"].is_string()) {
      body.AddError({"recurrence.until", "invalid_type"});
    } else {
      rec.until = r["until"].get<std::string>();
      if (!IsJournalDate(rec.until)) body.AddError({"recurrence.until", "invalid_date"});
    }
  }
  if (r.contains("count") && !r["count"].is_null()) {
    if (!r["count"].is_number_integer()) {
      body.AddError({"recurrence.count", "invalid_type"});
    } else {
      rec.count =
          static_cast<int>(std::clamp<std::int64_t>(r["count"].get<std::int64_t>(), -1, 1000));
    }
  }
  if (rec.until.empty() && rec.count == 0) body.AddError({"recurrence.count", "required"});
  return rec;
}

std::optional<bool> ReadScope(JsonBody& body) {
  auto scope = body.Text("scope", {.max = 20});
  if (!scope) return false;
  if (*scope == "this") return false;
  if (*scope == "following") return true;
  body.AddError({"scope", "invalid_value"});
  return std::nullopt;
}

}  // namespace

void EventHubFeed::Publish(const BookingChange& c) {
  Json data = {{"kind", c.kind}, {"branch_id", c.branch_id}, {c.topic + "_id", c.id}};
  if (!c.source.empty()) data["source"] = c.source;
  if (!c.status.empty()) data["status"] = c.status;
  if (c.version > 0) data["version"] = c.version;
  hub_.Publish({c.org_id, c.branch_id, c.topic, http::Dump(data)});
}

void AddBookingRoutes(http::Router& router, BookingServices b) {
  router.Add("GET", "/api/v1/availability", Access::kSession, [b](Request& req) {
    FieldErrors errors;
    AvailabilityQuery q;
    if (auto id = QueryId(req, "branch_id", errors, true)) q.branch_id = *id;
    if (auto ids = QueryIds(req, "service_ids", errors)) q.service_ids = *ids;
    q.staff_id = QueryId(req, "staff_id", errors, false);
    q.from = std::string(req.Query("from").value_or(""));
    q.to = std::string(req.Query("to").value_or(""));
    if (q.from.empty()) errors.push_back({"from", "required"});
    if (q.to.empty()) errors.push_back({"to", "required"});
    if (auto same = QueryBool(req, "same_master", errors)) q.same_master = *same;
    if (!errors.empty()) return http::ValidationFailed(req, errors);
    auto found = b.availability.Availability(ActorOf(req), q);
    if (!found) return ErrorResponse(req, found.error());
    return Response::Json(200, AvailabilityJson(*found));
  });

  router.Add("POST", "/api/v1/appointments", Access::kSession, [b](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    NewAppointment in;
    if (auto v = body->Int("branch_id", true, 1, INT64_MAX)) in.branch_id = *v;
    if (auto v = body->Int("client_id", true, 1, INT64_MAX)) in.client_id = *v;
    if (auto items = ReadItems(*body, true)) in.items = *items;
    if (auto v = body->ClearableText("notes", {.max = 2000})) in.notes = *v;
    if (auto v = body->Text("source", {.max = 20})) {
      auto source = ParseSource(*v);
      if (!source) body->AddError({"source", "invalid_value"});
      in.source = source.value_or(Source::kFrontDesk);
    }
    if (auto v = body->Bool("allow_outside_hours")) in.allow_outside_hours = *v;
    in.recurrence = ReadRecurrence(*body);
    if (auto key = req.Header("idempotency-key")) {
      // Printable ASCII only: the key is stored as text (PostgreSQL refuses invalid UTF-8).
      const bool printable = std::all_of(key->begin(), key->end(), [](char c) {
        return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
      });
      if (key->empty() || key->size() > 100 || !printable) {
        body->AddError({"Idempotency-Key", "invalid_value"});
      }
      in.idempotency_key = std::string(*key);
      in.fingerprint = HashToken(req.body);
    }
    if (auto problems = body->Problems(req)) return *problems;
    return Answer(req, b.appointments.Create(ActorOf(req), in), 201);
  });

  router.Add("GET", "/api/v1/appointments/{id}", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return Answer(req, b.appointments.Get(ActorOf(req), *id), 200);
  });

  router.Add("PATCH", "/api/v1/appointments/{id}", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    AppointmentPatch patch;
    patch.items = ReadItems(*body, false);
    patch.start = ReadInstant(*body, body->json(), "start", false);
    if (auto v = body->Int("staff_id", false, 1, INT64_MAX)) patch.staff_id = *v;
    if (auto v = body->ClearableText("notes", {.max = 2000})) patch.notes = *v;
    if (auto v = body->Bool("allow_outside_hours")) patch.allow_outside_hours = *v;
    if (auto following = ReadScope(*body)) patch.following = *following;
    if (auto problems = body->Problems(req)) return *problems;
    return Answer(req, b.appointments.Change(ActorOf(req), *id, patch), 200);
  });

  router.Add("POST", "/api/v1/appointments/{id}/status", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    StatusChange change;
    if (auto v = body->Text("status", {.required = true, .max = 20})) {
      auto status = ParseStatus(*v);
      if (!status) body->AddError({"status", "invalid_value"});
      change.status = status.value_or(Status::kBooked);
    }
    if (auto v = body->ClearableText("reason", {.max = 500})) change.reason = *v;
    if (auto v = body->Text("cancelled_by", {.max = 10})) {
      if (*v != "client" && *v != "salon") body->AddError({"cancelled_by", "invalid_value"});
      change.cancelled_by = *v;
    }
    if (auto following = ReadScope(*body)) change.following = *following;
    if (auto problems = body->Problems(req)) return *problems;
    return Answer(req, b.appointments.SetStatus(ActorOf(req), *id, change), 200);
  });

  router.Add("PUT", "/api/v1/appointments/{id}/visit", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    VisitRecord visit;
    if (auto v = body->ClearableText("notes", {.max = 5000, .trim = false})) visit.notes = *v;
    if (auto v = body->ClearableText("formula", {.max = 2000, .trim = false})) visit.formula = *v;
    if (auto v = body->IdList("photo_file_ids", 50)) visit.photo_file_ids = *v;
    if (auto problems = body->Problems(req)) return *problems;
    return Answer(req, b.appointments.RecordVisit(ActorOf(req), *id, visit), 200);
  });

  router.Add("GET", "/api/v1/clients/{id}/appointments", Access::kSession, [b](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto found = b.appointments.OfClient(ActorOf(req), *id, page->after, page->limit);
    if (!found) return ErrorResponse(req, found.error());
    http::JsonWriter w;
    w.Object().Key("items").Array();
    for (const auto& v : found->items) WriteAppointment(w, v);
    w.End().Key("next_cursor");
    if (found->next_before_id) {
      w.String(http::EncodeCursor(*found->next_before_id));
    } else {
      w.Null();
    }
    return Response::Json(200, w.End().Take());
  });

  router.Add("GET", "/api/v1/journal", Access::kSession, [b](Request& req) {
    FieldErrors errors;
    auto branch = QueryId(req, "branch_id", errors, true);
    const std::string date(req.Query("date").value_or(""));
    if (date.empty()) errors.push_back({"date", "required"});
    int days = 1;
    if (auto text = req.Query("days"); text && !text->empty()) {
      auto n = http::ParseId(*text);
      days = n && *n <= 7 ? static_cast<int>(*n) : 0;
      if (days == 0) errors.push_back({"days", "out_of_range", 7});
    }
    const bool cancelled = QueryBool(req, "include_cancelled", errors).value_or(false);
    if (!errors.empty()) return http::ValidationFailed(req, errors);
    auto journal = b.journal.Rendered(ActorOf(req), *branch, date, days, cancelled, JournalJson,
                                      req.Header("if-none-match").value_or(""));
    if (!journal) return ErrorResponse(req, journal.error());
    Response response;
    if (journal->text) {
      response = Response::Json(200, *journal->text);
    } else {
      response.status = 304;
    }
    // Kept by the browser, asked again every time: unchanged days cost a 304.
    response.Header("ETag", journal->etag).Header("Cache-Control", "private, no-cache");
    return response;
  });

  router.Add("GET", "/api/v1/events", Access::kSession, [b](Request& req) {
    FieldErrors errors;
    auto branch = QueryId(req, "branch_id", errors, false);
    if (!errors.empty()) return http::BadRequest(req, errors);
    const auto actor = ActorOf(req);
    if (auto allowed = b.journal.CanWatch(actor, branch); !allowed) {
      return ErrorResponse(req, allowed.error());
    }
    return Response::EventStream(b.events, actor.org_id, branch);
  });
}

}  // namespace kvitka::booking
