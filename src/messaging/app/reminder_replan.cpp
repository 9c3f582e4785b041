// Replanning the reminders of every coming visit after the rules changed (offsets, quiet hours,
// reminders turned on or off): one read of the visits and of their reminders, then the changes in
// a few statements.
#include "messaging/app/reminder_replan.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <map>
#include <tuple>

#include "messaging/app/messaging_settings.h"
#include "messaging/domain/reminder_plan.h"

namespace kvitka::messaging {

int ReminderReplanner::Replan(Id org_id, EpochSeconds now) {
  return d_.db.Write([&](db::Session& s) { return ReplanIn(s, org_id, now); });
}

int ReminderReplanner::ReplanIn(db::Session& s, Id org_id, EpochSeconds now) {
  // How long each part took, for the log line (milliseconds since the start).
  const auto started = std::chrono::steady_clock::now();
  const auto ms = [&started] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                 started)
        .count();
  };
  const MessagingRules rules = LoadRules(s, d_.rules, org_id);
  const auto visits = d_.appointments.UpcomingTimesIn(s, org_id, now);
  // The reminders there are, by visit, version and offset.
  std::map<std::tuple<Id, int, std::int64_t>, PlannedReminderRow> existing;
  std::vector<Id> obsolete;
  std::map<Id, int> version_of;
  for (const auto& v : visits) version_of[v.id] = v.version;
  for (const auto& r : d_.outbox.Reminders(s, org_id, now)) {
    auto it = version_of.find(r.appointment_id);
    if (it == version_of.end() || it->second != r.version) {
      if (r.status == OutboxStatus::kPending) obsolete.push_back(r.id);
      continue;
    }
    existing[{r.appointment_id, r.version, r.slot}] = r;
  }
  // The clients' languages, in one read.
  std::vector<Id> client_ids;
  client_ids.reserve(visits.size());
  for (const auto& v : visits) client_ids.push_back(v.client_id);
  std::sort(client_ids.begin(), client_ids.end());
  client_ids.erase(std::unique(client_ids.begin(), client_ids.end()), client_ids.end());
  std::map<Id, Language> language;
  for (const auto& c : d_.clients.FindMany(s, identity::Actor::System(org_id), client_ids)) {
    if (!c.erased && !c.merged_into_id) language[c.id] = LanguageOrUkrainian(c.language);
  }
  std::map<Id, std::string> zones;
  for (const auto& b : d_.branches.BranchesIn(s, org_id)) zones[b.id] = b.timezone;

  std::vector<OutboxRow> added;
  std::vector<ReminderMove> due_again;
  for (const auto& v : visits) {
    const auto lang = language.find(v.client_id);
    std::map<std::int64_t, EpochSeconds> wanted;
    if (rules.Sends(MessageKind::kReminder) && lang != language.end()) {
      const auto zone = zones.count(v.branch_id) ? zones[v.branch_id] : std::string("UTC");
      // Booked when created: a later confirmation must not count as "just booked".
      for (const auto& p :
           PlanVisitReminders({v.start, v.created_at}, rules.AtBranch(v.branch_id), zone, now)) {
        if (p.due) wanted[p.offset] = *p.due;
      }
    }
    std::vector<Id> spare;  // this visit's waiting reminders of offsets no longer wanted
    for (auto it = existing.lower_bound({v.id, v.version, INT64_MIN});
         it != existing.end() && std::get<0>(it->first) == v.id; ++it) {
      const auto& r = it->second;
      const auto want = wanted.find(r.slot);
      if (want == wanted.end()) {
        if (r.status == OutboxStatus::kPending) spare.push_back(r.id);
      } else {
        const bool waiting = r.status == OutboxStatus::kPending;
        if ((waiting && r.due_at != want->second) || r.status == OutboxStatus::kVoided) {
          due_again.push_back({r.id, r.slot, want->second});
        }
        wanted.erase(want);  // there already (sent ones stay sent)
      }
    }
    // A waiting reminder of an offset gone becomes the reminder of a new one (one write instead
    // of a void and an insert: an offset changed over every coming visit is one update each).
    // No row of the visit has that slot (those were taken out of `wanted` above).
    while (!spare.empty() && !wanted.empty()) {
      due_again.push_back({spare.back(), wanted.begin()->first, wanted.begin()->second});
      spare.pop_back();
      wanted.erase(wanted.begin());
    }
    obsolete.insert(obsolete.end(), spare.begin(), spare.end());
    for (const auto& [offset, due] : wanted) {
      OutboxRow row;
      row.org_id = org_id;
      row.branch_id = v.branch_id;
      row.appointment_id = v.id;
      row.version = v.version;
      row.kind = MessageKind::kReminder;
      row.slot = offset;
      row.recipient_type = RecipientType::kClient;
      row.recipient_id = v.client_id;
      row.language = lang->second;
      row.visit_start = v.start;
      row.due_at = due;
      row.created_at = row.updated_at = now;
      added.push_back(row);
    }
  }
  const auto planned_ms = ms();
  d_.outbox.VoidIds(s, org_id, obsolete, now);
  const auto voided_ms = ms();
  d_.outbox.DueAgain(s, org_id, due_again, now);
  const auto moved_ms = ms();
  d_.outbox.AddReminders(s, added);
  spdlog::info(
      "{{\"event\":\"reminders_replanned\",\"org\":{},\"visits\":{},\"voided\":{},"
      "\"due_again\":{},\"added\":{},\"read_and_plan_ms\":{},\"void_ms\":{},\"due_again_ms\":{},"
      "\"add_ms\":{}}}",
      org_id, visits.size(), obsolete.size(), due_again.size(), added.size(), planned_ms,
      voided_ms - planned_ms, moved_ms - voided_ms, ms() - moved_ms);
  return static_cast<int>(due_again.size() + obsolete.size() + added.size());
}

}  // namespace kvitka::messaging
