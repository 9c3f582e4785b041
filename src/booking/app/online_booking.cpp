#include "booking/app/online_booking.h"

#include <algorithm>
#include <set>

#include "core/phone.h"
#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

Actor VisitorActor(Id org_id, const std::string& ip) {
  return Actor{0, org_id, identity::Role::kOwner, 0, "online " + ip};
}

OnlineRules OnlineBooking::RulesIn(db::Session& s, Id org_id, Id branch_id) {
  return store_.Rules(s, org_id, branch_id).value_or(OnlineRules{});
}

Result<BranchRules, Error> OnlineBooking::Rules(const Actor& actor, Id branch_id) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<BranchRules, Error> {
    auto branch = d_.branches.FindIn(s, actor.org_id, branch_id);
    if (!branch) return Fail(Error(ErrorCode::kNotFound));
    return BranchRules{*branch, RulesIn(s, actor.org_id, branch_id)};
  });
}

Result<BranchRules, Error> OnlineBooking::SetRules(const Actor& actor, Id branch_id,
                                                   const OnlineRulesPatch& p) {
  if (auto ok = Allowed(actor, Action::kManageOnlineBooking); !ok) return Fail(ok.error());
  const auto region = d_.branches.Of(actor.org_id).country;
  return d_.db.Write([&](db::Session& s) -> Result<BranchRules, Error> {
    auto branch = d_.branches.FindIn(s, actor.org_id, branch_id);
    if (!branch) return Fail(Error(ErrorCode::kNotFound));
    const OnlineRules before = RulesIn(s, actor.org_id, branch_id);
    OnlineRules r = before;
    if (p.enabled) r.enabled = *p.enabled;
    if (p.auto_confirm) r.auto_confirm = *p.auto_confirm;
    if (p.master_required) r.master_required = *p.master_required;
    if (p.lead_minutes) r.lead_minutes = *p.lead_minutes;
    if (p.horizon_days) r.horizon_days = *p.horizon_days;
    if (p.step_minutes) r.step_minutes = *p.step_minutes;
    if (p.cancel_deadline_minutes) r.cancel_deadline_minutes = *p.cancel_deadline_minutes;
    if (p.max_future_bookings) r.max_future_bookings = *p.max_future_bookings;
    if (p.message) r.message = *p.message;
    FieldErrors errors = CheckOnlineRules(r);
    if (p.phone) {
      r.phone.clear();
      if (!p.phone->empty()) {
        if (auto phone = NormalizePhone(*p.phone, region)) {
          r.phone = *phone;
        } else {
          errors.push_back({"phone", "invalid_phone"});
        }
      }
    }
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    store_.SaveRules(s, actor.org_id, branch_id, r, d_.clock.Now());
    auto json = [](const OnlineRules& x) {
      return nlohmann::json{{"enabled", x.enabled},
                            {"lead_minutes", x.lead_minutes},
                            {"horizon_days", x.horizon_days},
                            {"step_minutes", x.step_minutes},
                            {"auto_confirm", x.auto_confirm},
                            {"cancel_deadline_minutes", x.cancel_deadline_minutes},
                            {"master_required", x.master_required},
                            {"max_future_bookings", x.max_future_bookings},
                            {"phone", x.phone},
                            {"message", x.message}};
    };
    d_.audit.Record(s, actor, "online_booking.rules", "branch", branch_id, json(before), json(r));
    return BranchRules{*branch, r};
  });
}

Result<BranchRules, Error> OnlineBooking::OpenBranch(const std::string& slug) {
  auto open = d_.db.Read([&](db::Session& s) -> std::optional<BranchRules> {
    auto branch = d_.branches.FindBySlug(s, slug);
    if (!branch) return std::nullopt;
    return BranchRules{*branch, RulesIn(s, branch->org_id, branch->id)};
  });
  if (!open) return Fail(Error(ErrorCode::kBranchNotFound));
  if (!open->rules.enabled) {
    Error closed(ErrorCode::kOnlineClosed);
    closed.contact = open->rules.phone;
    return Fail(closed);
  }
  return *open;
}

Result<PublicBranch, Error> OnlineBooking::Branch(const std::string& slug) {
  return d_.db.Read([&](db::Session& s) -> Result<PublicBranch, Error> {
    auto branch = d_.branches.FindBySlug(s, slug);
    if (!branch) return Fail(Error(ErrorCode::kBranchNotFound));
    PublicBranch page;
    page.branch = *branch;
    page.rules = RulesIn(s, branch->org_id, branch->id);
    if (!page.rules.enabled) return page;
    const Id org_id = branch->org_id;
    std::map<Id, PublicMaster> masters;
    for (auto& member : d_.staff.MembersIn(s, org_id, branch->id)) {
      if (member.online_booking) masters[member.id] = PublicMaster{member, {}};
    }
    std::set<Id> categories;
    for (auto& service : d_.catalog.OnlineServicesIn(s, org_id)) {
      if (service.group || service.archived) continue;
      PublicService shown;
      std::optional<std::int64_t> low, high;
      for (const auto& ss : service.staff) {
        auto it = masters.find(ss.staff_id);
        if (it == masters.end()) continue;
        shown.staff_ids.push_back(ss.staff_id);
        it->second.service_ids.push_back(service.id);
        const auto min = ss.price_min.value_or(service.price_min);
        const auto max = ss.price_max
                             ? *ss.price_max
                             : (ss.price_min ? *ss.price_min : service.price_max.value_or(min));
        low = low ? std::min(*low, min) : min;
        high = high ? std::max(*high, max) : max;
      }
      if (shown.staff_ids.empty()) continue;
      shown.price_min = *low;
      if (*high > *low) shown.price_max = *high;
      if (service.category_id) categories.insert(*service.category_id);
      shown.service = std::move(service);
      page.services.push_back(std::move(shown));
    }
    for (auto& category : d_.catalog.CategoriesIn(s, org_id)) {
      if (categories.count(category.id) != 0) page.categories.push_back(std::move(category));
    }
    for (auto& [id, master] : masters) {
      if (!master.service_ids.empty()) page.masters.push_back(std::move(master));
    }
    return page;
  });
}

Result<AvailabilityView, Error> OnlineBooking::Availability(const std::string& slug,
                                                            AvailabilityQuery query) {
  auto open = OpenBranch(slug);
  if (!open) return Fail(open.error());
  if (open->rules.master_required && !query.staff_id) {
    return Fail(Error(ErrorCode::kValidation, {{"staff_id", "required"}}));
  }
  query.branch_id = open->branch.id;
  query.online_only = true;
  query.same_master = query.staff_id.has_value();
  query.lead_minutes = open->rules.lead_minutes;
  query.horizon_days = open->rules.horizon_days;
  query.display_step = open->rules.step_minutes;
  return availability_.FindIn(open->branch, query);
}

FieldErrors OnlineBooking::CheckChoice(const identity::Branch& branch,
                                       const std::vector<Id>& service_ids,
                                       std::optional<Id> staff_id) {
  return d_.db.Read([&](db::Session& s) {
    FieldErrors errors;
    std::set<Id> masters;
    for (const auto& m : d_.staff.MembersIn(s, branch.org_id, branch.id)) {
      if (m.online_booking) masters.insert(m.id);
    }
    if (staff_id && masters.count(*staff_id) == 0) errors.push_back({"staff_id", "not_found"});
    for (Id id : service_ids) {
      auto service = d_.catalog.FindServiceIn(s, branch.org_id, id);
      const bool offered =
          service && !service->archived && service->online_booking && !service->group &&
          std::any_of(service->staff.begin(), service->staff.end(),
                      [&](const catalog::ServiceStaff& ss) { return masters.count(ss.staff_id); });
      if (!offered) {
        errors.push_back({"service_ids", "not_found"});
        break;
      }
    }
    return errors;
  });
}

Result<Slot, Error> OnlineBooking::FindSlot(const BranchRules& open,
                                            const std::vector<Id>& service_ids,
                                            std::optional<Id> staff_id, EpochSeconds start,
                                            const std::vector<Hold>& own_holds) {
  const EpochSeconds now = d_.clock.Now();
  auto start_error = [](const char* code) {
    return Fail(Error(ErrorCode::kValidation, {{"start", code}}));
  };
  if (start <= now) return start_error("in_the_past");
  if (start < now + static_cast<EpochSeconds>(open.rules.lead_minutes) * 60) {
    return start_error("too_soon");
  }
  if (start > now + static_cast<EpochSeconds>(open.rules.horizon_days) * 86400) {
    return start_error("too_far");
  }
  AvailabilityQuery query;
  query.service_ids = service_ids;
  query.staff_id = staff_id;
  query.from = CivilDate(start, open.branch.timezone);
  query.to = query.from;
  query.own_holds = own_holds;
  auto found = Availability(open.branch.slug, query);
  if (!found) return Fail(found.error());
  std::vector<Slot> candidates;
  for (const auto& day : found->days) {
    for (const auto& slot : day.slots) {
      if (slot.start == start) candidates.push_back(slot);
    }
  }
  if (candidates.empty()) {
    // Not a start now: taken meanwhile when the same time without bookings would be one.
    const bool on_step = OnStep(start, open.rules.step_minutes,
                                UtcOffsets(open.branch.timezone, start - 86400, start + 86400));
    if (on_step && d_.db.Read([&](db::Session& s) {
          for (Id id : service_ids) {
            auto service = d_.catalog.FindServiceIn(s, open.branch.org_id, id);
            if (!service) continue;
            std::vector<Id> masters;
            for (const auto& ss : service->staff) {
              if (!staff_id || ss.staff_id == *staff_id) masters.push_back(ss.staff_id);
            }
            const auto holds =
                d_.appointments.HoldsIn(s, open.branch.org_id, masters, {}, start,
                                        start + EpochSeconds{service->duration} * 60);
            if (!holds.empty()) return true;
          }
          return false;
        })) {
      return Fail(Error(ErrorCode::kSlotTaken));
    }
    return start_error("not_available");
  }
  // "Any master": the one with the least booked that day keeps the day even for everyone.
  if (candidates.size() > 1) {
    const std::string date = CivilDate(start, open.branch.timezone);
    const auto day_from = *StartOfDay(date, open.branch.timezone);
    const auto day_to = *StartOfDay(AddDays(date, 1), open.branch.timezone);
    std::map<Id, EpochSeconds> busy;
    d_.db.Read([&](db::Session& s) {
      std::vector<Id> masters;
      masters.reserve(candidates.size());
      for (const auto& c : candidates) masters.push_back(c.staff_ids.front());
      for (const auto& h :
           d_.appointments.HoldsIn(s, open.branch.org_id, masters, {}, day_from, day_to)) {
        busy[h.resource_id] += h.span.end - h.span.start;
      }
      return 0;
    });
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Slot& a, const Slot& b) {
      return busy[a.staff_ids.front()] < busy[b.staff_ids.front()];
    });
  }
  return candidates.front();
}

}  // namespace kvitka::booking
