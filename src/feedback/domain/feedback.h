// A client's feedback on a completed visit: stars (1-5), an optional NPS (0-10) and a comment,
// given through the visit's link; when the form is open, how long an answer may be changed, what
// counts as a low score, and the summary (average and NPS) of many answers. Pure: no I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::feedback {

inline constexpr EpochSeconds kOpenSeconds = EpochSeconds{30} * 86400;  // after the visit ends
inline constexpr EpochSeconds kEditSeconds = EpochSeconds{24} * 3600;   // after the first answer
inline constexpr std::size_t kMaxComment = 2000;                        // characters

// What the client answers.
struct Answer {
  int rating = 0;          // 1..5 stars
  std::optional<int> nps;  // 0..10: how likely they would recommend the salon
  std::string comment;     // trimmed, at most kMaxComment characters
};

// Field errors of an answer ("rating", "nps", "comment").
FieldErrors CheckAnswer(const Answer& answer);

struct Feedback {
  Id id = 0;
  Id org_id = 0;
  Id appointment_id = 0;
  Id client_id = 0;
  Id branch_id = 0;
  std::vector<Id> staff_ids;  // the masters of the visit, in the order of its services
  Answer answer;
  EpochSeconds visit_start = 0;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
};

// Whether the client may answer now: only for a completed visit, from the moment it began being
// over (its start: a visit completed early is over) until kOpenSeconds after its end.
enum class FormState { kOpen, kNotCompleted, kExpired };
FormState StateOf(bool completed, EpochSeconds visit_start, EpochSeconds visit_end,
                  EpochSeconds now);
// The end of the window in which the form takes answers.
EpochSeconds ClosesAt(EpochSeconds visit_end);

// Until when an answer given at `created_at` may be changed, and whether it still may.
EpochSeconds EditableUntil(EpochSeconds created_at);
bool MayEdit(const Feedback& feedback, EpochSeconds now);

// A score the salon should look into: 3 stars or fewer, or an NPS of 6 or less (a detractor).
bool IsLowScore(const Answer& answer);

// The title of the task a low score creates, in the language "uk", "ru" or "en" (else English):
// "Low rating from Olena: 2★" (with ", NPS 4" when the NPS was given).
std::string LowScoreTitle(std::string_view language, std::string_view first_name,
                          const Answer& answer);

// Counts over many answers, as the store adds them up.
struct Counts {
  std::int64_t answers = 0;
  std::int64_t rating_sum = 0;
  std::int64_t by_rating[5] = {0, 0, 0, 0, 0};  // answers with 1..5 stars
  std::int64_t nps_answers = 0;
  std::int64_t promoters = 0;   // NPS 9-10
  std::int64_t detractors = 0;  // NPS 0-6
};

struct Summary {
  Counts counts;
  std::optional<double> average;  // stars, rounded to 2 decimals; none without answers
  std::optional<int> nps;         // -100..100: % promoters - % detractors; none without NPS
};
Summary Summarize(const Counts& counts);

}  // namespace kvitka::feedback
