// The "call the client: come-back reminder without a booking" task. When a come-back reminder went
// to a client kFollowUpDays ago and the client has booked no visit since it was sent and has none
// coming, one task for the front desk with the client and the visit the reminder was about, due in
// the branch's calling hours. One per reminder, by its key, however often it runs and however many
// servers run it. Which reminders went comes from messaging through the SentComeBacks port (tasks
// never reads the outbox itself); whether the client booked, from booking's own reads.
#pragma once

#include <vector>

#include "booking/app/appointment_service.h"
#include "identity/app/branch_service.h"
#include "tasks/app/task_service.h"

namespace kvitka::tasks {

// A come-back reminder that was sent to a client.
struct SentComeBack {
  Id org_id = 0;
  Id message_id = 0;
  Id branch_id = 0;  // 0: not known
  Id client_id = 0;
  Id appointment_id = 0;  // the visit whose service is due again (0: none)
  EpochSeconds sent_at = 0;
};

// What tasks asks of messaging (which implements it; wired in the composition root).
class SentComeBacks {
 public:
  virtual ~SentComeBacks() = default;
  // Across organizations: the come-back reminders sent to clients in (from, to], oldest first.
  virtual std::vector<SentComeBack> SentBetween(db::Session& s, EpochSeconds from,
                                                EpochSeconds to) = 0;
};

class ComeBackFollowUpPlanner {
 public:
  static constexpr int kFollowUpDays = 3;  // after the reminder went
  // A reminder this much older still gets its task (the job did not run for a while).
  static constexpr int kCatchUpDays = 1;
  static constexpr int kCallFrom = 10 * 60;   // local time the task may be due from ...
  static constexpr int kCallUntil = 19 * 60;  // ... and until (later: the next morning)

  ComeBackFollowUpPlanner(db::Database& db, TaskService& tasks, TaskStore& store,
                          SentComeBacks& sent, identity::BranchService& branches,
                          booking::AppointmentService& appointments)
      : db_(db),
        tasks_(tasks),
        store_(store),
        sent_(sent),
        branches_(branches),
        appointments_(appointments) {}

  // Adds the tasks due at `now` (every organization); how many were added.
  int Run(EpochSeconds now);

 private:
  // Whether the client booked a visit since the reminder was sent or has one coming.
  bool Booked(db::Session& s, const SentComeBack& sent, EpochSeconds now);
  // The reminder's task unless it is there or not needed; true when added.
  bool FollowUp(const SentComeBack& sent, EpochSeconds now);

  db::Database& db_;
  TaskService& tasks_;
  TaskStore& store_;
  SentComeBacks& sent_;
  identity::BranchService& branches_;
  booking::AppointmentService& appointments_;
};

// When a call found due at `now` is due: at once within the calling hours of the zone, else at
// their start (today before them, tomorrow after them).
EpochSeconds CallDue(EpochSeconds now, const std::string& zone);

}  // namespace kvitka::tasks
