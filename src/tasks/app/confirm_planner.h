// The daily "confirm tomorrow's unconfirmed bookings" task: from 15:00 in a branch's time zone,
// when tomorrow has visits still booked (not confirmed) in the branch, one task for the front
// desk with their count, the branch and the journal date to open, due at 18:00 (or at once when
// later). One per branch and day, by its key, however often it runs and however many servers
// run it; a day with nothing to confirm gets none. Where to look comes from the days the visit
// listener noted (visit_tasks.h); what to count from booking's own reads.
#pragma once

#include "booking/app/appointment_service.h"
#include "identity/app/branch_service.h"
#include "tasks/app/task_service.h"

namespace kvitka::tasks {

class ConfirmTomorrowPlanner {
 public:
  static constexpr int kFromMinutes = 15 * 60;  // local time the task is added from
  static constexpr int kDueMinutes = 18 * 60;   // local time it is due

  ConfirmTomorrowPlanner(db::Database& db, TaskService& tasks, TaskStore& store,
                         identity::BranchService& branches,
                         booking::AppointmentService& appointments)
      : db_(db), tasks_(tasks), store_(store), branches_(branches), appointments_(appointments) {}

  // Adds the tasks due at `now` (every organization); how many were added.
  int Run(EpochSeconds now);

 private:
  // The branch's task for `date` (its tomorrow) unless there is one or nothing waits.
  bool PlanDay(Id org_id, Id branch_id, const std::string& date, const std::string& today,
               const std::string& zone, EpochSeconds now);

  db::Database& db_;
  TaskService& tasks_;
  TaskStore& store_;
  identity::BranchService& branches_;
  booking::AppointmentService& appointments_;
};

}  // namespace kvitka::tasks
