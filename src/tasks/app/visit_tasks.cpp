#include "tasks/app/visit_tasks.h"

#include <spdlog/spdlog.h>

#include "core/time.h"

namespace kvitka::tasks {

using booking::Status;

void VisitTasks::Changed(db::Session& s, const identity::Actor& actor,
                         const booking::VisitChange& change) {
  const booking::Appointment& a = change.appointment;
  if (a.status == Status::kBooked && a.Start() > 0) {
    const auto branch = branches_.FindIn(s, actor.org_id, a.branch_id);
    store_.NoteBookingDay(s, actor.org_id, a.branch_id,
                          CivilDate(a.Start(), branch ? branch->timezone : "UTC"));
  }
  if (change.kind != "status_changed") return;
  const bool now_no_show = a.status == Status::kNoShow;
  const bool was_no_show = change.old_status == Status::kNoShow;
  if (now_no_show && !was_no_show) {
    AutomaticTask call;
    call.kind = TaskKind::kCallNoShow;
    call.priority = Priority::kHigh;
    call.due_at = change.at;
    call.client_id = a.client_id;
    call.appointment_id = a.id;
    call.branch_id = a.branch_id;
    auto task = tasks_.AddAutomatic(s, actor, call);
    if (!task) {
      spdlog::warn(R"({{"event":"no_show_task_refused","appointment_id":{}}})", a.id);
      return;
    }
    if (task->status == TaskStatus::kCancelled) {
      tasks_.SetAutomaticStatus(s, actor, TaskKind::kCallNoShow, task->auto_key, TaskStatus::kOpen);
    }
  } else if (was_no_show && !now_no_show) {
    // The client came after all: nobody needs to call (a call made stays done).
    const std::string key = AppointmentKey(a.id);
    auto task = store_.FindAutomatic(s, actor.org_id, TaskKind::kCallNoShow, key);
    if (task && task->status == TaskStatus::kOpen) {
      tasks_.SetAutomaticStatus(s, actor, TaskKind::kCallNoShow, key, TaskStatus::kCancelled);
    }
  }
}

}  // namespace kvitka::tasks
