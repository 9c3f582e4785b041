// The booking module's SQL: appointments with their items and holds, group classes, the
// waitlist, idempotency keys and booking events.
#pragma once

#include "booking/app/stores.h"

namespace kvitka::booking {

class SqlAppointmentStore final : public AppointmentStore {
 public:
  Id Insert(db::Session& s, Id org_id, Appointment& a) override;
  void Update(db::Session& s, Id org_id, Appointment& a) override;
  std::optional<Appointment> Find(db::Session& s, Id org_id, Id id) override;
  std::vector<Appointment> InBranch(db::Session& s, Id org_id, Id branch_id, EpochSeconds from,
                                    EpochSeconds to, bool include_cancelled) override;
  std::vector<Appointment> OfClient(db::Session& s, Id org_id, Id client_id,
                                    std::optional<Id> before_id, int limit) override;
  std::vector<Appointment> InSeries(db::Session& s, Id org_id, Id series_id,
                                    EpochSeconds from) override;
  std::vector<Appointment> UpcomingOf(db::Session& s, Id org_id, Id client_id,
                                      EpochSeconds from) override;
  std::vector<Appointment> OfGroup(db::Session& s, Id org_id, Id group_event_id) override;
  std::vector<ServiceVisit> LastServiceVisits(db::Session& s, Id org_id) override;
  std::vector<Id> ClientsBookedAfter(db::Session& s, Id org_id, EpochSeconds from) override;
  std::vector<UpcomingTime> UpcomingTimes(db::Session& s, Id org_id, EpochSeconds from) override;
  int CountCreatedBy(db::Session& s, Id org_id, const std::vector<Id>& client_ids,
                     EpochSeconds from, EpochSeconds to) override;
  clients::VisitStats StatsOf(db::Session& s, Id org_id, Id client_id) override;

  void Lock(db::Session& s, Id org_id, const std::vector<Hold>& holds) override;
  std::vector<Hold> Overlapping(db::Session& s, Id org_id,
                                const std::vector<Hold>& wanted) override;
  std::vector<Hold> HoldsIn(db::Session& s, Id org_id, const std::vector<Id>& staff_ids,
                            const std::vector<Id>& room_ids, EpochSeconds from,
                            EpochSeconds to) override;
  bool AddHolds(db::Session& s, Id org_id, const std::vector<Hold>& holds,
                const HoldOwner& owner) override;
  void ReleaseHolds(db::Session& s, Id org_id, const HoldOwner& owner) override;

  std::optional<std::pair<std::string, Id>> FindRequest(db::Session& s, Id org_id,
                                                        const std::string& key) override;
  bool SaveRequest(db::Session& s, Id org_id, const std::string& key,
                   const std::string& fingerprint, Id appointment_id, EpochSeconds at) override;
  void AddEvent(db::Session& s, Id org_id, const BookingEvent& event) override;
};

class SqlGroupEventStore final : public GroupEventStore {
 public:
  Id Insert(db::Session& s, Id org_id, const GroupEvent& e) override;
  void Update(db::Session& s, Id org_id, const GroupEvent& e) override;
  std::optional<GroupEvent> Find(db::Session& s, Id org_id, Id id) override;
  std::vector<GroupEvent> InBranch(db::Session& s, Id org_id, Id branch_id, EpochSeconds from,
                                   EpochSeconds to) override;
  bool ChangeSeats(db::Session& s, Id org_id, Id id, int delta) override;
};

class SqlWaitlistStore final : public WaitlistStore {
 public:
  Id Insert(db::Session& s, Id org_id, const WaitlistEntry& e) override;
  void Update(db::Session& s, Id org_id, const WaitlistEntry& e) override;
  std::optional<WaitlistEntry> Find(db::Session& s, Id org_id, Id id) override;
  std::vector<WaitlistEntry> List(db::Session& s, Id org_id, Id branch_id,
                                  std::optional<WaitlistStatus> status) override;
};

class SqlOnlineStore final : public OnlineStore {
 public:
  std::optional<OnlineRules> Rules(db::Session& s, Id org_id, Id branch_id) override;
  void SaveRules(db::Session& s, Id org_id, Id branch_id, const OnlineRules& rules,
                 EpochSeconds at) override;
  std::string IssueToken(db::Session& s, Id org_id, Id appointment_id, const std::string& fresh,
                         EpochSeconds at) override;
  std::optional<std::pair<Id, Id>> ResolveToken(db::Session& s, const std::string& token) override;
  void LockPhone(db::Session& s, Id org_id, const std::string& phone) override;
};

}  // namespace kvitka::booking
