#include "feedback/app/low_score_tasks.h"

#include <spdlog/spdlog.h>

#include <array>
#include <string_view>

namespace kvitka::feedback {

std::string SalonLanguage(std::string_view country) {
  if (country == "UA") return "uk";
  static constexpr std::array<std::string_view, 9> kRussian = {"RU", "BY", "KZ", "KG", "MD",
                                                               "UZ", "TJ", "TM", "AZ"};
  for (auto c : kRussian) {
    if (country == c) return "ru";
  }
  return "en";
}

void LowScoreTasks::LowScore(db::Session& s, const identity::Actor& actor, const LowScoreEvent& e) {
  auto org = branches_.OrganizationIn(s, e.org_id);
  tasks::AutomaticTask task;
  task.kind = tasks::TaskKind::kLowFeedback;
  task.title = LowScoreTitle(SalonLanguage(org ? org->country : ""), e.client_first_name, e.answer);
  task.notes = e.answer.comment;
  task.priority = tasks::Priority::kHigh;
  task.due_at = e.at + 86400;
  task.client_id = e.client_id;
  task.appointment_id = e.appointment_id;
  task.branch_id = e.branch_id;
  auto added = tasks_.AddAutomatic(s, actor, task);
  if (!added) {
    // The answer stands without its task (a name too long for a title, say): never lose it.
    spdlog::warn(R"({{"event":"low_feedback_task_refused","org_id":{},"appointment_id":{}}})",
                 e.org_id, e.appointment_id);
  }
}

}  // namespace kvitka::feedback
