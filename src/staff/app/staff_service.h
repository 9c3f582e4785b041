// Masters, their services, work schedules, absences, the branch's closed days, the private
// calendar feed, and staff events recorded for messaging; a change of a master's coming days is
// told to the ScheduleNotices port in its own transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "catalog/app/catalog_service.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"
#include "staff/app/schedule_notices.h"
#include "staff/app/stores.h"

namespace kvitka::staff {

enum class ErrorCode { kValidation, kForbidden, kNotFound };

struct Error {
  ErrorCode code;
  FieldErrors fields = {};
  Error(ErrorCode c) : code(c) {}  // NOLINT: an error is often just its code
  Error(ErrorCode c, FieldErrors f) : code(c), fields(std::move(f)) {}
};

struct StaffView {
  StaffMember member;
  std::vector<Id> service_ids;
  bool work_permit_warning = false;
};

struct WorkIntervals {
  std::string timezone;
  std::vector<WorkInterval> intervals;
};

struct StaffDeps {
  db::Database& db;
  StaffStore& store;
  catalog::CatalogService& catalog;
  identity::BranchService& branches;
  identity::UserService& users;
  identity::AuditTrail& audit;
  const Clock& clock;
  // Told when a master's coming days change (nullptr: nobody is told).
  ScheduleNotices* notices = nullptr;
};

class StaffService {
 public:
  explicit StaffService(StaffDeps deps) : d_(deps) {}

  Result<std::vector<StaffView>, Error> List(const identity::Actor& actor,
                                             std::optional<Id> branch_id,
                                             std::optional<Id> service_id, bool archived);
  Result<StaffView, Error> Get(const identity::Actor& actor, Id id);
  // Creates (no id) or changes a master; `service_ids` replaces their services when set.
  Result<StaffView, Error> Save(const identity::Actor& actor, std::optional<Id> id,
                                const std::function<void(StaffMember&)>& apply,
                                const std::optional<std::vector<Id>>& service_ids,
                                FieldErrors format_errors = {});
  Result<StaffView, Error> Archive(const identity::Actor& actor, Id id);

  Result<WorkSchedule, Error> Schedule(const identity::Actor& actor, Id id);
  Result<WorkSchedule, Error> SetSchedule(const identity::Actor& actor, Id id,
                                          const WorkSchedule& schedule);
  Result<std::vector<Absence>, Error> Absences(const identity::Actor& actor, Id id,
                                               const std::string& from, const std::string& to);
  Result<Absence, Error> AddAbsence(const identity::Actor& actor, Id id, Absence absence);
  Result<Done, Error> RemoveAbsence(const identity::Actor& actor, Id id, Id absence_id);
  // from..to inclusive, at most 366 days.
  Result<WorkIntervals, Error> Intervals(const identity::Actor& actor, Id id,
                                         const std::string& from, const std::string& to);

  Result<std::vector<ClosedDay>, Error> ClosedDays(const identity::Actor& actor, Id branch_id);
  Result<std::vector<ClosedDay>, Error> SetClosedDays(const identity::Actor& actor, Id branch_id,
                                                      const std::vector<ClosedDay>& days);

  // The private feed token of a master (a new one when `reset` or none yet).
  Result<std::string, Error> CalendarToken(const identity::Actor& actor, Id id, bool reset);
  // The iCalendar text of a feed token; nullopt for an unknown token.
  std::optional<std::string> CalendarFeed(const std::string& token);

  Result<std::vector<StaffEvent>, Error> Events(const identity::Actor& actor,
                                                std::optional<Id> staff_id);

  // For the journal, inside the caller's unit of work: the masters of a branch (live ones),
  // one master, and a master's working intervals of the dates from..to in the zone.
  std::vector<StaffMember> MembersIn(db::Session& s, Id org_id, Id branch_id) {
    return d_.store.List(s, org_id, branch_id, false);
  }
  std::optional<StaffMember> FindIn(db::Session& s, Id org_id, Id staff_id) {
    return d_.store.Find(s, org_id, staff_id);
  }
  std::vector<WorkInterval> WorkingIn(db::Session& s, Id org_id, const StaffMember& member,
                                      const std::string& from, const std::string& to,
                                      const std::string& zone) {
    return Expand(s, org_id, member, from, to, zone);
  }
  std::vector<std::string> ClosedDatesIn(db::Session& s, Id org_id, Id branch_id);
  // The working intervals of several masters of one branch (three queries in all).
  std::map<Id, std::vector<WorkInterval>> WorkingOfMany(db::Session& s, Id org_id, Id branch_id,
                                                        const std::vector<Id>& staff_ids,
                                                        const std::string& from,
                                                        const std::string& to,
                                                        const std::string& zone);

  // For the catalog: whether the master exists, inside the caller's unit of work.
  bool Exists(db::Session& s, Id org_id, Id staff_id) {
    return d_.store.Find(s, org_id, staff_id).has_value();
  }

 private:
  StaffView View(db::Session& s, const identity::Actor& actor, StaffMember member,
                 const std::string& today);
  std::string Today(Id org_id);  // reads on its own: call outside a transaction
  std::vector<WorkInterval> Expand(db::Session& s, Id org_id, const StaffMember& member,
                                   const std::string& from, const std::string& to,
                                   const std::string& zone);
  // A master's days that the notices look at: kNoticeDays dates from `from` in the zone, as they
  // are in the database now.
  struct ComingDays {
    std::string zone;
    std::string from;
    std::vector<WorkDay> days;
  };
  ComingDays Coming(db::Session& s, Id org_id, const StaffMember& member, const std::string& zone,
                    const std::string& from);
  // Before a change: the master's days from today on the branch's clock, to compare with
  // afterwards (nullopt when nobody is told).
  std::optional<ComingDays> DaysBeforeChange(db::Session& s, Id org_id, const StaffMember& member);
  // Tells the notices port of the days that differ from `before` (nothing when none do).
  void TellChanged(db::Session& s, const identity::Actor& actor, const StaffMember& member,
                   const std::string& kind, const std::optional<ComingDays>& before);

  StaffDeps d_;
};

// The catalog's questions about masters and branches, answered by this module and identity.
class StaffCatalogReferences final : public catalog::CatalogReferences {
 public:
  StaffCatalogReferences(StaffStore& store, identity::BranchService& branches)
      : store_(store), branches_(branches) {}
  bool StaffExists(db::Session& s, Id org_id, Id staff_id) override {
    auto member = store_.Find(s, org_id, staff_id);
    return member && !member->archived;
  }
  bool BranchExists(db::Session& s, Id org_id, Id branch_id) override {
    return branches_.Exists(s, org_id, branch_id);
  }

 private:
  StaffStore& store_;
  identity::BranchService& branches_;
};

}  // namespace kvitka::staff
