// The tasks' SQL (tables of migration 0011).
#pragma once

#include "tasks/app/stores.h"

namespace kvitka::tasks {

class SqlTaskStore final : public TaskStore {
 public:
  Id Insert(db::Session& s, Task& task) override;
  std::optional<Id> InsertAutomatic(db::Session& s, Task& task) override;
  void Update(db::Session& s, const Task& task) override;
  std::optional<Task> Find(db::Session& s, Id org_id, Id id) override;
  std::optional<Task> FindAutomatic(db::Session& s, Id org_id, TaskKind kind,
                                    const std::string& auto_key) override;
  std::vector<Task> List(db::Session& s, Id org_id, const TaskFilter& filter,
                         const std::optional<TaskCursor>& after, int limit) override;
  TaskCounts Count(db::Session& s, Id org_id, const AssigneeFilter& assignee, EpochSeconds now,
                   EpochSeconds end_of_day) override;
  void NoteBookingDay(db::Session& s, Id org_id, Id branch_id, const std::string& date) override;
  std::vector<BookingDay> BookingDays(db::Session& s, const std::string& from,
                                      const std::string& to) override;
  void ForgetBookingDaysBefore(db::Session& s, const std::string& date) override;
};

}  // namespace kvitka::tasks
