// HTTP routes of the tasks: /api/v1/tasks[/summary|/{id}].
#pragma once

#include "platform/http/router.h"
#include "tasks/app/task_service.h"

namespace kvitka::tasks {

void AddTaskRoutes(http::Router& router, TaskService& tasks);

}  // namespace kvitka::tasks
