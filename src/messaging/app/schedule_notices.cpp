#include "messaging/app/schedule_notices.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/time.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/domain/visit_values.h"

namespace kvitka::messaging {

namespace {

nlohmann::json HoursJson(const std::vector<ShiftHours>& hours) {
  auto out = nlohmann::json::array();
  for (const auto& h : hours) out.push_back({h.start, h.end});
  return out;
}

std::vector<ShiftHours> HoursOf(const nlohmann::json& json) {
  std::vector<ShiftHours> hours;
  if (!json.is_array()) return hours;
  for (const auto& pair : json) {
    if (pair.is_array() && pair.size() == 2 && pair[0].is_number_integer() &&
        pair[1].is_number_integer()) {
      hours.push_back({pair[0].get<EpochSeconds>(), pair[1].get<EpochSeconds>()});
    }
  }
  return hours;
}

std::vector<ShiftHours> HoursOf(const std::vector<staff::WorkInterval>& intervals) {
  std::vector<ShiftHours> hours;
  hours.reserve(intervals.size());
  for (const auto& i : intervals) hours.push_back({i.start, i.end});
  return hours;
}

}  // namespace

std::vector<NoticeDay> NoticeDaysOf(const std::string& context_json) {
  std::vector<NoticeDay> days;
  const auto context = nlohmann::json::parse(context_json, nullptr, false);
  if (!context.is_object() || !context.contains("days") || !context["days"].is_array()) return days;
  for (const auto& day : context["days"]) {
    if (!day.is_object() || !day.contains("date") || !day["date"].is_string()) continue;
    days.push_back({day["date"].get<std::string>(), HoursOf(day.value("was", nlohmann::json())),
                    HoursOf(day.value("now", nlohmann::json()))});
  }
  return days;
}

std::string NoticeContext(const std::vector<NoticeDay>& days) {
  auto list = nlohmann::json::array();
  for (const auto& day : days) {
    list.push_back({{"date", day.date}, {"was", HoursJson(day.was)}, {"now", HoursJson(day.now)}});
  }
  return nlohmann::json{{"days", list}}.dump();
}

void ScheduleNoticePlanner::Changed(db::Session& s, const identity::Actor& actor,
                                    const staff::ScheduleChange& change) {
  constexpr MessageKind kKind = MessageKind::kStaffScheduleChanged;
  const Id org_id = actor.org_id;
  const MessagingRules rules = LoadRules(s, d_.rules, org_id);
  if (!rules.Sends(kKind)) return;
  auto master = d_.recipients.Master(s, org_id, change.member.id);
  // Nobody is told of what they did themselves.
  if (!master || (master->user_id && *master->user_id == actor.user_id)) return;
  const auto salon = d_.recipients.SalonChannels(s, org_id, rules);
  // News of the moment: a master nobody can reach now is not told later.
  if (DeliveryOrder(salon, master->recipient, kKind).empty()) return;

  std::vector<NoticeDay> changed;
  for (const auto& day : change.days) {
    changed.push_back({day.date, HoursOf(day.before), HoursOf(day.after)});
  }
  // The master's latest notices, newest first: those still pending are merged into this one and
  // voided; those of this minute tell its version.
  OutboxFilter filter;
  filter.kind = kKind;
  filter.recipient_type = RecipientType::kStaff;
  filter.recipient_id = master->id;
  const auto earlier = d_.outbox.List(s, org_id, filter, std::nullopt, 20);
  const std::int64_t minute = change.at / 60;
  int version = 0;
  std::optional<EpochSeconds> due;
  std::vector<NoticeDay> days;
  std::vector<Id> replaced;
  for (auto row = earlier.rbegin(); row != earlier.rend(); ++row) {
    if (row->slot == minute) version = std::max(version, row->version + 1);
    if (row->status != OutboxStatus::kPending) continue;
    days = MergeNoticeDays(days, NoticeDaysOf(row->context_json));
    replaced.push_back(row->id);
    due = std::min(due.value_or(row->due_at), row->due_at);
  }
  days = MergeNoticeDays(days, changed);
  d_.outbox.VoidIds(s, org_id, replaced, change.at);
  if (days.empty()) return;  // the changes undid each other
  PlannedMessage m;
  m.org_id = org_id;
  m.branch_id = change.member.branch_id;
  m.version = version;
  m.kind = kKind;
  m.slot = minute;
  // A merged notice keeps its time: saving again and again does not hold it back for ever.
  m.due = due.value_or(change.at + kSettleSeconds);
  m.context_json = NoticeContext(days);
  d_.planner.Enqueue(s, m, *master, salon, change.at);
}

std::optional<TemplateValues> ScheduleNoticeValues(const std::string& context_json,
                                                   const std::string& zone,
                                                   const std::string& today, Language language,
                                                   Channel channel) {
  const auto days = DaysFrom(NoticeDaysOf(context_json), today);
  if (days.empty()) return std::nullopt;
  const NoticeDay& first = days.front();
  TemplateValues values = {
      {"days", NoticeDaysText(days, zone, language, channel == Channel::kSms ? "; " : "\n")},
      {"date", FormatDate(first.date)},
      {"weekday", WeekdayName(first.date, language)},
      {"shift_start", first.now.empty() ? "" : Clock(first.now.front().start, zone)},
      {"shift_end", first.now.empty() ? "" : Clock(first.now.back().end, zone)},
  };
  return values;
}

}  // namespace kvitka::messaging
