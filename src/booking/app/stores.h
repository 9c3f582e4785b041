// What the booking use cases need from storage. Implemented with SQL in booking/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/domain/appointment.h"
#include "booking/domain/group_event.h"
#include "booking/domain/online_rules.h"
#include "booking/domain/waitlist.h"
#include "clients/domain/client.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::booking {

// Who owns a hold: an appointment or a group class.
struct HoldOwner {
  std::optional<Id> appointment_id;
  std::optional<Id> group_event_id;
};

// A change recorded for messaging (and the journal's live updates).
struct BookingEvent {
  Id branch_id = 0;
  std::optional<Id> appointment_id;
  std::optional<Id> group_event_id;
  std::optional<Id> waitlist_id;
  std::string kind;  // created, rescheduled, status_changed, visit_recorded, waitlist_match, ...
  int version = 1;
  std::string details_json = "{}";
  EpochSeconds at = 0;
};

// When a coming visit is, and when it was booked.
struct UpcomingTime {
  Id id = 0;
  Id branch_id = 0;
  Id client_id = 0;
  int version = 0;
  EpochSeconds start = 0;
  EpochSeconds created_at = 0;
};

// A client's last completed visit with a service.
struct ServiceVisit {
  Id appointment_id = 0;
  Id client_id = 0;
  Id service_id = 0;
  Id branch_id = 0;
  Id staff_id = 0;
  std::string service_name;
  EpochSeconds start = 0;
};

class AppointmentStore {
 public:
  virtual ~AppointmentStore() = default;
  // Saves the appointment and its items; fills the ids.
  virtual Id Insert(db::Session& s, Id org_id, Appointment& a) = 0;
  // Saves the row and replaces the items (their ids are renewed).
  virtual void Update(db::Session& s, Id org_id, Appointment& a) = 0;
  virtual std::optional<Appointment> Find(db::Session& s, Id org_id, Id id) = 0;
  // Appointments of a branch overlapping [from, to), by start.
  virtual std::vector<Appointment> InBranch(db::Session& s, Id org_id, Id branch_id,
                                            EpochSeconds from, EpochSeconds to,
                                            bool include_cancelled) = 0;
  // A client's appointments, latest start first, after the appointment `before_id` when given.
  virtual std::vector<Appointment> OfClient(db::Session& s, Id org_id, Id client_id,
                                            std::optional<Id> before_id, int limit) = 0;
  // The occurrences of a series starting at or after `from`, by start.
  virtual std::vector<Appointment> InSeries(db::Session& s, Id org_id, Id series_id,
                                            EpochSeconds from) = 0;
  // A client's appointments starting after `from` (any status), by start.
  virtual std::vector<Appointment> UpcomingOf(db::Session& s, Id org_id, Id client_id,
                                              EpochSeconds from) = 0;
  virtual std::vector<Appointment> OfGroup(db::Session& s, Id org_id, Id group_event_id) = 0;
  // The last completed visit of each client with each service (come-back reminders).
  virtual std::vector<ServiceVisit> LastServiceVisits(db::Session& s, Id org_id) = 0;
  // Visits booked or confirmed that start after `from`, without their items (reminders for many
  // visits at once).
  virtual std::vector<UpcomingTime> UpcomingTimes(db::Session& s, Id org_id, EpochSeconds from) = 0;
  // The clients with a visit booked or confirmed that starts after `from`.
  virtual std::vector<Id> ClientsBookedAfter(db::Session& s, Id org_id, EpochSeconds from) = 0;
  // How many appointments these clients booked (created) in [from, to) (a campaign's effect).
  virtual int CountCreatedBy(db::Session& s, Id org_id, const std::vector<Id>& client_ids,
                             EpochSeconds from, EpochSeconds to) = 0;
  // Recounted visit statistics of a client from its appointments.
  virtual clients::VisitStats StatsOf(db::Session& s, Id org_id, Id client_id) = 0;

  // Serializes concurrent bookings of the same masters and rooms until the transaction ends
  // (PostgreSQL advisory locks; SQLite writers are serialized already).
  virtual void Lock(db::Session& s, Id org_id, const std::vector<Hold>& holds) = 0;
  // Holds of the resources of `wanted` that overlap them (a booking being moved releases its
  // own holds first).
  virtual std::vector<Hold> Overlapping(db::Session& s, Id org_id,
                                        const std::vector<Hold>& wanted) = 0;
  // Holds of the masters and rooms in [from, to).
  virtual std::vector<Hold> HoldsIn(db::Session& s, Id org_id, const std::vector<Id>& staff_ids,
                                    const std::vector<Id>& room_ids, EpochSeconds from,
                                    EpochSeconds to) = 0;
  // False when the database refuses an overlap (the second line against double booking); the
  // transaction must then be rolled back.
  virtual bool AddHolds(db::Session& s, Id org_id, const std::vector<Hold>& holds,
                        const HoldOwner& owner) = 0;
  virtual void ReleaseHolds(db::Session& s, Id org_id, const HoldOwner& owner) = 0;

  // Idempotency keys of create requests: the fingerprint and appointment of a key.
  virtual std::optional<std::pair<std::string, Id>> FindRequest(db::Session& s, Id org_id,
                                                                const std::string& key) = 0;
  // False when the key was saved meanwhile.
  virtual bool SaveRequest(db::Session& s, Id org_id, const std::string& key,
                           const std::string& fingerprint, Id appointment_id, EpochSeconds at) = 0;

  virtual void AddEvent(db::Session& s, Id org_id, const BookingEvent& event) = 0;
};

class GroupEventStore {
 public:
  virtual ~GroupEventStore() = default;
  virtual Id Insert(db::Session& s, Id org_id, const GroupEvent& e) = 0;
  virtual void Update(db::Session& s, Id org_id, const GroupEvent& e) = 0;
  virtual std::optional<GroupEvent> Find(db::Session& s, Id org_id, Id id) = 0;
  virtual std::vector<GroupEvent> InBranch(db::Session& s, Id org_id, Id branch_id,
                                           EpochSeconds from, EpochSeconds to) = 0;
  // Takes (+1) or frees (-1) a seat; false when the class is full (the database refuses it).
  virtual bool ChangeSeats(db::Session& s, Id org_id, Id id, int delta) = 0;
};

class WaitlistStore {
 public:
  virtual ~WaitlistStore() = default;
  virtual Id Insert(db::Session& s, Id org_id, const WaitlistEntry& e) = 0;
  virtual void Update(db::Session& s, Id org_id, const WaitlistEntry& e) = 0;
  virtual std::optional<WaitlistEntry> Find(db::Session& s, Id org_id, Id id) = 0;
  // Entries of a branch (all statuses when none), oldest first.
  virtual std::vector<WaitlistEntry> List(db::Session& s, Id org_id, Id branch_id,
                                          std::optional<WaitlistStatus> status) = 0;
};

// Online booking: the branches' rules, the clients' manage links, and what the page checks.
class OnlineStore {
 public:
  virtual ~OnlineStore() = default;
  // None until the branch's rules were saved once (the defaults apply).
  virtual std::optional<OnlineRules> Rules(db::Session& s, Id org_id, Id branch_id) = 0;
  virtual void SaveRules(db::Session& s, Id org_id, Id branch_id, const OnlineRules& rules,
                         EpochSeconds at) = 0;
  // The appointment's manage token: the existing one, else `fresh` saved.
  virtual std::string IssueToken(db::Session& s, Id org_id, Id appointment_id,
                                 const std::string& fresh, EpochSeconds at) = 0;
  // The organization and appointment of a token.
  virtual std::optional<std::pair<Id, Id>> ResolveToken(db::Session& s,
                                                        const std::string& token) = 0;
  // Serializes bookings for one phone until the transaction ends (PostgreSQL advisory lock;
  // SQLite writers are serialized already).
  virtual void LockPhone(db::Session& s, Id org_id, const std::string& phone) = 0;
};

// The organization's journal stamp: a counter the database bumps in every transaction that
// changes a row the journal shows (triggers of migration 0008), 0 before the first change.
class JournalStampStore {
 public:
  virtual ~JournalStampStore() = default;
  virtual std::int64_t Stamp(db::Session& s, Id org_id) = 0;
};

}  // namespace kvitka::booking
