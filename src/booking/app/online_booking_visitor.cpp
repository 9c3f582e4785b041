// What a visitor of the public page sends: a booking or a waitlist request, with their card
// found by phone or created, under the per-IP and per-phone limits.
#include <algorithm>

#include "booking/app/online_booking.h"
#include "core/phone.h"
#include "core/secret.h"
#include "core/text.h"
#include "core/time.h"

namespace kvitka::booking {

namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxEmail = 254;
constexpr std::size_t kMaxComment = 500;

// The visitor's own fields; the phone comes back in E.164 when valid.
FieldErrors CheckVisitor(const Visitor& v, const std::string& region, std::string& phone) {
  FieldErrors errors;
  if (Trim(v.name).empty()) {
    errors.push_back({"client.name", "required"});
  } else if (Utf8Length(v.name) > kMaxName) {
    errors.push_back({"client.name", "too_long", static_cast<std::int64_t>(kMaxName)});
  }
  if (Trim(v.phone).empty()) {
    errors.push_back({"client.phone", "required"});
  } else if (auto e164 = NormalizePhone(v.phone, region)) {
    phone = *e164;
  } else {
    errors.push_back({"client.phone", "invalid_phone"});
  }
  if (v.email.size() > kMaxEmail) {
    errors.push_back({"client.email", "too_long", static_cast<std::int64_t>(kMaxEmail)});
  }
  if (!v.language.empty() && v.language != "uk" && v.language != "ru" && v.language != "en") {
    errors.push_back({"language", "invalid_value"});
  }
  return errors;
}

void CheckComment(const std::string& comment, const std::string& honeypot, FieldErrors& errors) {
  if (Utf8Length(comment) > kMaxComment) {
    errors.push_back({"comment", "too_long", static_cast<std::int64_t>(kMaxComment)});
  }
  if (!honeypot.empty()) errors.push_back({"website", "must_be_empty"});
}

void CheckServiceIds(const std::vector<Id>& ids, FieldErrors& errors) {
  if (ids.empty()) errors.push_back({"service_ids", "required"});
  if (ids.size() > 10) errors.push_back({"service_ids", "too_many", 10});
}

// The same services in the same order.
bool SameServices(const Appointment& a, const std::vector<Id>& service_ids) {
  if (a.items.size() != service_ids.size()) return false;
  for (std::size_t i = 0; i < service_ids.size(); ++i) {
    if (a.items[i].service_id != service_ids[i]) return false;
  }
  return true;
}

}  // namespace

Result<Done, Error> OnlineBooking::Throttle(const std::string& ip, const std::string& phone) {
  const EpochSeconds now = d_.clock.Now();
  std::lock_guard lock(limits_mutex_);
  const EpochSeconds wait =
      std::max(per_ip_.RetryAfter(ip, now), phone.empty() ? 0 : per_phone_.RetryAfter(phone, now));
  if (wait > 0) {
    Error error(ErrorCode::kTooManyRequests);
    error.retry_after = wait;
    return Fail(error);
  }
  per_ip_.Record(ip, now);
  if (!phone.empty()) per_phone_.Record(phone, now);
  return Done{};
}

std::optional<Error> OnlineBooking::Refused(const BranchRules& open,
                                            const clients::Client& client) {
  for (const auto& tag : client.tags) {
    if (IsBlackListTag(tag.name)) {
      Error refused(ErrorCode::kRefused);
      refused.contact = open.rules.phone;
      return refused;
    }
  }
  return std::nullopt;
}

Result<clients::Client, Error> OnlineBooking::CardOf(db::Session& s, const BranchRules& open,
                                                     const Visitor& visitor,
                                                     const std::string& phone,
                                                     const identity::OrgProfile& org) {
  const Id org_id = open.branch.org_id;
  if (auto known = d_.clients.FindByPhone(s, org_id, phone)) {
    if (auto refused = Refused(open, *known)) return Fail(*refused);
    return *known;
  }
  clients::ClientPatch card;
  card.first_name = Trim(visitor.name);
  card.phones = std::vector<std::string>{phone};
  if (!visitor.email.empty()) card.email = Trim(visitor.email);
  card.source = "online_booking";
  if (!visitor.language.empty()) card.language = visitor.language;
  auto created = d_.clients.CreateIn(s, VisitorActor(org_id, "page"), card, org);
  if (!created) {
    FieldErrors errors;
    for (const auto& f : created.error().fields) {
      const std::string field = f.field == "email"              ? "client.email"
                                : f.field.starts_with("phones") ? "client.phone"
                                : f.field == "first_name"       ? "client.name"
                                                                : "client." + f.field;
      errors.push_back({field, f.code, f.limit});
    }
    if (errors.empty()) errors.push_back({"client", "invalid_value"});
    return Fail(Error(ErrorCode::kValidation, errors));
  }
  return *created;
}

Result<OnlineBooking::Admitted, Error> OnlineBooking::Admit(
    const std::string& slug, const Visitor& visitor, const std::vector<Id>& service_ids,
    const std::string& comment, const std::string& honeypot, const std::string& ip) {
  auto open = OpenBranch(slug);
  if (!open) return Fail(open.error());
  Admitted a{*open, d_.branches.Of(open->branch.org_id), {}, {}};
  a.errors = CheckVisitor(visitor, a.org.country, a.phone);
  if (auto limited = Throttle(ip, a.phone); !limited) return Fail(limited.error());
  CheckServiceIds(service_ids, a.errors);
  CheckComment(comment, honeypot, a.errors);
  return a;
}

Result<PublicBooking, Error> OnlineBooking::Book(const std::string& slug,
                                                 const OnlineBookingRequest& r) {
  auto admitted = Admit(slug, r.visitor, r.service_ids, r.comment, r.honeypot, r.ip);
  if (!admitted) return Fail(admitted.error());
  const BranchRules& open = admitted->open;
  const identity::OrgProfile& org = admitted->org;
  const std::string& phone = admitted->phone;
  FieldErrors& errors = admitted->errors;
  const Id org_id = open.branch.org_id;
  if (!r.start) errors.push_back({"start", "required"});
  if (open.rules.master_required && !r.staff_id) errors.push_back({"staff_id", "required"});
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));

  const EpochSeconds now = d_.clock.Now();
  std::string fingerprint =
      phone + "|" + std::to_string(*r.start) + "|" + std::to_string(r.staff_id.value_or(0));
  for (Id id : r.service_ids) fingerprint += "," + std::to_string(id);
  fingerprint = HashToken(fingerprint);
  const std::string key = r.idempotency_key.empty() ? "" : "online:" + r.idempotency_key;

  // A repeat of a booking already made (a double tap) is answered before its time is looked
  // for: the booking itself holds that time now.
  auto prior = d_.db.Write([&](db::Session& s) -> Result<PublicBooking, Error> {
    store_.LockPhone(s, org_id, phone);
    if (auto answer = Prior(s, open, r, phone, key, fingerprint, now)) return *answer;
    return PublicBooking{};
  });
  if (!prior || prior->replayed) return prior;

  auto slot = FindSlot(open, r.service_ids, r.staff_id, *r.start);
  if (!slot) {
    // A concurrent double tap may have booked this very time meanwhile: answer with it.
    auto again = d_.db.Write([&](db::Session& s) -> Result<PublicBooking, Error> {
      store_.LockPhone(s, org_id, phone);
      if (auto answer = Prior(s, open, r, phone, key, fingerprint, now)) return *answer;
      return Fail(slot.error());
    });
    return again;
  }
  NewAppointment in;
  in.branch_id = open.branch.id;
  for (std::size_t i = 0; i < r.service_ids.size(); ++i) {
    ItemInput item;
    item.service_id = r.service_ids[i];
    item.staff_id = slot->staff_ids[i];
    if (i == 0) item.start = *r.start;
    item.room_id = slot->room_ids[i];
    in.items.push_back(item);
  }
  in.notes = Trim(r.comment);
  in.source = Source::kOnline;
  in.status = open.rules.auto_confirm ? Status::kConfirmed : Status::kBooked;
  in.idempotency_key = key;
  in.fingerprint = fingerprint;
  AppointmentView created;
  auto result = d_.db.Write([&](db::Session& s) -> Result<PublicBooking, Error> {
    // Again under the phone's lock: a concurrent double tap may have booked meanwhile.
    store_.LockPhone(s, org_id, phone);
    if (auto answer = Prior(s, open, r, phone, key, fingerprint, now)) return *answer;
    auto card = CardOf(s, open, r.visitor, phone, org);
    if (!card) return Fail(card.error());
    in.client_id = card->id;
    auto view = appointments_.Book(s, VisitorActor(org_id, r.ip), in, open.branch.timezone, now);
    if (!view) return Fail(view.error());
    created = *view;
    return Show(s, open.branch, open.rules, view->appointment, std::nullopt);
  });
  if (result && !result->replayed) appointments_.Announce(org_id, created);
  return result;
}

std::optional<Result<PublicBooking, Error>> OnlineBooking::Prior(
    db::Session& s, const BranchRules& open, const OnlineBookingRequest& r,
    const std::string& phone, const std::string& key, const std::string& fingerprint,
    EpochSeconds now) {
  const Id org_id = open.branch.org_id;
  auto replay = [&](const Appointment& a) -> Result<PublicBooking, Error> {
    auto shown = Show(s, open.branch, open.rules, a, std::nullopt);
    if (shown) shown->replayed = true;
    return shown;
  };
  if (!key.empty()) {
    if (auto seen = d_.appointments.FindRequest(s, org_id, key)) {
      if (seen->first != fingerprint) return Fail(Error(ErrorCode::kIdempotencyKeyReused));
      if (auto a = d_.appointments.Find(s, org_id, seen->second)) return replay(*a);
    }
  }
  auto known = d_.clients.FindByPhone(s, org_id, phone);
  if (!known) return std::nullopt;
  if (auto refused = Refused(open, *known)) return Fail(*refused);
  int upcoming = 0;
  for (auto& a : d_.appointments.UpcomingOf(s, org_id, known->id, now)) {
    if (a.source != Source::kOnline || !HoldsTime(a.status)) continue;
    if (a.Start() == *r.start && a.branch_id == open.branch.id && SameServices(a, r.service_ids) &&
        (!r.staff_id || a.items.front().staff_id == *r.staff_id)) {
      return replay(a);
    }
    ++upcoming;
  }
  if (upcoming >= open.rules.max_future_bookings) {
    Error limit(ErrorCode::kTooManyBookings);
    limit.contact = open.rules.phone;
    return Fail(limit);
  }
  return std::nullopt;
}

Result<Done, Error> OnlineBooking::AskWaitlist(const std::string& slug,
                                               const OnlineWaitlistRequest& r) {
  auto admitted = Admit(slug, r.visitor, r.service_ids, r.comment, r.honeypot, r.ip);
  if (!admitted) return Fail(admitted.error());
  const BranchRules& open = admitted->open;
  const identity::OrgProfile& org = admitted->org;
  const std::string& phone = admitted->phone;
  FieldErrors& errors = admitted->errors;
  const Id org_id = open.branch.org_id;
  WaitlistEntry entry;
  entry.branch_id = open.branch.id;
  entry.service_ids = r.service_ids;
  entry.staff_id = r.staff_id;
  entry.date_from = r.date_from;
  entry.date_to = r.date_to;
  entry.time_from = r.time_from;
  entry.time_to = r.time_to;
  entry.notes = Trim(r.comment);
  for (auto& e : CheckWaitlistEntry(entry)) {
    if (e.field == "service_ids" && !r.service_ids.empty()) continue;
    errors.push_back(e.field.starts_with("date_")
                         ? FieldError{"dates." + e.field.substr(5), e.code, e.limit}
                         : e);
  }
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  if (auto unknown = CheckChoice(open.branch, r.service_ids, r.staff_id); !unknown.empty()) {
    return Fail(Error(ErrorCode::kValidation, unknown));
  }
  std::optional<WaitlistView> added;
  auto done = d_.db.Write([&](db::Session& s) -> Result<Done, Error> {
    store_.LockPhone(s, org_id, phone);
    auto card = CardOf(s, open, r.visitor, phone, org);
    if (!card) return Fail(card.error());
    entry.client_id = card->id;
    auto view = waitlist_.AddIn(s, VisitorActor(org_id, r.ip), entry, d_.clock.Now());
    if (!view) return Fail(view.error());
    added = *view;
    return Done{};
  });
  if (done && added) waitlist_.Announce(org_id, *added);
  return done;
}

}  // namespace kvitka::booking
