#include "booking/app/availability_service.h"

#include <algorithm>

#include "booking/domain/online_rules.h"
#include "core/time.h"

namespace kvitka::booking {

using identity::Action;
using identity::Actor;

namespace {

FieldErrors CheckDates(const std::string& from, const std::string& to, int max_days) {
  FieldErrors errors;
  const auto days = DaysBetween(from, to);
  if (!IsJournalDate(from)) errors.push_back({"from", "invalid_date"});
  if (!IsJournalDate(to)) errors.push_back({"to", "invalid_date"});
  if (errors.empty() && days && *days < 0) errors.push_back({"to", "before_from"});
  if (errors.empty() && days && *days > max_days) {
    errors.push_back({"to", "too_many_days", max_days});
  }
  return errors;
}

FieldErrors CheckQuery(const AvailabilityQuery& q) {
  FieldErrors errors = CheckDates(q.from, q.to, kMaxAvailabilityDays);
  if (q.service_ids.empty()) errors.push_back({"service_ids", "required"});
  if (q.service_ids.size() > 10) errors.push_back({"service_ids", "too_many", 10});
  return errors;
}

}  // namespace

Result<AvailabilityView, Error> AvailabilityService::Availability(const Actor& actor,
                                                                  const AvailabilityQuery& query) {
  if (auto ok = Allowed(actor, Action::kViewJournal); !ok) return Fail(ok.error());
  return Find(actor.org_id, query);
}

Result<AvailabilityView, Error> AvailabilityService::Find(Id org_id, const AvailabilityQuery& q) {
  FieldErrors errors = CheckQuery(q);
  const auto branch = d_.branches.Find(org_id, q.branch_id);
  if (!branch) errors.push_back({"branch_id", "not_found"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  return FindIn(*branch, q);
}

Result<AvailabilityView, Error> AvailabilityService::FindIn(const identity::Branch& branch,
                                                            const AvailabilityQuery& q) {
  FieldErrors errors = CheckQuery(q);
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const Id org_id = branch.org_id;
  const std::string zone = branch.timezone;
  const EpochSeconds from = *StartOfDay(q.from, zone);
  const EpochSeconds to = *StartOfDay(AddDays(q.to, 1), zone);
  const EpochSeconds now = d_.clock.Now();
  return d_.db.Read([&](db::Session& s) -> Result<AvailabilityView, Error> {
    AvailabilityRequest request;
    FieldErrors problems;
    std::vector<Id> room_ids;
    std::vector<Id> able;  // masters who perform at least one of the services
    auto members = d_.staff.MembersIn(s, org_id, branch.id);
    if (q.online_only) {
      // The booking page knows only online masters and the services they do.
      std::erase_if(members, [](const staff::StaffMember& m) { return !m.online_booking; });
      if (q.staff_id && std::none_of(members.begin(), members.end(),
                                     [&](const auto& m) { return m.id == *q.staff_id; })) {
        problems.push_back({"staff_id", "not_found"});
      }
    }
    auto offered_by_member = [&](const catalog::Service& service) {
      return std::any_of(service.staff.begin(), service.staff.end(), [&](const auto& ss) {
        return std::any_of(members.begin(), members.end(),
                           [&](const auto& m) { return m.id == ss.staff_id; });
      });
    };
    for (std::size_t i = 0; i < q.service_ids.size(); ++i) {
      const auto service = d_.catalog.FindServiceIn(s, org_id, q.service_ids[i]);
      const std::string field = "service_ids";
      const bool hidden =
          q.online_only && service &&
          (!service->online_booking || service->group || !offered_by_member(*service));
      if (!service || service->archived || hidden) {
        problems.push_back({field, "not_found"});
        continue;
      }
      if (service->group) {
        problems.push_back({field, "group_service"});
        continue;
      }
      ServiceNeed need;
      need.service_id = service->id;
      need.buffer_after = service->buffer_after;
      if (service->processing) {
        need.processing = {service->processing->start, service->processing->duration};
      }
      for (const auto& ss : service->staff) {
        need.duration_by_staff.emplace_back(ss.staff_id, ss.duration.value_or(service->duration));
        able.push_back(ss.staff_id);
      }
      need.room_ids = service->room_ids;
      for (Id room : service->room_ids) room_ids.push_back(room);
      request.services.push_back(std::move(need));
    }
    if (!problems.empty()) return Fail(Error(ErrorCode::kValidation, problems));
    std::vector<Id> staff_ids;
    const std::string wide_from = AddDays(q.from, -1);
    for (const auto& member : members) {
      if (q.staff_id && member.id != *q.staff_id) continue;
      if (std::find(able.begin(), able.end(), member.id) == able.end()) continue;
      Candidate candidate;
      candidate.staff_id = member.id;
      candidate.step_minutes = member.booking_step;
      staff_ids.push_back(member.id);
      request.candidates.push_back(std::move(candidate));
    }
    auto working = d_.staff.WorkingOfMany(s, org_id, branch.id, staff_ids, wide_from, q.to, zone);
    for (auto& candidate : request.candidates) {
      for (const auto& w : working[candidate.staff_id])
        candidate.working.push_back({w.start, w.end});
    }
    std::sort(room_ids.begin(), room_ids.end());
    room_ids.erase(std::unique(room_ids.begin(), room_ids.end()), room_ids.end());
    auto holds = d_.appointments.HoldsIn(s, org_id, staff_ids, room_ids, from - 86400, to + 86400);
    for (const auto& own : q.own_holds) {
      if (auto it = std::find(holds.begin(), holds.end(), own); it != holds.end()) holds.erase(it);
    }
    for (auto& candidate : request.candidates) {
      for (const auto& h : holds) {
        if (h.resource == Hold::Resource::kStaff && h.resource_id == candidate.staff_id) {
          candidate.busy.push_back({h.span, std::nullopt});
        }
      }
    }
    for (const auto& room : d_.catalog.RoomsIn(s, org_id, branch.id)) {
      if (!std::binary_search(room_ids.begin(), room_ids.end(), room.id)) continue;
      RoomState state;
      state.room_id = room.id;
      state.capacity = room.capacity;
      for (const auto& h : holds) {
        if (h.resource == Hold::Resource::kRoom && h.resource_id == room.id) {
          state.busy.push_back(h.span);
        }
      }
      for (const auto& c : room.closures) state.closed.push_back({c.start, c.end});
      request.rooms.push_back(std::move(state));
    }
    request.same_master = q.same_master;
    request.from = from;
    request.to = to;
    request.now = now;
    request.lead_minutes = q.lead_minutes;
    request.horizon_days = q.horizon_days;
    request.utc_offsets = UtcOffsets(zone, from - 86400, to + 86400);
    AvailabilityView view;
    view.timezone = zone;
    for (std::string day = q.from; day <= q.to; day = AddDays(day, 1)) {
      view.days.push_back({day, {}});
    }
    for (auto& slot : FindSlots(request)) {
      if (q.display_step > 0 && !OnStep(slot.start, q.display_step, request.utc_offsets)) continue;
      const std::string day = CivilDate(slot.start, zone);
      auto it =
          std::lower_bound(view.days.begin(), view.days.end(), day,
                           [](const DaySlots& d, const std::string& v) { return d.date < v; });
      if (it != view.days.end() && it->date == day) it->slots.push_back(std::move(slot));
    }
    return view;
  });
}

}  // namespace kvitka::booking
