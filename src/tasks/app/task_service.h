// The team's tasks: list (open first by due time), add, read, change and complete them, the
// count behind the reminders panel's badge, and automatic tasks that other modules and the jobs
// add inside their own unit of work (once per key). Owners, admins and managers see and manage
// every task; a master sees and completes only the tasks assigned to them.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"
#include "clients/app/client_service.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"
#include "platform/db/database.h"
#include "tasks/app/error.h"
#include "tasks/app/stores.h"

namespace kvitka::tasks {

struct TaskDeps {
  db::Database& db;
  TaskStore& tasks;
  clients::ClientService& clients;
  identity::UserService& team;
  identity::BranchService& branches;
  booking::AppointmentService& appointments;
  identity::AuditTrail& audit;
  const Clock& clock;
};

struct NewTask {
  std::string title;
  std::string notes;
  EpochSeconds due_at = 0;
  Priority priority = Priority::kNormal;
  std::optional<Id> assignee_user_id;
  std::optional<Id> client_id;
  std::optional<Id> appointment_id;  // the client is taken from it when not given
};

// A change of a task: only the fields given change (an assignee of nullopt inside clears it).
struct TaskPatch {
  std::optional<std::string> title;
  std::optional<std::string> notes;
  std::optional<EpochSeconds> due_at;
  std::optional<Priority> priority;
  std::optional<std::optional<Id>> assignee_user_id;
  std::optional<TaskStatus> status;
};

// What another module or a job asks for. The task is unique by (organization, kind, auto_key).
struct AutomaticTask {
  TaskKind kind = TaskKind::kCallNoShow;
  std::string auto_key;  // empty: AppointmentKey(*appointment_id)
  std::string title;     // empty: the kind names the task in the reader's language
  std::string notes;
  Priority priority = Priority::kNormal;
  EpochSeconds due_at = 0;
  std::optional<Id> assignee_user_id;
  std::optional<Id> client_id;
  std::optional<Id> appointment_id;
  std::optional<Id> branch_id;
  std::string date;  // a journal date the task is about (confirm tomorrow)
  int visit_count = 0;
};

// A task with its client's brief (contacts hidden from masters).
struct TaskView {
  Task task;
  std::optional<clients::Client> client;
};

struct TaskPage {
  std::vector<TaskView> items;
  std::optional<TaskCursor> next;
};

// The reminders panel's badge: open tasks, how many are overdue, how many fall due later today
// (the organization's day), and the newest open task's id (a new task makes the panel chime).
struct TaskSummary {
  long long open = 0;
  long long overdue = 0;
  long long due_today = 0;
  std::optional<Id> newest_id;
};

class TaskService {
 public:
  explicit TaskService(TaskDeps deps) : d_(deps) {}

  Result<TaskPage, Error> List(const identity::Actor& actor, TaskFilter filter,
                               const std::optional<TaskCursor>& after, int limit);
  Result<TaskView, Error> Create(const identity::Actor& actor, const NewTask& in);
  Result<TaskView, Error> Get(const identity::Actor& actor, Id id);
  Result<TaskView, Error> Update(const identity::Actor& actor, Id id, const TaskPatch& patch);
  Result<TaskSummary, Error> Summary(const identity::Actor& actor);

  // For other modules (feedback, come-back follow-ups) and the jobs, inside the caller's unit of
  // work: adds the automatic task, audited as `actor` (Actor::System(org) for a job), unless one
  // of its kind and key is there already: then that one is returned as it is. Validation
  // errors name the fields of AutomaticTask.
  Result<Task, Error> AddAutomatic(db::Session& s, const identity::Actor& actor,
                                   const AutomaticTask& in);
  // Inside the caller's unit of work: gives the automatic task of this kind and key the status
  // (audited); nullopt when there is no such task. Unchanged when it has the status already.
  std::optional<Task> SetAutomaticStatus(db::Session& s, const identity::Actor& actor,
                                         TaskKind kind, const std::string& auto_key,
                                         TaskStatus status);

 private:
  // Field errors of the references: an active member, a client and an appointment of the org.
  FieldErrors CheckReferences(db::Session& s, const identity::Actor& actor, const Task& task,
                              bool assignee_changed);
  std::vector<TaskView> Views(db::Session& s, const identity::Actor& actor,
                              std::vector<Task> tasks);

  TaskDeps d_;
};

// What the audit log keeps of a task.
nlohmann::json TaskSnapshot(const Task& task);

}  // namespace kvitka::tasks
