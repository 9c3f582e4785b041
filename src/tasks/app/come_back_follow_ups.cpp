#include "tasks/app/come_back_follow_ups.h"

#include <spdlog/spdlog.h>

#include "core/time.h"

namespace kvitka::tasks {

namespace {

constexpr EpochSeconds kDay = 86400;

}  // namespace

EpochSeconds CallDue(EpochSeconds now, const std::string& zone) {
  using Planner = ComeBackFollowUpPlanner;
  const std::string today = CivilDate(now, zone);
  const int minutes = LocalMinutes(now, zone);
  if (minutes < Planner::kCallFrom) {
    return LocalInstant(today, Planner::kCallFrom, zone).value_or(now);
  }
  if (minutes >= Planner::kCallUntil) {
    return LocalInstant(AddDays(today, 1), Planner::kCallFrom, zone).value_or(now);
  }
  return now;
}

int ComeBackFollowUpPlanner::Run(EpochSeconds now) {
  const EpochSeconds to = now - kFollowUpDays * kDay;
  const EpochSeconds from = to - kCatchUpDays * kDay;
  // A first look in one read: most reminders have their task or a booking already.
  std::vector<SentComeBack> waiting;
  db_.Read([&](db::Session& s) {
    for (auto& sent : sent_.SentBetween(s, from, to)) {
      if (store_.FindAutomatic(s, sent.org_id, TaskKind::kComeBackFollowUp,
                               ComeBackKey(sent.message_id)) ||
          Booked(s, sent, now)) {
        continue;
      }
      waiting.push_back(sent);
    }
  });
  int added = 0;
  for (const auto& sent : waiting) {
    if (FollowUp(sent, now)) ++added;
  }
  return added;
}

bool ComeBackFollowUpPlanner::Booked(db::Session& s, const SentComeBack& sent, EpochSeconds now) {
  // Any booking made since the reminder went counts, whenever its visit is (or was).
  return appointments_.CountCreatedByIn(s, sent.org_id, {sent.client_id}, sent.sent_at,
                                        kLastInstant) > 0 ||
         appointments_.HasUpcomingIn(s, sent.org_id, sent.client_id, now);
}

bool ComeBackFollowUpPlanner::FollowUp(const SentComeBack& sent, EpochSeconds now) {
  const std::string key = ComeBackKey(sent.message_id);
  return db_.Write([&](db::Session& s) {
    // Looked at again in the write: another server may have been first, the client may have
    // booked meanwhile.
    if (store_.FindAutomatic(s, sent.org_id, TaskKind::kComeBackFollowUp, key) ||
        Booked(s, sent, now)) {
      return false;
    }
    std::optional<identity::Branch> branch;
    if (sent.branch_id != 0) branch = branches_.FindIn(s, sent.org_id, sent.branch_id);
    if (!branch) {
      const auto all = branches_.BranchesIn(s, sent.org_id);
      if (!all.empty()) branch = all.front();
    }
    AutomaticTask call;
    call.kind = TaskKind::kComeBackFollowUp;
    call.auto_key = key;
    call.priority = Priority::kNormal;
    call.due_at = CallDue(now, branch ? branch->timezone : "UTC");
    call.client_id = sent.client_id;
    if (sent.appointment_id != 0) call.appointment_id = sent.appointment_id;
    if (branch) call.branch_id = branch->id;
    auto task = tasks_.AddAutomatic(s, identity::Actor::System(sent.org_id), call);
    if (!task) {
      // A client erased or merged since: nobody to call.
      spdlog::debug(R"({{"event":"come_back_task_refused","org_id":{},"message_id":{}}})",
                    sent.org_id, sent.message_id);
      return false;
    }
    return true;
  });
}

}  // namespace kvitka::tasks
