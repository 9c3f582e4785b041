// What the tasks make of changes to visits, told inside booking's own transaction
// (booking::VisitMessages, wired in main.cpp next to the outbox):
// - a visit marked no_show adds "call the client who did not come" (high priority, due at once,
//   with the client and the appointment), once per appointment: marking it again or reopening
//   the visit never adds a second one. A no-show taken back (the client came after all) cancels
//   the open task; marked again, the same task opens again;
// - a visit waiting for confirmation notes its branch's day for the daily confirm-tomorrow
//   planner (confirm_planner.h).
#pragma once

#include "booking/app/visit_messages.h"
#include "identity/app/branch_service.h"
#include "tasks/app/task_service.h"

namespace kvitka::tasks {

class VisitTasks final : public booking::VisitMessages {
 public:
  VisitTasks(TaskService& tasks, TaskStore& store, identity::BranchService& branches)
      : tasks_(tasks), store_(store), branches_(branches) {}

  void Changed(db::Session& s, const identity::Actor& actor,
               const booking::VisitChange& change) override;

 private:
  TaskService& tasks_;
  TaskStore& store_;
  identity::BranchService& branches_;
};

}  // namespace kvitka::tasks
