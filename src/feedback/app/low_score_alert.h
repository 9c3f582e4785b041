// A low score (3 stars or fewer, or an NPS of 6 or less) is told to the salon: the tasks module
// turns it into a task "Low rating from <first name>: <rating>★" (kind low_feedback, one per
// visit). Told inside the feedback's own write transaction, on the first answer and again when a
// changed answer is (still) low. Implemented outside this module and wired in main.cpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/id.h"
#include "feedback/domain/feedback.h"
#include "identity/app/actor.h"
#include "platform/db/database.h"

namespace kvitka::feedback {

struct LowScoreEvent {
  Id org_id = 0;
  Id feedback_id = 0;
  Id appointment_id = 0;
  Id client_id = 0;
  Id branch_id = 0;
  std::vector<Id> staff_ids;      // the masters of the visit
  std::string client_first_name;  // for the task's title
  Answer answer;
  EpochSeconds visit_start = 0;
  EpochSeconds at = 0;   // when the answer was given or changed
  bool changed = false;  // a changed answer (the visit may have its task already)
};

class LowScoreAlert {
 public:
  virtual ~LowScoreAlert() = default;
  virtual void LowScore(db::Session& s, const identity::Actor& actor,
                        const LowScoreEvent& score) = 0;
};

// Until a salon's tasks are wired: a low score is only seen in the feedback list.
class NoLowScoreAlert final : public LowScoreAlert {
 public:
  void LowScore(db::Session&, const identity::Actor&, const LowScoreEvent&) override {}
};

}  // namespace kvitka::feedback
