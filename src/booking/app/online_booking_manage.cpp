// The client's manage link: see the booking, cancel it or move it before the branch's deadline.
#include <algorithm>

#include "booking/app/online_booking.h"
#include "core/secret.h"

namespace kvitka::booking {

namespace {

// Manage tokens are 32 lowercase hex characters (128 random bits).
bool IsToken(const std::string& token) {
  return token.size() == 32 && std::all_of(token.begin(), token.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

}  // namespace

std::string NewManageToken() { return HashToken(RandomToken(32)).substr(0, 32); }

OnlineBooking::VisitLinks OnlineBooking::LinksIn(db::Session& s, Id org_id, const Appointment& a) {
  VisitLinks links;
  links.manage_token = store_.IssueToken(s, org_id, a.id, NewManageToken(), d_.clock.Now());
  if (auto branch = d_.branches.FindIn(s, org_id, a.branch_id)) links.slug = branch->slug;
  links.phone = RulesIn(s, org_id, a.branch_id).phone;
  return links;
}

Result<PublicBooking, Error> OnlineBooking::Show(db::Session& s, const identity::Branch& branch,
                                                 const OnlineRules& rules, Appointment a,
                                                 std::optional<std::string> token) {
  PublicBooking b;
  const Id org_id = branch.org_id;
  b.token = token ? *token : store_.IssueToken(s, org_id, a.id, NewManageToken(), d_.clock.Now());
  for (const auto& item : a.items) {
    if (b.staff_names.count(item.staff_id) != 0) continue;
    if (auto member = d_.staff.FindIn(s, org_id, item.staff_id)) {
      b.staff_names[item.staff_id] = member->name;
    }
  }
  b.may_change = ClientMayChange(a, rules, d_.clock.Now());
  b.branch = branch;
  b.rules = rules;
  b.appointment = std::move(a);
  return b;
}

Result<OnlineBooking::Managed, Error> OnlineBooking::Resolve(const std::string& token) {
  if (!IsToken(token)) return Fail(Error(ErrorCode::kBookingNotFound));
  auto managed = d_.db.Read([&](db::Session& s) -> std::optional<Managed> {
    auto owner = store_.ResolveToken(s, token);
    if (!owner) return std::nullopt;
    auto a = d_.appointments.Find(s, owner->first, owner->second);
    if (!a) return std::nullopt;
    auto branch = d_.branches.FindIn(s, owner->first, a->branch_id);
    if (!branch) return std::nullopt;
    return Managed{*branch, RulesIn(s, owner->first, a->branch_id), *a};
  });
  if (!managed) return Fail(Error(ErrorCode::kBookingNotFound));
  return *managed;
}

Result<PublicBooking, Error> OnlineBooking::Manage(const std::string& token) {
  auto m = Resolve(token);
  if (!m) return Fail(m.error());
  return d_.db.Read([&](db::Session& s) {
    return Show(s, m->branch, m->rules, std::move(m->appointment), token);
  });
}

Result<PublicBooking, Error> OnlineBooking::Cancel(const std::string& token,
                                                   const std::string& reason,
                                                   const std::string& ip) {
  if (auto limited = Throttle(ip, ""); !limited) return Fail(limited.error());
  auto m = Resolve(token);
  if (!m) return Fail(m.error());
  const Appointment& a = m->appointment;
  if (a.status != Status::kCancelled) {
    Error refused(IsClosed(a.status) || a.status == Status::kArrived ? ErrorCode::kClosed
                                                                     : ErrorCode::kDeadlinePassed);
    refused.contact = m->rules.phone;
    if (!ClientMayChange(a, m->rules, d_.clock.Now())) return Fail(refused);
    StatusChange change;
    change.status = Status::kCancelled;
    change.reason = reason;
    change.cancelled_by = "client";
    auto changed = appointments_.SetStatus(VisitorActor(m->branch.org_id, ip), a.id, change);
    if (!changed) return Fail(changed.error());
  }
  return Manage(token);
}

Result<PublicBooking, Error> OnlineBooking::Reschedule(const std::string& token, EpochSeconds start,
                                                       std::optional<Id> staff_id,
                                                       const std::string& ip) {
  if (auto limited = Throttle(ip, ""); !limited) return Fail(limited.error());
  auto m = Resolve(token);
  if (!m) return Fail(m.error());
  const Appointment& a = m->appointment;
  if (IsClosed(a.status) || a.status == Status::kArrived) return Fail(Error(ErrorCode::kClosed));
  if (!ClientMayChange(a, m->rules, d_.clock.Now())) {
    Error late(ErrorCode::kDeadlinePassed);
    late.contact = m->rules.phone;
    return Fail(late);
  }
  if (!m->rules.enabled) {
    Error closed(ErrorCode::kOnlineClosed);
    closed.contact = m->rules.phone;
    return Fail(closed);
  }
  std::vector<Id> service_ids;
  for (const auto& item : a.items) service_ids.push_back(item.service_id);
  const auto own = d_.db.Read([&](db::Session& s) {
    return HoldsOf(a.items,
                   appointments_.reservations().Capacities(s, m->branch.org_id, a.branch_id));
  });
  const BranchRules open{m->branch, m->rules};
  auto slot = FindSlot(open, service_ids, staff_id.value_or(a.items.front().staff_id), start, own);
  if (!slot) return Fail(slot.error());
  AppointmentPatch patch;
  std::vector<ItemInput> items;
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    const Item& was = a.items[i];
    ItemInput item;
    item.service_id = was.service_id;
    item.staff_id = slot->staff_ids[i];
    if (i == 0) item.start = start;
    item.room_id = slot->room_ids[i];
    if (item.staff_id == was.staff_id) {
      // The same master: the same duration and price as booked.
      item.duration = static_cast<int>((was.end - was.start) / 60);
      item.price = was.price;
    }
    item.discount_percent = was.discount_percent;
    items.push_back(item);
  }
  patch.items = items;
  auto moved = appointments_.Change(VisitorActor(m->branch.org_id, ip), a.id, patch);
  if (!moved) return Fail(moved.error());
  return Manage(token);
}

}  // namespace kvitka::booking
