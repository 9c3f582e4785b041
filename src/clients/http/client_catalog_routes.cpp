// Tags, segments and files of the clients module.
#include "clients/http/client_json.h"
#include "clients/http/client_routes.h"
#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"

namespace kvitka::clients {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

void AddClientCatalogRoutes(http::Router& router, TagService& tags, ClientFileService& files) {
  auto read_tag = [](JsonBody& body, bool creating) {
    TagInput in;
    in.name = body.Text("name", {.required = creating, .min = 1, .max = 50});
    in.color = body.Text("color", {.max = 7});
    return in;
  };
  router.Add("GET", "/api/v1/client-tags", Access::kSession, [&tags](Request& req) {
    auto list = tags.List(ActorOf(req));
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& t : *list) items.push_back(TagJson(t));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("POST", "/api/v1/client-tags", Access::kSession, [&tags, read_tag](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    auto in = read_tag(*body, true);
    if (auto problem = body->Problems(req)) return *problem;
    auto tag = tags.Create(ActorOf(req), in);
    return tag ? Response::Json(201, http::Dump(TagJson(*tag))) : ErrorResponse(req, tag.error());
  });
  router.Add("PATCH", "/api/v1/client-tags/{id}", Access::kSession,
             [&tags, read_tag](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto in = read_tag(*body, false);
               if (auto problem = body->Problems(req)) return *problem;
               auto tag = tags.Update(ActorOf(req), *id, in);
               return tag ? Response::Json(200, http::Dump(TagJson(*tag)))
                          : ErrorResponse(req, tag.error());
             });
  router.Add("DELETE", "/api/v1/client-tags/{id}", Access::kSession, [&tags](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto done = tags.Delete(ActorOf(req), *id);
    return done ? Response::NoContent() : ErrorResponse(req, done.error());
  });

  auto read_segment = [](JsonBody& body, bool creating) {
    SegmentInput in;
    in.name = body.Text("name", {.required = creating, .min = 1, .max = 100});
    in.filter = ReadFilter(body);
    return in;
  };
  router.Add("GET", "/api/v1/client-segments", Access::kSession, [&tags](Request& req) {
    auto list = tags.Segments(ActorOf(req));
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& s : *list) items.push_back(SegmentJson(s));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  router.Add("POST", "/api/v1/client-segments", Access::kSession,
             [&tags, read_segment](Request& req) {
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto in = read_segment(*body, true);
               if (auto problem = body->Problems(req)) return *problem;
               auto segment = tags.CreateSegment(ActorOf(req), in);
               return segment ? Response::Json(201, http::Dump(SegmentJson(*segment)))
                              : ErrorResponse(req, segment.error());
             });
  router.Add("GET", "/api/v1/client-segments/{id}", Access::kSession, [&tags](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto segment = tags.GetSegment(ActorOf(req), *id);
    return segment ? Response::Json(200, http::Dump(SegmentJson(*segment)))
                   : ErrorResponse(req, segment.error());
  });
  router.Add("PATCH", "/api/v1/client-segments/{id}", Access::kSession,
             [&tags, read_segment](Request& req) {
               auto id = http::PathId(req);
               if (!id) return http::NotFound(req);
               auto body = JsonBody::Parse(req);
               if (!body) return body.error();
               auto in = read_segment(*body, false);
               if (auto problem = body->Problems(req)) return *problem;
               auto segment = tags.UpdateSegment(ActorOf(req), *id, in);
               return segment ? Response::Json(200, http::Dump(SegmentJson(*segment)))
                              : ErrorResponse(req, segment.error());
             });
  router.Add("DELETE", "/api/v1/client-segments/{id}", Access::kSession, [&tags](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto done = tags.DeleteSegment(ActorOf(req), *id);
    return done ? Response::NoContent() : ErrorResponse(req, done.error());
  });

  router.Add("GET", "/api/v1/clients/{id}/files", Access::kSession, [&files](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto list = files.List(ActorOf(req), *id);
    if (!list) return ErrorResponse(req, list.error());
    Json items = Json::array();
    for (const auto& f : *list) items.push_back(FileJson(f));
    return Response::Json(200, http::Dump({{"items", items}}));
  });
  http::Route upload{"POST",
                     "/api/v1/clients/{id}/files",
                     Access::kSession,
                     [&files](Request& req) {
                       auto id = http::PathId(req);
                       if (!id) return http::NotFound(req);
                       std::string type(req.Header("content-type").value_or(""));
                       type = type.substr(0, type.find(';'));
                       Upload upload{std::string(req.Query("kind").value_or("")),
                                     std::string(req.Query("filename").value_or("")), type,
                                     req.body};
                       auto file = files.Add(ActorOf(req), *id, upload);
                       if (!file) {
                         return file.error().code == ErrorCode::kValidation
                                    ? http::BadRequest(req, file.error().fields)
                                    : ErrorResponse(req, file.error());
                       }
                       return Response::Json(201, http::Dump(FileJson(*file)));
                     },
                     kMaxClientFileBytes,
                     true};
  router.Add(std::move(upload));
  router.Add("GET", "/api/v1/clients/{id}/files/{file_id}", Access::kSession,
             [&files](Request& req) {
               auto id = http::PathId(req);
               auto file_id = http::PathId(req, "file_id");
               if (!id || !file_id) return http::NotFound(req);
               auto stored = files.Open(ActorOf(req), *id, *file_id);
               if (!stored) return ErrorResponse(req, stored.error());
               Response response;
               response.content_type = stored->file.content_type;
               response.file_path = stored->path;
               response.Header("Content-Disposition",
                               "inline; filename=\"file-" + std::to_string(stored->file.id) + "\"");
               response.Header("Cache-Control", "private, max-age=3600");
               return response;
             });
  router.Add("DELETE", "/api/v1/clients/{id}/files/{file_id}", Access::kSession,
             [&files](Request& req) {
               auto id = http::PathId(req);
               auto file_id = http::PathId(req, "file_id");
               if (!id || !file_id) return http::NotFound(req);
               auto done = files.Delete(ActorOf(req), *id, *file_id);
               return done ? Response::NoContent() : ErrorResponse(req, done.error());
             });
}

}  // namespace kvitka::clients
