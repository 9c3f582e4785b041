#include "catalog/http/catalog_routes.h"

#include <algorithm>

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

std::optional<Id> QueryId(const Request& req, const char* name, FieldErrors& bad) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto id = http::ParseId(*text);
  if (!id) bad.push_back({name, "invalid_value"});
  return id;
}

// A true/false query flag; `bad` names it when it is something else.
bool Flag(const Request& req, const char* name, FieldErrors& bad) {
  auto value = req.Query(name);
  if (!value || value->empty() || *value == "false") return false;
  if (*value == "true") return true;
  bad.push_back({name, "invalid_value"});
  return false;
}

bool Archived(const Request& req, FieldErrors& bad) { return Flag(req, "archived", bad); }

template <class T, class F>
Response List(const Request& req, const Result<std::vector<T>, Error>& items, F to_json) {
  if (!items) return ErrorResponse(req, items.error());
  Json list = Json::array();
  for (const auto& item : *items) list.push_back(to_json(item));
  return Response::Json(200, http::Dump({{"items", list}}));
}

// A create or change of a service or room: the body is checked once on a scratch record, then
// applied to the stored one inside the use case's unit of work.
template <class T, class Read, class Save, class Check>
Response SaveFromBody(Request& req, std::optional<Id> id, Read read, Save save, Check check,
                      Json (*to_json)(const T&), int status) {
  auto body = JsonBody::Parse(req);
  if (!body) return body.error();
  T scratch;
  read(*body, scratch, !id);
  if (!body->errors().empty()) {
    // One answer names every bad field: the record's own rules too, where not reported yet.
    // On a change, fields absent from the body are not judged.
    const auto reported = body->errors();
    for (auto& e : check(scratch)) {
      const std::string top = e.field.substr(0, e.field.find_first_of(".["));
      const bool known = std::any_of(reported.begin(), reported.end(), [&](const FieldError& f) {
        return f.field.substr(0, f.field.find_first_of(".[")) == top;
      });
      if (!known && (!id || body->Has(top.c_str()))) body->AddError(std::move(e));
    }
    return *body->Problems(req);
  }
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
  if (ids) {
    auto sorted = *ids;
    std::sort(sorted.begin(), sorted.end());
    if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
      body->AddError({"ids", "duplicate"});
    }
  }
  if (auto p = body->Problems(req)) {
    problem = *p;
    return std::nullopt;
  }
  return ids;
}

}  // namespace

void AddCatalogRoutes(http::Router& router, CatalogService& catalog) {
  router.Add("GET", "/api/v1/service-categories", Access::kSession, [&catalog](Request& req) {
    FieldErrors bad;
    const bool archived = Archived(req, bad);
    if (!bad.empty()) return http::BadRequest(req, bad);
    return List(req, catalog.Categories(ActorOf(req), archived), CategoryJson);
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
    FieldErrors bad;
    CatalogStore::ServiceQuery query;
    query.category_id = QueryId(req, "category_id", bad);
    query.staff_id = QueryId(req, "staff_id", bad);
    query.online_only = Flag(req, "online", bad);
    query.archived = Archived(req, bad);
    if (!bad.empty()) return http::BadRequest(req, bad);
    return List(req, catalog.Services(ActorOf(req), query), ServiceJson);
  });
  auto save_service = [&catalog](const identity::Actor& actor, std::optional<Id> id,
                                 const std::function<void(Service&)>& apply) {
    return catalog.SaveService(actor, id, apply);
  };
  router.Add("POST", "/api/v1/services", Access::kSession, [save_service](Request& req) {
    return SaveFromBody<Service>(req, std::nullopt, ReadService, save_service, CheckService,
                                 ServiceJson, 201);
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
    return SaveFromBody<Service>(req, id, ReadService, save_service, CheckService, ServiceJson,
                                 200);
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
    FieldErrors bad;
    auto branch = QueryId(req, "branch_id", bad);
    const bool archived = Archived(req, bad);
    if (!bad.empty()) return http::BadRequest(req, bad);
    return List(req, catalog.Rooms(ActorOf(req), branch, archived), RoomJson);
  });
  auto save_room = [&catalog](const identity::Actor& actor, std::optional<Id> id,
                              const std::function<void(Room&)>& apply) {
    return catalog.SaveRoom(actor, id, apply);
  };
  router.Add("POST", "/api/v1/rooms", Access::kSession, [save_room](Request& req) {
    return SaveFromBody<Room>(req, std::nullopt, ReadRoom, save_room, CheckRoom, RoomJson, 201);
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
    return SaveFromBody<Room>(req, id, ReadRoom, save_room, CheckRoom, RoomJson, 200);
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
