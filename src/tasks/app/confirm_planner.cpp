#include "tasks/app/confirm_planner.h"

#include <algorithm>

#include "core/time.h"

namespace kvitka::tasks {

int ConfirmTomorrowPlanner::Run(EpochSeconds now) {
  // A branch's tomorrow is, whatever its zone, one of the three days from today in UTC.
  const std::string utc_today = CivilDate(now, "UTC");
  struct Candidate {
    TaskStore::BookingDay day;
    std::string zone;
  };
  std::vector<Candidate> candidates;
  db_.Read([&](db::Session& s) {
    for (auto& day : store_.BookingDays(s, utc_today, AddDays(utc_today, 2))) {
      auto branch = branches_.FindIn(s, day.org_id, day.branch_id);
      if (branch) candidates.push_back({std::move(day), branch->timezone});
    }
  });
  int added = 0;
  for (const auto& [day, zone] : candidates) {
    const std::string today = CivilDate(now, zone);
    if (day.date != AddDays(today, 1) || LocalMinutes(now, zone) < kFromMinutes) continue;
    if (PlanDay(day.org_id, day.branch_id, day.date, today, zone, now)) ++added;
  }
  // The days gone are not looked at again.
  db_.Write([&](db::Session& s) { store_.ForgetBookingDaysBefore(s, AddDays(utc_today, -1)); });
  return added;
}

bool ConfirmTomorrowPlanner::PlanDay(Id org_id, Id branch_id, const std::string& date,
                                     const std::string& today, const std::string& zone,
                                     EpochSeconds now) {
  const auto from = StartOfDay(date, zone);
  const auto to = StartOfDay(AddDays(date, 1), zone);
  if (!from || !to) return false;
  const std::string key = DayKey(branch_id, date);
  return db_.Write([&](db::Session& s) {
    if (store_.FindAutomatic(s, org_id, TaskKind::kConfirmTomorrow, key)) return false;
    int waiting = 0;
    for (const auto& a :
         appointments_.deps().appointments.InBranch(s, org_id, branch_id, *from, *to, false)) {
      if (a.status == booking::Status::kBooked && a.Start() >= *from) ++waiting;
    }
    if (waiting == 0) return false;
    AutomaticTask confirm;
    confirm.kind = TaskKind::kConfirmTomorrow;
    confirm.auto_key = key;
    confirm.priority = Priority::kNormal;
    confirm.due_at = std::max(now, LocalInstant(today, kDueMinutes, zone).value_or(now));
    confirm.branch_id = branch_id;
    confirm.date = date;
    confirm.visit_count = waiting;
    auto task = tasks_.AddAutomatic(s, identity::Actor::System(org_id), confirm);
    return task.ok();
  });
}

}  // namespace kvitka::tasks
