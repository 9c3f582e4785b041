// The tasks side of a low score: a task "Low rating from <first name>: <rating>★" (kind
// low_feedback, high priority, due a day after the answer, the comment as its notes) for the
// visit, added once per visit inside the feedback's own transaction.
#pragma once

#include "feedback/app/low_score_alert.h"
#include "identity/app/branch_service.h"
#include "tasks/app/task_service.h"

namespace kvitka::feedback {

class LowScoreTasks final : public LowScoreAlert {
 public:
  LowScoreTasks(tasks::TaskService& tasks, identity::BranchService& branches)
      : tasks_(tasks), branches_(branches) {}
  void LowScore(db::Session& s, const identity::Actor& actor, const LowScoreEvent& e) override;

 private:
  tasks::TaskService& tasks_;
  identity::BranchService& branches_;
};

// The language of the task's title for a salon in `country` (ISO 3166 alpha-2): uk, ru or en.
std::string SalonLanguage(std::string_view country);

}  // namespace kvitka::feedback
