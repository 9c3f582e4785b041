// What the task use cases need from storage. Implemented with SQL in tasks/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tasks/domain/task.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::tasks {

// Who the tasks are assigned to, in a list or a count.
struct AssigneeFilter {
  enum class Kind { kAny, kUser, kNobody };
  Kind kind = Kind::kAny;
  Id user_id = 0;  // kUser
};

struct TaskFilter {
  std::optional<TaskStatus> status;
  AssigneeFilter assignee;
  std::optional<Id> client_id;
  std::optional<TaskKind> kind;
  std::optional<EpochSeconds> due_before;  // due strictly before
};

// Where a page of a list ends: open tasks go by (due_at, id) ascending, the others after them by
// (due_at, id) descending.
struct TaskCursor {
  int rank = 0;  // OrderRank of the status
  EpochSeconds due_at = 0;
  Id id = 0;
  friend bool operator==(const TaskCursor&, const TaskCursor&) = default;
};

struct TaskCounts {
  long long open = 0;
  long long overdue = 0;    // open, due before `now`
  long long due_today = 0;  // open, due from `now` to the end of the day
  std::optional<Id> newest_id;
};

class TaskStore {
 public:
  virtual ~TaskStore() = default;
  virtual Id Insert(db::Session& s, Task& task) = 0;
  // Inserts an automatic task unless one with its (org, kind, auto_key) is there: the new id, or
  // nullopt when it was there already.
  virtual std::optional<Id> InsertAutomatic(db::Session& s, Task& task) = 0;
  virtual void Update(db::Session& s, const Task& task) = 0;
  virtual std::optional<Task> Find(db::Session& s, Id org_id, Id id) = 0;
  virtual std::optional<Task> FindAutomatic(db::Session& s, Id org_id, TaskKind kind,
                                            const std::string& auto_key) = 0;
  // Open tasks first by due time, then the others latest due first; after `after` when given.
  virtual std::vector<Task> List(db::Session& s, Id org_id, const TaskFilter& filter,
                                 const std::optional<TaskCursor>& after, int limit) = 0;
  // Counts of the open tasks matching `assignee`; "today" ends at `end_of_day`.
  virtual TaskCounts Count(db::Session& s, Id org_id, const AssigneeFilter& assignee,
                           EpochSeconds now, EpochSeconds end_of_day) = 0;

  // Days of a branch that had a booking waiting for confirmation (kept by the visit listener,
  // read by the daily planner: where to look without reading other modules' tables).
  virtual void NoteBookingDay(db::Session& s, Id org_id, Id branch_id, const std::string& date) = 0;
  struct BookingDay {
    Id org_id = 0;
    Id branch_id = 0;
    std::string date;
  };
  // Across organizations: the noted days from `from` to `to` (inclusive, "YYYY-MM-DD").
  virtual std::vector<BookingDay> BookingDays(db::Session& s, const std::string& from,
                                              const std::string& to) = 0;
  // Forgets the days before `date` (all organizations).
  virtual void ForgetBookingDaysBefore(db::Session& s, const std::string& date) = 0;
};

}  // namespace kvitka::tasks
