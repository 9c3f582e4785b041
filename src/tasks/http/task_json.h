// JSON of the tasks API: a task, the list's query and cursor, request bodies, the error table.
#pragma once

#include <nlohmann/json.hpp>

#include "platform/http/json_body.h"
#include "platform/http/router.h"
#include "tasks/app/task_service.h"

namespace kvitka::tasks {

// A task as the API shows it; an automatic task without a title of its own is named in the
// reader's language.
nlohmann::json TaskJson(const TaskView& view, http::Language language);
nlohmann::json SummaryJson(const TaskSummary& summary);

// "<rank>-<due_at>-<id>" of a list's next page, and back (nullopt when malformed).
std::string EncodeTaskCursor(const TaskCursor& cursor);
std::optional<TaskCursor> ParseTaskCursor(std::string_view text);

// ?status=&assignee=me|none|<user id>&client_id=&kind=&due_before=&limit=&cursor= (a 400
// naming the parts that are not valid).
struct TaskQuery {
  TaskFilter filter;
  std::optional<TaskCursor> after;
  int limit = 50;
};
Result<TaskQuery, http::Response> ParseTaskQuery(const http::Request& request, Id user_id);

// The body of POST and PATCH; field errors are left in `body`.
NewTask ReadNewTask(http::JsonBody& body);
TaskPatch ReadTaskPatch(http::JsonBody& body);

// The one table from the tasks' error codes to problem+json.
http::Response ErrorResponse(const http::Request& request, const Error& error);

}  // namespace kvitka::tasks
