// What the feedback use cases need from storage (implemented in store/, over SOCI).
#pragma once

#include <optional>
#include <vector>

#include "core/id.h"
#include "feedback/domain/feedback.h"
#include "platform/db/database.h"

namespace kvitka::feedback {

struct FeedbackFilter {
  std::optional<Id> branch_id;
  std::optional<Id> staff_id;  // answers on visits this master worked on
  std::optional<Id> client_id;
  std::optional<int> max_rating;
};

class FeedbackStore {
 public:
  virtual ~FeedbackStore() = default;
  virtual std::optional<Feedback> Find(db::Session& s, Id org_id, Id appointment_id) = 0;
  // Saves a first answer with its masters; nullopt when the visit has one already (a request
  // at the same moment won).
  virtual std::optional<Id> Insert(db::Session& s, const Feedback& feedback) = 0;
  // Saves a changed answer (rating, NPS, comment, updated_at).
  virtual void Update(db::Session& s, const Feedback& feedback) = 0;
  // Newest first, below `before_id` when given; with their masters.
  virtual std::vector<Feedback> List(db::Session& s, Id org_id, const FeedbackFilter& filter,
                                     std::optional<Id> before_id, int limit) = 0;
  virtual Counts Count(db::Session& s, Id org_id, const FeedbackFilter& filter) = 0;
};

}  // namespace kvitka::feedback
