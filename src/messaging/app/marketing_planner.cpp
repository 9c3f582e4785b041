#include "messaging/app/marketing_planner.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/time.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/domain/come_back.h"

namespace kvitka::messaging {

namespace {

constexpr int kMorning = 10 * 60;  // marketing goes out from 10:00 on the branch's clock

}  // namespace

int MarketingPlanner::PlanDue(EpochSeconds now) {
  const auto orgs = d_.db.Read([&](db::Session& s) { return d_.rules.Organizations(s); });
  int written = 0;
  for (Id org_id : orgs) {
    auto [rules, zone] = d_.db.Read([&](db::Session& s) {
      const auto branches = d_.branches.BranchesIn(s, org_id);
      return std::make_pair(LoadRules(s, d_.rules, org_id),
                            branches.empty() ? std::string("UTC") : branches.front().timezone);
    });
    if (rules.Sends(MessageKind::kBirthday)) written += Birthdays(org_id, rules, zone, now);
    if (rules.Sends(MessageKind::kComeBack)) written += ComeBacks(org_id, rules, zone, now);
    if (rules.Sends(MessageKind::kStaffShiftTomorrow))
      written += ShiftsTomorrow(org_id, rules, now);
  }
  return written;
}

int MarketingPlanner::Birthdays(Id org_id, const MessagingRules& rules, const std::string& zone,
                                EpochSeconds now) {
  const std::string today = CivilDate(now, zone);
  const std::string day = AddDays(today, rules.birthday_days_before);
  const int year = std::stoi(day.substr(0, 4));  // of the birthday greeted
  // 28 February also greets those born on the 29th in the years without one.
  const std::string month_day = day.substr(5);
  const clients::Pairs query = {{"birthday_from", month_day},
                                {"birthday_to", month_day == "02-28" ? "02-29" : month_day}};
  const auto system = identity::Actor::System(org_id);
  std::vector<clients::Client> born;
  std::optional<Id> before;
  for (;;) {
    auto page = d_.clients.List(system, query, before, 200, false);
    if (!page) break;
    for (auto& c : page->items) born.push_back(std::move(c));
    if (!page->next_before) break;
    before = page->next_before;
  }
  const EpochSeconds due = std::max(now, LocalInstant(today, kMorning, zone).value_or(now));
  return d_.db.Write([&](db::Session& s) {
    int written = 0;
    const auto salon = d_.recipients.SalonChannels(s, org_id, rules);
    for (const auto& client : born) {
      if (client.archived ||
          BirthdayGreetingDay(client.birthday, year, rules.birthday_days_before) != today) {
        continue;
      }
      auto to = d_.recipients.Client(s, org_id, client.id);
      if (!to || DeliveryOrder(salon, to->recipient, MessageKind::kBirthday).empty()) continue;
      PlannedMessage m{org_id, 0, 0, 0, MessageKind::kBirthday, year, std::nullopt, due, "{}"};
      if (d_.planner.Enqueue(s, m, *to, salon, now)) ++written;
    }
    return written;
  });
}

int MarketingPlanner::ComeBacks(Id org_id, const MessagingRules& rules, const std::string& zone,
                                EpochSeconds now) {
  const std::string today = CivilDate(now, zone);
  const EpochSeconds due = std::max(now, LocalInstant(today, kMorning, zone).value_or(now));
  return d_.db.Write([&](db::Session& s) {
    const auto visits = d_.appointments.LastServiceVisitsIn(s, org_id);
    const auto booked_list = d_.appointments.ClientsBookedAfterIn(s, org_id, now);
    const std::set<Id> booked(booked_list.begin(), booked_list.end());
    const auto salon = d_.recipients.SalonChannels(s, org_id, rules);
    std::map<Id, int> cycles;  // service -> repeat_after_days (0: none)
    int written = 0;
    for (const auto& v : visits) {
      auto cycle = cycles.find(v.service_id);
      if (cycle == cycles.end()) {
        const auto service = d_.catalog.FindServiceIn(s, org_id, v.service_id);
        cycle = cycles.emplace(v.service_id, service ? service->repeat_after_days.value_or(0) : 0)
                    .first;
      }
      if (cycle->second <= 0) continue;
      const ServiceCycle service_cycle{CivilDate(v.start, zone), cycle->second};
      if (!ComeBackDueOn(service_cycle, rules.come_back_lead_days, today,
                         booked.count(v.client_id) > 0)) {
        continue;
      }
      auto to = d_.recipients.Client(s, org_id, v.client_id);
      if (!to || DeliveryOrder(salon, to->recipient, MessageKind::kComeBack).empty()) continue;
      PlannedMessage m{org_id,
                       v.branch_id,
                       v.appointment_id,
                       0,
                       MessageKind::kComeBack,
                       v.service_id,
                       std::nullopt,
                       due,
                       nlohmann::json{{"service", v.service_name}}.dump()};
      if (d_.planner.Enqueue(s, m, *to, salon, now)) ++written;
    }
    return written;
  });
}

int MarketingPlanner::ShiftsTomorrow(Id org_id, const MessagingRules& rules, EpochSeconds now) {
  constexpr int kEvening = 18 * 60;  // the notice goes from 18:00 on the branch's clock
  return d_.db.Write([&](db::Session& s) {
    int written = 0;
    const auto salon = d_.recipients.SalonChannels(s, org_id, rules);
    for (const auto& branch : d_.branches.BranchesIn(s, org_id)) {
      const std::string today = CivilDate(now, branch.timezone);
      const auto evening = LocalInstant(today, kEvening, branch.timezone);
      if (!evening || now < *evening) continue;
      const std::string tomorrow = AddDays(today, 1);
      for (const auto& member : d_.staff.MembersIn(s, org_id, branch.id)) {
        const auto shift =
            d_.staff.WorkingIn(s, org_id, member, tomorrow, tomorrow, branch.timezone);
        if (shift.empty()) continue;
        auto to = d_.recipients.Master(s, org_id, member.id);
        if (!to || DeliveryOrder(salon, to->recipient, MessageKind::kStaffShiftTomorrow).empty()) {
          continue;
        }
        // One notice per master and day (the day's number as its slot).
        PlannedMessage m{
            org_id,
            branch.id,
            0,
            0,
            MessageKind::kStaffShiftTomorrow,
            shift.front().start / 86400,
            std::nullopt,
            now,
            nlohmann::json{{"start", shift.front().start}, {"end", shift.back().end}}.dump()};
        if (d_.planner.Enqueue(s, m, *to, salon, now)) ++written;
      }
    }
    return written;
  });
}

}  // namespace kvitka::messaging
