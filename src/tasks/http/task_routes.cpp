// /api/v1/tasks: the team's tasks and the reminders panel's summary.
#include "tasks/http/task_routes.h"

#include "identity/http/session_authenticator.h"
#include "platform/http/problem.h"
#include "tasks/http/task_json.h"

namespace kvitka::tasks {

using http::Access;
using http::Json;
using http::JsonBody;
using http::Request;
using http::Response;
using identity::ActorOf;

void AddTaskRoutes(http::Router& router, TaskService& tasks) {
  router.Add("GET", "/api/v1/tasks", Access::kSession, [&tasks](Request& req) {
    const auto actor = ActorOf(req);
    auto query = ParseTaskQuery(req, actor.user_id);
    if (!query) return query.error();
    auto page = tasks.List(actor, query->filter, query->after, query->limit);
    if (!page) return ErrorResponse(req, page.error());
    Json items = Json::array();
    for (const auto& view : page->items) items.push_back(TaskJson(view, req.language));
    return Response::Json(
        200, http::Dump({{"items", items},
                         {"next_cursor",
                          page->next ? Json(EncodeTaskCursor(*page->next)) : Json(nullptr)}}));
  });
  router.Add("POST", "/api/v1/tasks", Access::kSession, [&tasks](Request& req) {
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    const auto in = ReadNewTask(*body);
    if (auto problems = body->Problems(req)) return *problems;
    auto view = tasks.Create(ActorOf(req), in);
    return view ? Response::Json(201, http::Dump(TaskJson(*view, req.language)))
                : ErrorResponse(req, view.error());
  });
  router.Add("GET", "/api/v1/tasks/summary", Access::kSession, [&tasks](Request& req) {
    auto summary = tasks.Summary(ActorOf(req));
    return summary ? Response::Json(200, http::Dump(SummaryJson(*summary)))
                   : ErrorResponse(req, summary.error());
  });
  router.Add("GET", "/api/v1/tasks/{id}", Access::kSession, [&tasks](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto view = tasks.Get(ActorOf(req), *id);
    return view ? Response::Json(200, http::Dump(TaskJson(*view, req.language)))
                : ErrorResponse(req, view.error());
  });
  router.Add("PATCH", "/api/v1/tasks/{id}", Access::kSession, [&tasks](Request& req) {
    auto id = http::PathId(req);
    if (!id) return http::NotFound(req);
    auto body = JsonBody::Parse(req);
    if (!body) return body.error();
    const auto patch = ReadTaskPatch(*body);
    if (auto problems = body->Problems(req)) return *problems;
    auto view = tasks.Update(ActorOf(req), *id, patch);
    return view ? Response::Json(200, http::Dump(TaskJson(*view, req.language)))
                : ErrorResponse(req, view.error());
  });
}

}  // namespace kvitka::tasks
