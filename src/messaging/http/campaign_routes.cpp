// Campaigns (owners and managers), and the public opt-out link of marketing messages.
#include "core/time.h"
#include "identity/http/session_authenticator.h"
#include "messaging/http/messaging_json.h"
#include "messaging/http/messaging_routes.h"
#include "platform/http/json_body.h"
#include "platform/http/problem.h"

namespace kvitka::messaging {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Json CampaignJson(const Campaign& c) {
  Json audience = Json::object();
  for (const auto& [key, value] : c.audience) audience[key] = value;
  return {{"id", c.id},
          {"name", c.name},
          {"channel", ChannelName(c.channel)},
          {"audience", audience},
          {"subject", c.subject},
          {"body", c.body},
          {"per_minute", c.per_minute},
          {"status", CampaignStatusName(c.status)},
          {"send_at", c.send_at ? Json(FormatRfc3339Utc(*c.send_at)) : Json(nullptr)},
          {"recipients", c.recipients},
          {"sms_parts", c.sms_parts},
          {"created_at", FormatRfc3339Utc(c.created_at)},
          {"updated_at", FormatRfc3339Utc(c.updated_at)}};
}

Json ViewJson(const CampaignView& v) {
  Json j = CampaignJson(v.campaign);
  j["results"] = v.results ? Json{{"pending", v.results->pending},
                                  {"sent", v.results->sent},
                                  {"delivered", v.results->delivered},
                                  {"failed", v.results->failed},
                                  {"voided", v.results->voided},
                                  {"bookings", v.bookings},
                                  {"days", v.days}}
                           : Json(nullptr);
  return j;
}

// The body of a POST or PATCH; errors name the fields.
Result<CampaignInput, Response> ParseInput(const Request& req) {
  auto body = JsonBody::Parse(req);
  if (!body) return Fail(body.error());
  CampaignInput in;
  in.name = body->Text("name", {false, 0, 120});
  in.subject = body->Text("subject", {false, 0, kMaxSubjectLength});
  in.body = body->Text("body", {false, 0, 5000, false});
  if (auto per_minute = body->Int("per_minute", false, 1, kMaxPerMinute)) {
    in.per_minute = static_cast<int>(*per_minute);
  }
  if (auto channel = body->Text("channel", {false, 0, 20})) {
    in.channel = ParseChannel(*channel);
    if (!in.channel) body->AddError({"channel", "invalid_value"});
  }
  if (body->Has("audience")) {
    const Json& audience = body->json()["audience"];
    if (!audience.is_object() || audience.size() > 40) {
      body->AddError({"audience", "invalid_type"});
    } else {
      clients::Pairs pairs;
      for (const auto& [key, value] : audience.items()) {
        if (value.is_string()) {
          pairs.emplace_back(key, value.get<std::string>());
        } else if (value.is_number_integer()) {
          pairs.emplace_back(key, std::to_string(value.get<long long>()));
        } else {
          body->AddError({"audience." + key, "invalid_type"});
        }
      }
      in.audience = pairs;
    }
  }
  in.format_errors = body->errors();
  return in;
}

Response ViewResponse(const Request& req, const Result<CampaignView, Error>& view, int status) {
  return view ? Response::Json(status, http::Dump(ViewJson(*view)))
              : ErrorResponse(req, view.error());
}

}  // namespace

void AddCampaignRoutes(http::Router& router, Campaigns& campaigns) {
  router.Add("GET", "/api/v1/campaigns", Access::kSession, [&campaigns](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    auto list = campaigns.List(ActorOf(req), page->after, page->limit + 1);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    Json next = nullptr;
    for (std::size_t i = 0; i < list->size(); ++i) {
      if (static_cast<int>(i) == page->limit) {
        next = http::EncodeCursor((*list)[i - 1].id);
        break;
      }
      items.push_back(CampaignJson((*list)[i]));
    }
    return Response::Json(200, http::Dump({{"items", items}, {"next_cursor", next}}));
  });
  router.Add("POST", "/api/v1/campaigns", Access::kSession, [&campaigns](Request& req) {
    auto input = ParseInput(req);
    if (!input) return input.error();
    return ViewResponse(req, campaigns.Create(ActorOf(req), *input), 201);
  });
  router.Add("GET", "/api/v1/campaigns/{id}", Access::kSession, [&campaigns](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    int days = 14;
    if (auto text = req.Query("days")) {
      auto parsed = http::ParseId(*text);
      if (!parsed || *parsed > 365) return http::BadRequest(req, {{"days", "out_of_range", 365}});
      days = static_cast<int>(*parsed);
    }
    return ViewResponse(req, campaigns.Get(ActorOf(req), *id, days), 200);
  });
  router.Add("PATCH", "/api/v1/campaigns/{id}", Access::kSession, [&campaigns](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto input = ParseInput(req);
    if (!input) return input.error();
    return ViewResponse(req, campaigns.Update(ActorOf(req), *id, *input), 200);
  });
  router.Add("POST", "/api/v1/campaigns/{id}/estimate", Access::kSession,
             [&campaigns](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto e = campaigns.Estimate(ActorOf(req), *id);
               if (!e) return ErrorResponse(req, e.error());
               return Response::Json(200, http::Dump({{"clients", e->clients},
                                                      {"recipients", e->recipients},
                                                      {"without_consent", e->without_consent},
                                                      {"unreachable", e->unreachable},
                                                      {"sms_parts", e->sms_parts},
                                                      {"max_parts", e->max_parts},
                                                      {"sample", e->sample}}));
             });
  router.Add("POST", "/api/v1/campaigns/{id}/send", Access::kSession, [&campaigns](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    std::optional<EpochSeconds> at;
    if (!req.body.empty()) {
      auto body = JsonBody::Parse(req);
      if (!body) return body.error();
      if (auto text = body->Text("send_at", {false, 0, 40})) {
        at = ParseRfc3339(*text);
        if (!at) return http::ValidationFailed(req, {{"send_at", "invalid_date"}});
      }
      if (auto problems = body->Problems(req)) return *problems;
    }
    return ViewResponse(req, campaigns.Send(ActorOf(req), *id, at), 200);
  });
  router.Add("POST", "/api/v1/campaigns/{id}/cancel", Access::kSession, [&campaigns](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return ViewResponse(req, campaigns.Cancel(ActorOf(req), *id), 200);
  });
}

void AddOptOutRoutes(http::Router& router, Campaigns& campaigns) {
  auto answer = [](const Request& req, const Result<OptOutView, Error>& view) {
    if (!view) return ErrorResponse(req, view.error());
    return Response::Json(200, http::Dump({{"salon", view->salon},
                                           {"first_name", view->first_name},
                                           {"subscribed", view->subscribed}}));
  };
  router.Add("GET", "/api/v1/public/opt-out/{token}", Access::kPublic,
             [&campaigns, answer](Request& req) {
               return answer(req, campaigns.OptOutInfo(req.path_params["token"]));
             });
  router.Add("POST", "/api/v1/public/opt-out/{token}", Access::kPublic,
             [&campaigns, answer](Request& req) {
               return answer(req, campaigns.OptOut(req.path_params["token"]));
             });
}

}  // namespace kvitka::messaging
