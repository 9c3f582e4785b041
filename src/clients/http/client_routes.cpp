#include "clients/http/client_routes.h"

#include "clients/http/client_json.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::clients {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

Response Shown(int status, const ClientView& view) {
  return Response::Json(status, http::Dump(ClientJson(view.client, view.order)));
}

}  // namespace

void AddClientRoutes(http::Router& router, ClientService& clients) {
  router.Add("GET", "/api/v1/clients", Access::kSession, [&clients](Request& req) {
    auto page = http::ParsePage(req);
    if (!page) return page.error();
    const auto total_flag = req.Query("with_total");
    if (total_flag && *total_flag != "true" && *total_flag != "false") {
      return http::BadRequest(req, {{"with_total", "invalid_value"}});
    }
    const bool with_total = total_flag == "true";
    auto list = clients.List(ActorOf(req), req.query, page->after, page->limit, with_total);
    if (!list) return QueryErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& c : list->items) items.push_back(ClientJson(c, list->order));
    return Response::Json(
        200,
        http::Dump({{"items", items},
                    {"next_cursor", list->next_before ? Json(http::EncodeCursor(*list->next_before))
                                                      : Json(nullptr)},
                    {"total", list->total ? Json(*list->total) : Json(nullptr)}}));
  });

  router.Add("POST", "/api/v1/clients", Access::kSession, [&clients](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto input = ReadClient(*body, true);
    input.format_errors = body->errors();
    auto view = clients.Create(ActorOf(req), input);
    return view ? Shown(201, *view) : ErrorResponse(req, view.error());
  });

  router.Add("GET", "/api/v1/clients/{id}", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = clients.Get(ActorOf(req), *id);
    return view ? Shown(200, *view) : ErrorResponse(req, view.error());
  });

  router.Add("PATCH", "/api/v1/clients/{id}", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto patch = ReadClient(*body, false);
    patch.format_errors = body->errors();
    auto view = clients.Update(ActorOf(req), *id, patch);
    return view ? Shown(200, *view) : ErrorResponse(req, view.error());
  });

  router.Add("DELETE", "/api/v1/clients/{id}", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = clients.Archive(ActorOf(req), *id);
    return view ? Shown(200, *view) : ErrorResponse(req, view.error());
  });

  router.Add("POST", "/api/v1/clients/{id}/merge", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto source = body->Int("source_id", true, 1, INT64_MAX);
    if (auto problem = body->Problems(req)) return *problem;
    auto view = clients.Merge(ActorOf(req), *id, *source);
    return view ? Shown(200, *view) : ErrorResponse(req, view.error());
  });

  router.Add("POST", "/api/v1/clients/{id}/erase", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = clients.Erase(ActorOf(req), *id);
    return view ? Shown(200, *view) : ErrorResponse(req, view.error());
  });

  router.Add("GET", "/api/v1/clients/{id}/export", Access::kSession, [&clients](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto data = clients.PersonalData(ActorOf(req), *id);
    if (!data) return ErrorResponse(req, data.error());
    Json files = Json::array();
    for (const auto& f : data->second) files.push_back(FileJson(f));
    Json document = {{"client", ClientJson(data->first.client, data->first.order)},
                     {"files", files}};
    auto response =
        Response::Json(200, document.dump(2, ' ', false, Json::error_handler_t::replace));
    response.Header("Content-Disposition",
                    "attachment; filename=\"client-" + std::to_string(*id) + ".json\"");
    response.Header("Cache-Control", "no-store");
    return response;
  });

  router.Add("GET", "/api/v1/settings/clients", Access::kSession, [&clients](Request& req) {
    auto order = clients.GetNameOrder(ActorOf(req));
    if (!order) return ErrorResponse(req, order.error());
    return Response::Json(
        200, http::Dump(
                 {{"name_order", *order == NameOrder::kFirstLast ? "first_last" : "last_first"}}));
  });

  router.Add("PATCH", "/api/v1/settings/clients", Access::kSession, [&clients](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto order = body->Text("name_order", {.required = true, .max = 20});
    if (order && *order != "first_last" && *order != "last_first") {
      body->AddError({"name_order", "invalid_value"});
    }
    if (auto problem = body->Problems(req)) return *problem;
    auto saved = clients.SetNameOrder(
        ActorOf(req), *order == "first_last" ? NameOrder::kFirstLast : NameOrder::kLastFirst);
    if (!saved) return ErrorResponse(req, saved.error());
    return Response::Json(200, http::Dump({{"name_order", *order}}));
  });
}

}  // namespace kvitka::clients
