// The feedback module's SQL (tables feedback and feedback_staff, migration 0012).
#pragma once

#include "feedback/app/stores.h"

namespace kvitka::feedback {

class SqlFeedbackStore final : public FeedbackStore {
 public:
  std::optional<Feedback> Find(db::Session& s, Id org_id, Id appointment_id) override;
  std::optional<Id> Insert(db::Session& s, const Feedback& feedback) override;
  void Update(db::Session& s, const Feedback& feedback) override;
  std::vector<Feedback> List(db::Session& s, Id org_id, const FeedbackFilter& filter,
                             std::optional<Id> before_id, int limit) override;
  Counts Count(db::Session& s, Id org_id, const FeedbackFilter& filter) override;
};

}  // namespace kvitka::feedback
