#include "feedback/domain/feedback.h"

#include <cmath>

#include "core/text.h"

namespace kvitka::feedback {

FieldErrors CheckAnswer(const Answer& answer) {
  FieldErrors errors;
  if (answer.rating < 1 || answer.rating > 5) {
    errors.push_back({"rating", "out_of_range", answer.rating < 1 ? 1 : 5});
  }
  if (answer.nps && (*answer.nps < 0 || *answer.nps > 10)) {
    errors.push_back({"nps", "out_of_range", *answer.nps < 0 ? 0 : 10});
  }
  if (!IsValidUtf8(answer.comment)) {
    errors.push_back({"comment", "invalid_value"});
  } else if (Utf8Length(answer.comment) > kMaxComment) {
    errors.push_back({"comment", "too_long", static_cast<std::int64_t>(kMaxComment)});
  }
  return errors;
}

FormState StateOf(bool completed, EpochSeconds visit_start, EpochSeconds visit_end,
                  EpochSeconds now) {
  // A visit marked completed before it even began is a slip of the salon: not over yet.
  if (!completed || now < visit_start) return FormState::kNotCompleted;
  if (now >= ClosesAt(visit_end)) return FormState::kExpired;
  return FormState::kOpen;
}

EpochSeconds ClosesAt(EpochSeconds visit_end) { return visit_end + kOpenSeconds; }

EpochSeconds EditableUntil(EpochSeconds created_at) { return created_at + kEditSeconds; }

bool MayEdit(const Feedback& feedback, EpochSeconds now) {
  return now < EditableUntil(feedback.created_at);
}

bool IsLowScore(const Answer& answer) {
  return answer.rating <= 3 || (answer.nps && *answer.nps <= 6);
}

std::string LowScoreTitle(std::string_view language, std::string_view first_name,
                          const Answer& answer) {
  const std::string stars = std::to_string(answer.rating) + "★";
  const std::string nps = answer.nps ? ", NPS " + std::to_string(*answer.nps) : "";
  const std::string name(first_name);
  if (language == "uk") {
    return (name.empty() ? "Низька оцінка: " : "Низька оцінка, " + name + ": ") + stars + nps;
  }
  if (language == "ru") {
    return (name.empty() ? "Низкая оценка: " : "Низкая оценка, " + name + ": ") + stars + nps;
  }
  return (name.empty() ? "Low rating: " : "Low rating from " + name + ": ") + stars + nps;
}

Summary Summarize(const Counts& counts) {
  Summary summary;
  summary.counts = counts;
  if (counts.answers > 0) {
    const double average =
        static_cast<double>(counts.rating_sum) / static_cast<double>(counts.answers);
    summary.average = std::round(average * 100.0) / 100.0;
  }
  if (counts.nps_answers > 0) {
    // Rounded half away from zero, like the percentages salons compare it with.
    const double score = 100.0 * static_cast<double>(counts.promoters - counts.detractors) /
                         static_cast<double>(counts.nps_answers);
    summary.nps = static_cast<int>(std::lround(score));
  }
  return summary;
}

}  // namespace kvitka::feedback
