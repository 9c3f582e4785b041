#include "booking/http/online_routes.h"

#include <algorithm>

#include "booking/http/booking_json.h"
#include "booking/http/online_json.h"
#include "core/secret.h"
#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"
#include "platform/qr/qr_svg.h"

namespace kvitka::booking {

using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

constexpr auto kPublic = http::Access::kPublic;
constexpr auto kSession = http::Access::kSession;

std::string Slug(const Request& req) { return req.path_params.at("slug"); }
std::string Token(const Request& req) { return req.path_params.at("token"); }

// A printable-ASCII Idempotency-Key of at most 100 characters; a field error otherwise.
std::string IdempotencyKey(const Request& req, JsonBody& body) {
  auto key = req.Header("idempotency-key");
  if (!key) return {};
  const bool printable = std::all_of(key->begin(), key->end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 && static_cast<unsigned char>(c) < 0x7F;
  });
  if (key->empty() || key->size() > 100 || !printable) {
    body.AddError({"Idempotency-Key", "invalid_value"});
    return {};
  }
  return std::string(*key);
}

std::optional<std::vector<Id>> ServiceIds(JsonBody& body) {
  auto ids = body.IdList("service_ids", 1000);
  if (!body.Has("service_ids")) body.AddError({"service_ids", "required"});
  if (ids && ids->size() > 10) body.AddError({"service_ids", "too_many", 10});
  return ids;
}

std::string Honeypot(JsonBody& body) {
  const Json& json = body.json();
  if (!json.contains("website") || json["website"].is_null()) return {};
  if (!json["website"].is_string()) return "x";
  return json["website"].get<std::string>();
}

// "HH:MM" in a body; a field error otherwise.
std::optional<int> ClockTime(JsonBody& body, const char* field) {
  auto text = body.Text(field, {.max = 5});
  if (!text) return std::nullopt;
  auto minutes = ParseClockTime(*text);
  if (!minutes) body.AddError({field, "invalid_value"});
  return minutes;
}

Response BookingAnswer(const Request& req, const Result<PublicBooking, Error>& result,
                       const std::string& public_url, int status) {
  if (!result) return ErrorResponse(req, result.error());
  const std::string base = http::PublicBaseUrl(req, public_url);
  return Response::Json(
      status, http::Dump({{"booking", PublicBookingJson(*result)},
                          {"manage_token", result->token},
                          {"manage_url", ManageUrl(base, result->branch.slug, result->token)},
                          {"slug", result->branch.slug}}));
}

}  // namespace

void AddOnlineRoutes(http::Router& router, OnlineBooking& online, const std::string& public_url) {
  // The page's link needs the branch's slug: the staff side answers with it.
  auto rules_json = [public_url](const Request& req, const BranchRules& r) {
    return http::Dump(OnlineRulesJson(
        r.rules, r.branch.id, BookingPageUrl(http::PublicBaseUrl(req, public_url), r.branch.slug)));
  };
  router.Add("GET", "/api/v1/branches/{id}/online-booking", kSession,
             [&online, rules_json](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto rules = online.Rules(ActorOf(req), *id);
               if (!rules) return ErrorResponse(req, rules.error());
               return Response::Json(200, rules_json(req, *rules));
             });
  router.Add("PUT", "/api/v1/branches/{id}/online-booking", kSession,
             [&online, rules_json](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto patch = ReadOnlineRules(*body);
               if (auto problems = body->Problems(req)) return *problems;
               auto rules = online.SetRules(ActorOf(req), *id, patch);
               if (!rules) return ErrorResponse(req, rules.error());
               return Response::Json(200, rules_json(req, *rules));
             });

  router.Add("GET", "/api/v1/public/branches/{slug}", kPublic, [&online](Request& req) {
    auto page = online.Branch(Slug(req));
    if (!page) return ErrorResponse(req, page.error());
    return Response::Json(200, http::Dump(PublicBranchJson(*page)));
  });

  router.Add("GET", "/api/v1/public/branches/{slug}/availability", kPublic,
             [&online](Request& req) {
               FieldErrors errors;
               AvailabilityQuery q;
               if (auto ids = QueryIds(req, "service_ids", errors)) q.service_ids = *ids;
               q.staff_id = QueryId(req, "staff_id", errors, false);
               q.from = std::string(req.Query("from").value_or(""));
               q.to = std::string(req.Query("to").value_or(""));
               if (q.from.empty()) errors.push_back({"from", "required"});
               if (q.to.empty()) errors.push_back({"to", "required"});
               if (!errors.empty()) return http::ValidationFailed(req, errors);
               auto found = online.Availability(Slug(req), q);
               if (!found) return ErrorResponse(req, found.error());
               return Response::Json(200, AvailabilityJson(*found));
             });

  router.Add("POST", "/api/v1/public/branches/{slug}/bookings", kPublic,
             [&online, public_url](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               OnlineBookingRequest in;
               if (auto ids = ServiceIds(*body)) in.service_ids = *ids;
               if (auto staff = body->NullableId("staff_id")) in.staff_id = *staff;
               in.start = ReadInstant(*body, body->json(), "start", true);
               in.visitor = ReadVisitor(*body);
               if (auto v = body->ClearableText("comment", {.max = 2000})) in.comment = *v;
               in.honeypot = Honeypot(*body);
               in.idempotency_key = IdempotencyKey(req, *body);
               in.ip = req.remote_ip;
               if (auto problems = body->Problems(req)) return *problems;
               return BookingAnswer(req, online.Book(Slug(req), in), public_url, 201);
             });

  router.Add("POST", "/api/v1/public/branches/{slug}/waitlist", kPublic, [&online](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    OnlineWaitlistRequest in;
    if (auto ids = ServiceIds(*body)) in.service_ids = *ids;
    if (auto staff = body->NullableId("staff_id")) in.staff_id = *staff;
    const Json& json = body->json();
    if (!json.contains("dates") || !json["dates"].is_object()) {
      body->AddError({"dates", json.contains("dates") ? "invalid_type" : "required"});
    } else {
      auto date = [&](const char* name) {
        const Json& d = json["dates"];
        const std::string field = std::string("dates.") + name;
        if (!d.contains(name) || !d[name].is_string()) {
          body->AddError({field, d.contains(name) ? "invalid_type" : "required"});
          return std::string();
        }
        auto value = d[name].get<std::string>();
        if (!IsJournalDate(value)) body->AddError({field, "invalid_date"});
        return value;
      };
      in.date_from = date("from");
      in.date_to = date("to");
    }
    in.time_from = ClockTime(*body, "time_from");
    in.time_to = ClockTime(*body, "time_to");
    in.visitor = ReadVisitor(*body);
    if (auto v = body->ClearableText("comment", {.max = 2000})) in.comment = *v;
    in.honeypot = Honeypot(*body);
    in.ip = req.remote_ip;
    if (auto problems = body->Problems(req)) return *problems;
    auto asked = online.AskWaitlist(Slug(req), in);
    if (!asked) return ErrorResponse(req, asked.error());
    return Response::Json(201, http::Dump({{"status", "waiting"}}));
  });

  router.Add(
      "GET", "/api/v1/public/branches/{slug}/qr.svg", kPublic, [&online, public_url](Request& req) {
        auto page = online.Branch(Slug(req));
        if (!page) return ErrorResponse(req, page.error());
        auto svg = qr::Svg(BookingPageUrl(http::PublicBaseUrl(req, public_url), page->branch.slug));
        if (!svg) return http::NotFound(req);
        Response response;
        response.status = 200;
        response.content_type = "image/svg+xml";
        response.body = std::move(*svg);
        response.Header("Cache-Control", "public, max-age=3600");
        return response;
      });

  router.Add("GET", "/api/v1/public/bookings/{token}", kPublic,
             [&online, public_url](Request& req) {
               return BookingAnswer(req, online.Manage(Token(req)), public_url, 200);
             });
  router.Add("POST", "/api/v1/public/bookings/{token}/cancel", kPublic,
             [&online, public_url](Request& req) {
               std::string reason;
               if (!req.body.empty()) {
                 auto body = JsonBody::Parse(req);
                 if (!body) return body.error();
                 if (auto v = body->ClearableText("reason", {.max = 500})) reason = *v;
                 if (auto problems = body->Problems(req)) return *problems;
               }
               return BookingAnswer(req, online.Cancel(Token(req), reason, req.remote_ip),
                                    public_url, 200);
             });
  router.Add("POST", "/api/v1/public/bookings/{token}/reschedule", kPublic,
             [&online, public_url](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto start = ReadInstant(*body, body->json(), "start", true);
               std::optional<Id> staff_id;
               if (auto staff = body->NullableId("staff_id")) staff_id = *staff;
               if (auto problems = body->Problems(req)) return *problems;
               return BookingAnswer(req,
                                    online.Reschedule(Token(req), *start, staff_id, req.remote_ip),
                                    public_url, 200);
             });
}

}  // namespace kvitka::booking
