// Online booking: the branch's rules (staff side) and what the public booking page does for a
// salon's client without an account: see the branch, find real times, book, leave a waitlist
// request, and cancel or move the booking through its manage link.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"
#include "booking/app/availability_service.h"
#include "booking/app/waitlist_service.h"
#include "core/attempt_limit.h"

namespace kvitka::booking {

// Only the fields that are set change.
struct OnlineRulesPatch {
  std::optional<bool> enabled, auto_confirm, master_required;
  std::optional<int> lead_minutes, horizon_days, step_minutes, cancel_deadline_minutes,
      max_future_bookings;
  std::optional<std::string> phone, message;
};

struct PublicService {
  catalog::Service service;
  std::int64_t price_min = 0;             // over the masters' own prices
  std::optional<std::int64_t> price_max;  // none: one price
  std::vector<Id> staff_ids;              // online masters of the branch who do it
};

struct PublicMaster {
  staff::StaffMember member;
  std::vector<Id> service_ids;
};

// What the page shows of a branch (nothing about any client).
struct PublicBranch {
  identity::Branch branch;
  OnlineRules rules;
  std::vector<catalog::Category> categories;
  std::vector<PublicService> services;
  std::vector<PublicMaster> masters;
};

// A branch with its online booking rules.
struct BranchRules {
  identity::Branch branch;
  OnlineRules rules;
};

// Who books: what the visitor typed.
struct Visitor {
  std::string name;
  std::string phone;  // as typed
  std::string email;
  std::string language;  // uk, ru, en or empty
};

struct OnlineBookingRequest {
  std::vector<Id> service_ids;
  std::optional<Id> staff_id;  // none: any master
  std::optional<EpochSeconds> start;
  Visitor visitor;
  std::string comment;
  std::string honeypot;         // a field people never see: filled only by bots
  std::string idempotency_key;  // empty: none
  std::string ip;
};

struct OnlineWaitlistRequest {
  std::vector<Id> service_ids;
  std::optional<Id> staff_id;
  std::string date_from, date_to;
  std::optional<int> time_from, time_to;  // minutes of the local day
  Visitor visitor;
  std::string comment;
  std::string honeypot;
  std::string ip;
};

// A booking as its client sees it through the manage link.
struct PublicBooking {
  Appointment appointment;
  identity::Branch branch;
  OnlineRules rules;
  std::map<Id, std::string> staff_names;
  std::string token;
  bool may_change = false;  // cancel or move, before the deadline
  bool replayed = false;    // the same request again: nothing new was booked
};

// Limits on the public side's writes (bookings, waitlist requests, cancellations, moves).
struct OnlineLimits {
  int per_ip = 30;     // attempts per IP in 10 minutes
  int per_phone = 10;  // attempts per phone in an hour
};

struct OnlineBookingDeps {
  BookingDeps booking;
  OnlineStore& store;
  AppointmentService& appointments;
  AvailabilityService& availability;
  WaitlistService& waitlist;
  OnlineLimits limits;
};

class OnlineBooking {
 public:
  explicit OnlineBooking(OnlineBookingDeps deps)
      : d_(deps.booking),
        store_(deps.store),
        appointments_(deps.appointments),
        availability_(deps.availability),
        waitlist_(deps.waitlist),
        per_ip_(deps.limits.per_ip, 600),
        per_phone_(deps.limits.per_phone, 3600) {}

  // Staff side: the rules of a branch (defaults until saved).
  Result<BranchRules, Error> Rules(const identity::Actor& actor, Id branch_id);
  Result<BranchRules, Error> SetRules(const identity::Actor& actor, Id branch_id,
                                      const OnlineRulesPatch& patch);

  // The public page.
  Result<PublicBranch, Error> Branch(const std::string& slug);
  // Real times for the page: online services and masters, the branch's lead time, horizon and
  // step (query.branch_id and the online fields are set here).
  Result<AvailabilityView, Error> Availability(const std::string& slug, AvailabilityQuery query);
  Result<PublicBooking, Error> Book(const std::string& slug, const OnlineBookingRequest& request);
  Result<Done, Error> AskWaitlist(const std::string& slug, const OnlineWaitlistRequest& request);

  // The manage link.
  Result<PublicBooking, Error> Manage(const std::string& token);
  Result<PublicBooking, Error> Cancel(const std::string& token, const std::string& reason,
                                      const std::string& ip);
  Result<PublicBooking, Error> Reschedule(const std::string& token, EpochSeconds start,
                                          std::optional<Id> staff_id, const std::string& ip);

  // For the messages about a visit, inside the caller's unit of work: the appointment's manage
  // token (issued when it has none), its branch's page slug and the phone clients are told to
  // call.
  struct VisitLinks {
    std::string manage_token;
    std::string slug;
    std::string phone;
  };
  VisitLinks LinksIn(db::Session& s, Id org_id, const Appointment& a);
  // The phone clients of a branch are told to call (its online booking rules), inside the
  // caller's unit of work.
  std::string PhoneIn(db::Session& s, Id org_id, Id branch_id) {
    return RulesIn(s, org_id, branch_id).phone;
  }

 private:
  // The branch of a slug with its rules; not found, or closed for online booking.
  Result<BranchRules, Error> OpenBranch(const std::string& slug);
  OnlineRules RulesIn(db::Session& s, Id org_id, Id branch_id);
  // A slot of the page at exactly `start`: in the past, too soon, too far, taken meanwhile or
  // not a start at all are told apart.
  Result<Slot, Error> FindSlot(const BranchRules& open, const std::vector<Id>& service_ids,
                               std::optional<Id> staff_id, EpochSeconds start,
                               const std::vector<Hold>& own_holds = {});
  // Services the page offers (online, not a group class, with a master of the branch who takes
  // online bookings) and such a master: not_found field errors otherwise.
  FieldErrors CheckChoice(const identity::Branch& branch, const std::vector<Id>& service_ids,
                          std::optional<Id> staff_id);
  // What every visitor's request starts with: the open branch, the organization's profile, the
  // phone in E.164 and the field errors of the visitor, services, comment and honeypot (the
  // attempt is counted against the limits, which may refuse it).
  struct Admitted {
    BranchRules open;
    identity::OrgProfile org;
    std::string phone;
    FieldErrors errors;
  };
  Result<Admitted, Error> Admit(const std::string& slug, const Visitor& visitor,
                                const std::vector<Id>& service_ids, const std::string& comment,
                                const std::string& honeypot, const std::string& ip);
  // Refuses an IP or a phone that tried too often (and counts this attempt).
  Result<Done, Error> Throttle(const std::string& ip, const std::string& phone);
  // The visitor's card (found by phone, or created as "online booking") inside the booking's
  // unit of work; refuses a client on the black list.
  Result<clients::Client, Error> CardOf(db::Session& s, const BranchRules& open,
                                        const Visitor& visitor, const std::string& phone,
                                        const identity::OrgProfile& org);
  // Refused: a client the salon does not take online bookings from.
  std::optional<Error> Refused(const BranchRules& open, const clients::Client& client);
  // What is known before booking: a repeat of a booking made already (answered with it), a
  // refused client or a phone at its limit; nullopt: book.
  std::optional<Result<PublicBooking, Error>> Prior(db::Session& s, const BranchRules& open,
                                                    const OnlineBookingRequest& r,
                                                    const std::string& phone,
                                                    const std::string& key,
                                                    const std::string& fingerprint,
                                                    EpochSeconds now);
  // The booking as its client sees it; without a token, its manage token (issued if none).
  Result<PublicBooking, Error> Show(db::Session& s, const identity::Branch& branch,
                                    const OnlineRules& rules, Appointment a,
                                    std::optional<std::string> token);
  // The branch and appointment of a token, for reading or changing it.
  struct Managed {
    identity::Branch branch;
    OnlineRules rules;
    Appointment appointment;
  };
  Result<Managed, Error> Resolve(const std::string& token);

  BookingDeps d_;
  OnlineStore& store_;
  AppointmentService& appointments_;
  AvailabilityService& availability_;
  WaitlistService& waitlist_;
  std::mutex limits_mutex_;
  AttemptLimit per_ip_;
  AttemptLimit per_phone_;
};

// The actor recorded for what a visitor does on the public page (audit: no user).
identity::Actor VisitorActor(Id org_id, const std::string& ip);
// A new manage token: 32 hex characters, 128 random bits.
std::string NewManageToken();

}  // namespace kvitka::booking
