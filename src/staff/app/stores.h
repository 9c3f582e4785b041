// What the staff use cases need from storage. Implemented with SQL in staff/store.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "staff/domain/schedule.h"
#include "staff/domain/staff.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::staff {

struct ClosedDay {
  std::string date;
  std::string reason;
};

struct StaffEvent {
  Id id = 0;
  Id staff_id = 0;
  std::string kind;  // schedule_changed, absence_added, absence_removed
  std::string details_json;
  EpochSeconds at = 0;
};

class StaffStore {
 public:
  virtual ~StaffStore() = default;
  virtual std::vector<StaffMember> List(db::Session& s, Id org_id, std::optional<Id> branch_id,
                                        bool archived) = 0;
  virtual std::optional<StaffMember> Find(db::Session& s, Id org_id, Id id) = 0;
  virtual Id Insert(db::Session& s, Id org_id, const StaffMember& m) = 0;
  virtual void Update(db::Session& s, Id org_id, const StaffMember& m) = 0;

  virtual WorkSchedule Schedule(db::Session& s, Id org_id, Id staff_id) = 0;
  virtual void SaveSchedule(db::Session& s, Id org_id, Id staff_id, const WorkSchedule& w) = 0;

  // The schedules and the absences overlapping from..to of several masters (one query each).
  virtual std::map<Id, WorkSchedule> Schedules(db::Session& s, Id org_id,
                                               const std::vector<Id>& staff_ids) = 0;
  virtual std::map<Id, std::vector<Absence>> AbsencesOf(db::Session& s, Id org_id,
                                                        const std::vector<Id>& staff_ids,
                                                        const std::string& from,
                                                        const std::string& to) = 0;

  // Absences overlapping from..to (all when both empty).
  virtual std::vector<Absence> Absences(db::Session& s, Id org_id, Id staff_id,
                                        const std::string& from, const std::string& to) = 0;
  virtual Id InsertAbsence(db::Session& s, Id org_id, Id staff_id, const Absence& a,
                           EpochSeconds at) = 0;
  virtual bool DeleteAbsence(db::Session& s, Id org_id, Id staff_id, Id absence_id,
                             EpochSeconds at) = 0;

  virtual std::vector<ClosedDay> ClosedDays(db::Session& s, Id org_id, Id branch_id) = 0;
  virtual void SetClosedDays(db::Session& s, Id org_id, Id branch_id,
                             const std::vector<ClosedDay>& days) = 0;

  // The private feed token (kept as is: the link must stay the same for subscribed calendars).
  virtual void SetCalendarToken(db::Session& s, Id org_id, Id staff_id,
                                const std::string& token) = 0;
  virtual std::optional<std::string> CalendarToken(db::Session& s, Id org_id, Id staff_id) = 0;
  // The organization and master a calendar token belongs to.
  virtual std::optional<std::pair<Id, Id>> FindByCalendarToken(db::Session& s,
                                                               const std::string& token) = 0;

  virtual void AddEvent(db::Session& s, Id org_id, const StaffEvent& event) = 0;
  // Masters' photos: a new one, and the current photo of a live master who takes online
  // bookings (any organization: the public booking page shows it).
  virtual Id InsertPhoto(db::Session& s, const StaffPhoto& photo) = 0;
  virtual std::optional<StaffPhoto> PublicPhoto(db::Session& s, Id staff_id) = 0;
  virtual std::vector<StaffEvent> Events(db::Session& s, Id org_id, std::optional<Id> staff_id,
                                         int limit) = 0;
};

}  // namespace kvitka::staff
