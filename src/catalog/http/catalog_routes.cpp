#include "catalog/http/catalog_routes.h"

#include "catalog/http/catalog_json.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::catalog {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

namespace {

std::optional<Id> QueryId(const Request& req, const char* name, bool& bad) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto id = http::ParseId(*text);
  if (!id) bad = true;
  return id;
}

bool Archived(const Request& req) { return req.Query("archived") == "true"; }

template <class T, class F>
Response List(const Request& req, const Result<std::vector<T>, Error>& items, F to_json) {
  if (!items) return ErrorResponse(req, items.error());
  Json list = Json::array();
  for (const auto& item : *items) list.push_back(to_json(item));
  return Response::Json(200, http::Dump({{"items", list}}));
}

// A create or change of a service or room: the body is checked once on a scratch record, then
// applied to the stored one inside the use case's unit of work.
template <class T, class Read, class Save>
Response SaveFromBody(Request& req, std::optional<Id> id, Read read, Save save,
                      Json (*to_json)(const T&), int status) {
  auto body = JsonBody::Parse(req);
  if (!body) return body.error();
  T scratch;
  read(*body, scratch, !id);
  if (auto problem = body->Problems(req)) return *problem;
  auto saved = save(ActorOf(req), id, [&](T& record) {
    auto again = JsonBody::Parse(req);
    read(*again, record, !id);
  });
  return saved ? Response::Json(status, http::Dump(to_json(*saved)))
               : ErrorResponse(req, saved.error());
}

std::optional<std::vector<Id>> ReadIds(Request& req, Response& problem) {
  auto body = JsonBody::Parse(req);
  if (!body) {
    problem = body.error();
    return std::nullopt;
  }
  auto ids = body->IdList("ids", 1000);
  if (!ids && !body->Has("ids")) body->AddError({"ids", "required"});
  if (auto p = body->Problems(req)) {
    problem = *p;
    return std::nullopt;
  }
  return ids;
}

}  // namespace

void AddCatalogRoutes(http::Router& router, CatalogService& catalog) {
  router.Add("GET", "/api/v1/service-categories", Access::kSession, [&catalog](Request& req) {
    return List(req, catalog.Categories(ActorOf(req), Archived(req)), CategoryJson);
  });
  auto category = [&catalog](Request& req, std::optional<Id> id) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto name = body->Text("name", {.required = !id, .min = 1, .max = 100});
    auto color = body->Text("color", {.max = 7});
    auto icon = body->Text("icon", {.max = 40});
    if (auto problem = body->Problems(req)) return *problem;
    auto saved = catalog.SaveCategory(ActorOf(req), id, name, color, icon);
    return saved ? Response::Json(id ? 200 : 201, http::Dump(CategoryJson(*saved)))
                 : ErrorResponse(req, saved.error());
  };
  router.Add("POST", "/api/v1/service-categories", Access::kSession,
             [category](Request& req) { return category(req, std::nullopt); });
  router.Add("PATCH", "/api/v1/service-categories/{id}", Access::kSession,
             [category](Request& req) {
               auto id = http::PathId(req);
               return id ? category(req, id) : http::NotFound(req);
             });
  router.Add("DELETE", "/api/v1/service-categories/{id}", Access::kSession,
             [&catalog](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto done = catalog.ArchiveCategory(ActorOf(req), *id);
               return done ? Response::NoContent() : ErrorResponse(req, done.error());
             });
  router.Add("PUT", "/api/v1/service-categories/order", Access::kSession, [&catalog](Request& req) {
    Response problem;
    auto ids = ReadIds(req, problem);
    if (!ids) return problem;
    return List(req, catalog.OrderCategories(ActorOf(req), *ids), CategoryJson);
  });

  router.Add("GET", "/api/v1/services", Access::kSession, [&catalog](Request& req) {
    bool bad = false;
    CatalogStore::ServiceQuery query;
    query.category_id = QueryId(req, "category_id", bad);
    query.staff_id = QueryId(req, "staff_id", bad);
    query.online_only = req.Query("online") == "true";
    query.archived = Archived(req);
    if (bad) return http::BadRequest(req, {{"category_id/staff_id", "invalid_value"}});
    return List(req, catalog.Services(ActorOf(req), query), ServiceJson);
  });
  auto save_service = [&catalog](const identity::Actor& actor, std::optional<Id> id,
                                 const std::function<void(Service&)>& apply) {
    return catalog.SaveService(actor, id, apply);
  };
  router.Add("POST", "/api/v1/services", Access::kSession, [save_service](Request& req) {
    return SaveFromBody<Service>(req, std::nullopt, ReadService, save_service, ServiceJson, 201);
  });
  router.Add("GET", "/api/v1/services/{id}", Access::kSession, [&catalog](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto service = catalog.GetService(ActorOf(req), *id);
    return service ? Response::Json(200, http::Dump(ServiceJson(*service)))
                   : ErrorResponse(req, service.error());
  });
  router.Add("PATCH", "/api/v1/services/{id}", Access::kSession, [save_service](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return SaveFromBody<Service>(req, id, ReadService, save_service, ServiceJson, 200);
  });
  router.Add("DELETE", "/api/v1/services/{id}", Access::kSession, [&catalog](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto service = catalog.ArchiveService(ActorOf(req), *id);
    return service ? Response::Json(200, http::Dump(ServiceJson(*service)))
                   : ErrorResponse(req, service.error());
  });
  router.Add("PUT", "/api/v1/services/order", Access::kSession, [&catalog](Request& req) {
    Response problem;
    auto ids = ReadIds(req, problem);
    if (!ids) return problem;
    return List(req, catalog.OrderServices(ActorOf(req), *ids), ServiceJson);
  });

  router.Add("GET", "/api/v1/rooms", Access::kSession, [&catalog](Request& req) {
    bool bad = false;
    auto branch = QueryId(req, "branch_id", bad);
    if (bad) return http::BadRequest(req, {{"branch_id", "invalid_value"}});
    return List(req, catalog.Rooms(ActorOf(req), branch, Archived(req)), RoomJson);
  });
  auto save_room = [&catalog](const identity::Actor& actor, std::optional<Id> id,
                              const std::function<void(Room&)>& apply) {
    return catalog.SaveRoom(actor, id, apply);
  };
  router.Add("POST", "/api/v1/rooms", Access::kSession, [save_room](Request& req) {
    return SaveFromBody<Room>(req, std::nullopt, ReadRoom, save_room, RoomJson, 201);
  });
  router.Add("GET", "/api/v1/rooms/{id}", Access::kSession, [&catalog](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto room = catalog.GetRoom(ActorOf(req), *id);
    return room ? Response::Json(200, http::Dump(RoomJson(*room)))
                : ErrorResponse(req, room.error());
  });
  router.Add("PATCH", "/api/v1/rooms/{id}", Access::kSession, [save_room](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    return SaveFromBody<Room>(req, id, ReadRoom, save_room, RoomJson, 200);
  });
  router.Add("DELETE", "/api/v1/rooms/{id}", Access::kSession, [&catalog](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto room = catalog.ArchiveRoom(ActorOf(req), *id);
    return room ? Response::Json(200, http::Dump(RoomJson(*room)))
                : ErrorResponse(req, room.error());
  });
}

}  // namespace kvitka::catalog
