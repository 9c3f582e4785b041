#include "booking/app/waitlist_service.h"

#include <spdlog/spdlog.h>

#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

WaitlistView WaitlistService::View(db::Session& s, const Actor& actor, WaitlistEntry entry) {
  WaitlistView view{std::move(entry), std::nullopt};
  auto found = d_.clients.FindMany(s, actor, {view.entry.client_id});
  if (!found.empty()) view.client = found.front();
  return view;
}

Result<std::vector<WaitlistView>, Error> WaitlistService::List(
    const Actor& actor, Id branch_id, std::optional<WaitlistStatus> status) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return d_.db.Read([&](db::Session& s) -> Result<std::vector<WaitlistView>, Error> {
    std::vector<WaitlistView> views;
    for (auto& e : d_.waitlist.List(s, actor.org_id, branch_id, status)) {
      views.push_back(View(s, actor, std::move(e)));
    }
    return views;
  });
}

Result<WaitlistView, Error> WaitlistService::Add(const Actor& actor, WaitlistEntry entry) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  FieldErrors errors = CheckWaitlistEntry(entry);
  if (!d_.branches.Find(actor.org_id, entry.branch_id)) {
    errors.push_back({"branch_id", "not_found"});
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  auto added = d_.db.Write([&](db::Session& s) { return AddIn(s, actor, entry, d_.clock.Now()); });
  if (added) Announce(actor.org_id, *added);
  return added;
}

void WaitlistService::Announce(Id org_id, const WaitlistView& added) {
  d_.feed.Publish(
      {org_id, added.entry.branch_id, "waitlist", "created", added.entry.id, "", "waiting", 0});
}

Result<WaitlistView, Error> WaitlistService::AddIn(db::Session& s, const Actor& actor,
                                                   WaitlistEntry entry, EpochSeconds now) {
  {
    FieldErrors missing;
    if (d_.clients.FindMany(s, actor, {entry.client_id}).empty()) {
      missing.push_back({"client_id", "not_found"});
    }
    for (std::size_t i = 0; i < entry.service_ids.size(); ++i) {
      auto service = d_.catalog.FindServiceIn(s, actor.org_id, entry.service_ids[i]);
      if (!service || service->archived) {
        missing.push_back({"service_ids[" + std::to_string(i) + "]", "not_found"});
      }
    }
    if (entry.staff_id) {
      auto member = d_.staff.FindIn(s, actor.org_id, *entry.staff_id);
      if (!member || member->archived || member->branch_id != entry.branch_id) {
        missing.push_back({"staff_id", "not_found"});
      }
    }
    if (!missing.empty()) return Fail(Error(ErrorCode::kValidation, missing));
    entry.status = WaitlistStatus::kWaiting;
    entry.created_at = entry.updated_at = now;
    entry.id = d_.waitlist.Insert(s, actor.org_id, entry);
    d_.audit.Record(s, actor, "waitlist.create", "waitlist", entry.id, nullptr,
                    {{"client_id", entry.client_id}, {"service_ids", entry.service_ids}});
    return View(s, actor, entry);
  }
}

Result<WaitlistView, Error> WaitlistService::Change(const Actor& actor, Id id,
                                                    std::optional<WaitlistStatus> status,
                                                    const std::optional<std::string>& notes) {
  if (auto ok = Allowed(actor, Action::kBook); !ok) return Fail(ok.error());
  if (notes && notes->size() > 2000) {
    return Fail(Error(ErrorCode::kValidation, {{"notes", "too_long", 2000}}));
  }
  auto changed = d_.db.Write([&](db::Session& s) -> Result<WaitlistView, Error> {
    auto entry = d_.waitlist.Find(s, actor.org_id, id);
    if (!entry) return Fail(Error(ErrorCode::kNotFound));
    const std::string before = WaitlistStatusName(entry->status);
    if (status) {
      entry->status = *status;
      if (*status == WaitlistStatus::kWaiting) {
        entry->offered_start.reset();
        entry->offered_staff_id.reset();
      }
    }
    if (notes) entry->notes = *notes;
    entry->updated_at = d_.clock.Now();
    d_.waitlist.Update(s, actor.org_id, *entry);
    d_.audit.Record(s, actor, "waitlist.update", "waitlist", id, {{"status", before}},
                    {{"status", WaitlistStatusName(entry->status)}});
    return View(s, actor, *entry);
  });
  if (changed) {
    d_.feed.Publish({actor.org_id, changed->entry.branch_id, "waitlist", "updated", id, "",
                     WaitlistStatusName(changed->entry.status), 0});
  }
  return changed;
}

void WaitlistService::TimeFreed(Id org_id, Id branch_id, EpochSeconds from, EpochSeconds to) {
  try {
    const auto branch = d_.branches.Find(org_id, branch_id);
    if (!branch) return;
    const std::string zone = branch->timezone;
    const std::string first = CivilDate(from, zone);
    const std::string last = CivilDate(to > from ? to - 1 : from, zone);
    auto waiting = d_.db.Read([&](db::Session& s) {
      return d_.waitlist.List(s, org_id, branch_id, WaitlistStatus::kWaiting);
    });
    for (auto& entry : waiting) {
      if (entry.date_to < first || entry.date_from > last) continue;
      AvailabilityQuery query;
      query.branch_id = branch_id;
      query.service_ids = entry.service_ids;
      query.staff_id = entry.staff_id;
      query.from = std::max(first, entry.date_from);
      query.to = std::min(last, entry.date_to);
      auto found = availability_.Find(org_id, query);
      if (!found) continue;
      std::vector<Slot> slots;
      std::vector<int> minutes;
      for (const auto& day : found->days) {
        for (const auto& slot : day.slots) {
          slots.push_back(slot);
          minutes.push_back(LocalMinutes(slot.start, zone));
        }
      }
      const auto slot = FirstInWindow(entry, slots, minutes);
      if (!slot) continue;
      const EpochSeconds now = d_.clock.Now();
      const bool offered = d_.db.Write([&](db::Session& s) {
        auto fresh = d_.waitlist.Find(s, org_id, entry.id);
        if (!fresh || fresh->status != WaitlistStatus::kWaiting) return false;
        fresh->status = WaitlistStatus::kOffered;
        fresh->offered_start = slot->start;
        fresh->offered_staff_id = slot->staff_ids.front();
        fresh->updated_at = now;
        d_.waitlist.Update(s, org_id, *fresh);
        d_.appointments.AddEvent(
            s, org_id,
            {branch_id, std::nullopt, std::nullopt, entry.id, "waitlist_match", 1,
             nlohmann::json{{"client_id", entry.client_id},
                            {"start", FormatRfc3339Utc(slot->start)},
                            {"staff_id", slot->staff_ids.front()}}
                 .dump(),
             now});
        d_.messages.WaitlistOffered(s, org_id, branch_id, entry.client_id, entry.id, slot->start,
                                    slot->staff_ids.front());
        return true;
      });
      if (offered) {
        d_.feed.Publish({org_id, branch_id, "waitlist", "offered", entry.id, "", "offered", 0});
      }
    }
  } catch (const std::exception& e) {
    // The change that freed the time is committed; a failed match is retried by the next one.
    spdlog::warn("{{\"event\":\"waitlist_match_failed\",\"error\":\"{}\"}}", e.what());
  }
}

}  // namespace kvitka::booking
