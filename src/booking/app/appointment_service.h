// The journal's use cases on appointments: book (once per idempotency key, recurring if asked),
// read, move or change, change the status, record the visit, and a client's history.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/reservations.h"

namespace kvitka::booking {

struct NewAppointment {
  Id branch_id = 0;
  Id client_id = 0;
  std::vector<ItemInput> items;
  std::string notes;
  Source source = Source::kFrontDesk;
  Status status = Status::kBooked;  // booked, or confirmed at once
  bool allow_outside_hours = false;
  std::optional<Recurrence> recurrence;
  std::string idempotency_key;  // empty: none
  std::string fingerprint;      // of the request, to tell a replay from a reuse of the key
};

struct AppointmentPatch {
  std::optional<std::vector<ItemInput>> items;  // replaces the items
  std::optional<EpochSeconds> start;            // moves the whole visit
  std::optional<Id> staff_id;                   // gives every item to this master
  std::optional<std::string> notes;
  bool allow_outside_hours = false;
  bool following = false;  // also the later occurrences of its series
};

struct StatusChange {
  Status status = Status::kBooked;
  std::string reason;
  std::string cancelled_by = "salon";
  bool following = false;
};

// An appointment with its client (contacts hidden from masters) and, for a new series, the
// occurrences booked.
struct AppointmentView {
  Appointment appointment;
  std::optional<clients::Client> client;
  std::vector<std::pair<Id, EpochSeconds>> series;
  bool replayed = false;  // an idempotent repeat of an earlier request
};

// A group class with its participants' appointments.
struct GroupEventView {
  GroupEvent event;
  std::vector<AppointmentView> participants;
};

struct AppointmentPage {
  std::vector<AppointmentView> items;
  std::optional<Id> next_before_id;
};

// Told after a commit that freed a span of a branch's time (the waitlist looks for a match).
class TimeFreedListener {
 public:
  virtual ~TimeFreedListener() = default;
  virtual void TimeFreed(Id org_id, Id branch_id, EpochSeconds from, EpochSeconds to) = 0;
};

class AppointmentService {
 public:
  AppointmentService(BookingDeps deps, TimeFreedListener& freed)
      : d_(deps), freed_(freed), reservations_(d_) {}

  Result<AppointmentView, Error> Create(const identity::Actor& actor, const NewAppointment& in);
  Result<AppointmentView, Error> Get(const identity::Actor& actor, Id id);
  Result<AppointmentView, Error> Change(const identity::Actor& actor, Id id,
                                        const AppointmentPatch& patch);
  Result<AppointmentView, Error> SetStatus(const identity::Actor& actor, Id id,
                                           const StatusChange& change);
  Result<AppointmentView, Error> RecordVisit(const identity::Actor& actor, Id id,
                                             const VisitRecord& visit);
  Result<AppointmentPage, Error> OfClient(const identity::Actor& actor, Id client_id,
                                          std::optional<Id> before_id, int limit);

  // Create() inside the caller's write transaction (with the branch's time zone); Announce()
  // tells the other screens after the commit.
  Result<AppointmentView, Error> Book(db::Session& s, const identity::Actor& actor,
                                      const NewAppointment& in, const std::string& zone,
                                      EpochSeconds now);
  void Announce(Id org_id, const AppointmentView& created);

  // For the messages about a visit, inside the caller's unit of work.
  std::optional<Appointment> FindIn(db::Session& s, Id org_id, Id id) {
    return d_.appointments.Find(s, org_id, id);
  }

  // For the come-back reminders, inside the caller's unit of work.
  std::vector<ServiceVisit> LastServiceVisitsIn(db::Session& s, Id org_id) {
    return d_.appointments.LastServiceVisits(s, org_id);
  }
  std::vector<Id> ClientsBookedAfterIn(db::Session& s, Id org_id, EpochSeconds from) {
    return d_.appointments.ClientsBookedAfter(s, org_id, from);
  }
  std::vector<UpcomingTime> UpcomingTimesIn(db::Session& s, Id org_id, EpochSeconds from) {
    return d_.appointments.UpcomingTimes(s, org_id, from);
  }
  // Whether the client has a visit booked or confirmed that starts after `from`.
  bool HasUpcomingIn(db::Session& s, Id org_id, Id client_id, EpochSeconds from) {
    for (const auto& a : d_.appointments.UpcomingOf(s, org_id, client_id, from)) {
      if (a.status == Status::kBooked || a.status == Status::kConfirmed) return true;
    }
    return false;
  }
  int CountCreatedByIn(db::Session& s, Id org_id, const std::vector<Id>& client_ids,
                       EpochSeconds from, EpochSeconds to) {
    return d_.appointments.CountCreatedBy(s, org_id, client_ids, from, to);
  }

  // A seat in a group class (for the group use cases), inside their unit of work.
  Reservations& reservations() { return reservations_; }
  BookingDeps& deps() { return d_; }

  // Views of appointments with their clients (one read of the clients).
  std::vector<AppointmentView> Views(db::Session& s, const identity::Actor& actor,
                                     std::vector<Appointment> list);
  // Recounts the client's visit statistics on the card (after a status change: only completed,
  // missed and cancelled visits count).
  void RecountStats(db::Session& s, Id org_id, Id client_id);
  void Record(db::Session& s, const identity::Actor& actor, const Appointment& a,
              const std::string& kind, const nlohmann::json& before);
  void Publish(Id org_id, const Appointment& a, const std::string& kind);

 private:
  Result<Done, Error> Move(db::Session& s, const identity::Actor& actor, Appointment& a,
                           const AppointmentPatch& patch, const std::string& zone,
                           std::optional<std::pair<int, int>> wall_shift);
  Result<Done, Error> ApplyStatus(db::Session& s, const identity::Actor& actor, Appointment& a,
                                  const StatusChange& change, const std::string& zone);

  BookingDeps d_;
  TimeFreedListener& freed_;
  Reservations reservations_;
};

// What the audit log keeps of an appointment.
nlohmann::json AppointmentSnapshot(const Appointment& a);

}  // namespace kvitka::booking
