#include "tasks/app/task_service.h"

#include <algorithm>
#include <set>

#include "core/text.h"
#include "core/time.h"

namespace kvitka::tasks {

using identity::Action;
using identity::Actor;
using nlohmann::json;

namespace {

bool Manages(const Actor& actor) { return identity::Allows(actor.role, Action::kManageTasks); }

// Whether the actor may see the task: managers every task, a master those assigned to them.
bool Sees(const Actor& actor, const Task& task) {
  return Manages(actor) || (actor.user_id != 0 && task.assignee_user_id == actor.user_id);
}

json OptionalId(const std::optional<Id>& id) { return id ? json(*id) : json(nullptr); }

}  // namespace

json TaskSnapshot(const Task& t) {
  return {{"kind", KindName(t.kind)},
          {"status", StatusName(t.status)},
          {"priority", PriorityName(t.priority)},
          {"title", t.title},
          {"notes", t.notes},
          {"due_at", FormatRfc3339Utc(t.due_at)},
          {"assignee_user_id", OptionalId(t.assignee_user_id)},
          {"client_id", OptionalId(t.client_id)},
          {"appointment_id", OptionalId(t.appointment_id)},
          {"branch_id", OptionalId(t.branch_id)},
          {"date", t.date},
          {"visit_count", t.visit_count}};
}

FieldErrors TaskService::CheckReferences(db::Session& s, const Actor& actor, const Task& task,
                                         bool assignee_changed) {
  FieldErrors errors;
  if (assignee_changed && task.assignee_user_id &&
      !d_.team.IsActiveMember(s, actor.org_id, *task.assignee_user_id)) {
    errors.push_back({"assignee_user_id", "not_found"});
  }
  if (task.client_id) {
    auto found = d_.clients.Briefs(s, actor, {*task.client_id});
    if (found.empty() || found.front().erased) errors.push_back({"client_id", "not_found"});
  }
  if (task.appointment_id && !d_.appointments.FindIn(s, actor.org_id, *task.appointment_id)) {
    errors.push_back({"appointment_id", "not_found"});
  }
  return errors;
}

std::vector<TaskView> TaskService::Views(db::Session& s, const Actor& actor,
                                         std::vector<Task> tasks) {
  std::set<Id> ids;
  for (const auto& t : tasks) {
    if (t.client_id) ids.insert(*t.client_id);
  }
  std::vector<clients::Client> found;
  if (!ids.empty()) found = d_.clients.Briefs(s, actor, {ids.begin(), ids.end()});
  std::vector<TaskView> views;
  views.reserve(tasks.size());
  for (auto& t : tasks) {
    TaskView view{std::move(t), std::nullopt};
    if (view.task.client_id) {
      for (const auto& c : found) {
        if (c.id == *view.task.client_id && !c.erased) view.client = c;
      }
    }
    views.push_back(std::move(view));
  }
  return views;
}

Result<TaskPage, Error> TaskService::List(const Actor& actor, TaskFilter filter,
                                          const std::optional<TaskCursor>& after, int limit) {
  if (!Manages(actor)) {
    // A master's list holds only their own tasks, whatever else was asked.
    const bool own = filter.assignee.kind == AssigneeFilter::Kind::kAny ||
                     (filter.assignee.kind == AssigneeFilter::Kind::kUser &&
                      filter.assignee.user_id == actor.user_id);
    if (!own || actor.user_id == 0) return TaskPage{};
    filter.assignee = {AssigneeFilter::Kind::kUser, actor.user_id};
  }
  limit = std::clamp(limit, 1, 200);
  return d_.db.Read([&](db::Session& s) -> Result<TaskPage, Error> {
    auto rows = d_.tasks.List(s, actor.org_id, filter, after, limit + 1);
    TaskPage page;
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(static_cast<std::size_t>(limit));
      const Task& last = rows.back();
      page.next = TaskCursor{OrderRank(last.status), last.due_at, last.id};
    }
    page.items = Views(s, actor, std::move(rows));
    return page;
  });
}

Result<TaskView, Error> TaskService::Create(const Actor& actor, const NewTask& in) {
  if (!Manages(actor)) return Fail(Error(ErrorCode::kForbidden));
  const EpochSeconds now = d_.clock.Now();
  Task task;
  task.org_id = actor.org_id;
  task.kind = TaskKind::kManual;
  task.title = Trim(in.title);
  task.notes = in.notes;
  task.due_at = in.due_at;
  task.priority = in.priority;
  task.assignee_user_id = in.assignee_user_id;
  task.client_id = in.client_id;
  task.appointment_id = in.appointment_id;
  task.created_by = actor.user_id != 0 ? std::optional<Id>(actor.user_id) : std::nullopt;
  task.created_at = now;
  task.updated_at = now;
  if (auto errors = CheckTask(task); !errors.empty()) {
    return Fail(Error(ErrorCode::kValidation, errors));
  }
  return d_.db.Write([&](db::Session& s) -> Result<TaskView, Error> {
    if (auto errors = CheckReferences(s, actor, task, true); !errors.empty()) {
      return Fail(Error(ErrorCode::kValidation, errors));
    }
    if (task.appointment_id) {
      auto a = d_.appointments.FindIn(s, actor.org_id, *task.appointment_id);
      if (!task.client_id) task.client_id = a->client_id;
      task.branch_id = a->branch_id;
    }
    d_.tasks.Insert(s, task);
    d_.audit.Record(s, actor, "task.create", "task", task.id, nullptr, TaskSnapshot(task));
    return Views(s, actor, {task}).front();
  });
}

Result<TaskView, Error> TaskService::Get(const Actor& actor, Id id) {
  return d_.db.Read([&](db::Session& s) -> Result<TaskView, Error> {
    auto task = d_.tasks.Find(s, actor.org_id, id);
    if (!task || !Sees(actor, *task)) return Fail(Error(ErrorCode::kNotFound));
    return Views(s, actor, {*task}).front();
  });
}

Result<TaskView, Error> TaskService::Update(const Actor& actor, Id id, const TaskPatch& patch) {
  const bool manages = Manages(actor);
  // A master completes (or reopens) their own tasks and changes nothing else.
  const bool status_only =
      !patch.title && !patch.notes && !patch.due_at && !patch.priority && !patch.assignee_user_id;
  const bool master_may = status_only && (!patch.status || *patch.status != TaskStatus::kCancelled);
  const EpochSeconds now = d_.clock.Now();
  return d_.db.Write([&](db::Session& s) -> Result<TaskView, Error> {
    auto found = d_.tasks.Find(s, actor.org_id, id);
    if (!found || !Sees(actor, *found)) return Fail(Error(ErrorCode::kNotFound));
    if (!manages && !master_may) return Fail(Error(ErrorCode::kForbidden));
    const Task before = *found;
    Task task = *found;
    if (patch.title) task.title = Trim(*patch.title);
    if (patch.notes) task.notes = *patch.notes;
    if (patch.due_at) task.due_at = *patch.due_at;
    if (patch.priority) task.priority = *patch.priority;
    if (patch.assignee_user_id) task.assignee_user_id = *patch.assignee_user_id;
    if (patch.status) SetStatus(task, *patch.status, now);
    auto errors = CheckTask(task);
    // A title given must say something, even on an automatic task.
    if (patch.title && task.title.empty()) errors.push_back({"title", "required"});
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    const bool assignee_changed = task.assignee_user_id != before.assignee_user_id;
    if (assignee_changed && task.assignee_user_id &&
        !d_.team.IsActiveMember(s, actor.org_id, *task.assignee_user_id)) {
      return Fail(Error(ErrorCode::kValidation, {{"assignee_user_id", "not_found"}}));
    }
    const json old_snapshot = TaskSnapshot(before);
    const json new_snapshot = TaskSnapshot(task);
    if (old_snapshot != new_snapshot) {
      task.updated_at = now;
      d_.tasks.Update(s, task);
      d_.audit.Record(s, actor, "task.update", "task", task.id, old_snapshot, new_snapshot);
    }
    return Views(s, actor, {task}).front();
  });
}

Result<TaskSummary, Error> TaskService::Summary(const Actor& actor) {
  AssigneeFilter assignee;
  if (!Manages(actor)) {
    if (actor.user_id == 0) return TaskSummary{};
    assignee = {AssigneeFilter::Kind::kUser, actor.user_id};
  }
  const EpochSeconds now = d_.clock.Now();
  const std::string zone = d_.branches.Of(actor.org_id).timezone;
  const std::string today = CivilDate(now, zone);
  const EpochSeconds end_of_day = StartOfDay(AddDays(today, 1), zone).value_or(now + 86400);
  return d_.db.Read([&](db::Session& s) -> Result<TaskSummary, Error> {
    const auto counts = d_.tasks.Count(s, actor.org_id, assignee, now, end_of_day);
    return TaskSummary{counts.open, counts.overdue, counts.due_today, counts.newest_id};
  });
}

Result<Task, Error> TaskService::AddAutomatic(db::Session& s, const Actor& actor,
                                              const AutomaticTask& in) {
  const EpochSeconds now = d_.clock.Now();
  Task task;
  task.org_id = actor.org_id;
  task.kind = in.kind;
  task.auto_key = !in.auto_key.empty() ? in.auto_key
                  : in.appointment_id  ? AppointmentKey(*in.appointment_id)
                                       : std::string();
  task.title = Trim(in.title);
  task.notes = in.notes;
  task.priority = in.priority;
  task.due_at = in.due_at;
  task.assignee_user_id = in.assignee_user_id;
  task.client_id = in.client_id;
  task.appointment_id = in.appointment_id;
  task.branch_id = in.branch_id;
  task.date = in.date;
  task.visit_count = in.visit_count;
  task.created_by = actor.user_id != 0 ? std::optional<Id>(actor.user_id) : std::nullopt;
  task.created_at = now;
  task.updated_at = now;
  auto errors = CheckTask(task);
  if (in.kind == TaskKind::kManual) errors.push_back({"kind", "invalid_value"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  if (auto existing = d_.tasks.FindAutomatic(s, actor.org_id, task.kind, task.auto_key)) {
    return *existing;
  }
  if (task.assignee_user_id && !d_.team.IsActiveMember(s, actor.org_id, *task.assignee_user_id)) {
    task.assignee_user_id.reset();  // someone who left: the task goes to the front desk
  }
  if (!d_.tasks.InsertAutomatic(s, task)) {
    // Added meanwhile by another server (PostgreSQL): that one stands.
    if (auto existing = d_.tasks.FindAutomatic(s, actor.org_id, task.kind, task.auto_key)) {
      return *existing;
    }
    return Fail(Error(ErrorCode::kNotFound));
  }
  d_.audit.Record(s, actor, "task.create", "task", task.id, nullptr, TaskSnapshot(task));
  return task;
}

std::optional<Task> TaskService::SetAutomaticStatus(db::Session& s, const Actor& actor,
                                                    TaskKind kind, const std::string& auto_key,
                                                    TaskStatus status) {
  auto task = d_.tasks.FindAutomatic(s, actor.org_id, kind, auto_key);
  if (!task || task->status == status) return task;
  const json before = TaskSnapshot(*task);
  const EpochSeconds now = d_.clock.Now();
  SetStatus(*task, status, now);
  task->updated_at = now;
  d_.tasks.Update(s, *task);
  d_.audit.Record(s, actor, "task.update", "task", task->id, before, TaskSnapshot(*task));
  return task;
}

}  // namespace kvitka::tasks
