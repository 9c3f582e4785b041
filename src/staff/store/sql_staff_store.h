#pragma once

#include "staff/app/stores.h"

namespace kvitka::staff {

class SqlStaffStore final : public StaffStore {
 public:
  std::vector<StaffMember> List(db::Session& s, Id org_id, std::optional<Id> branch_id,
                                bool archived) override;
  std::optional<StaffMember> Find(db::Session& s, Id org_id, Id id) override;
  Id Insert(db::Session& s, Id org_id, const StaffMember& m) override;
  void Update(db::Session& s, Id org_id, const StaffMember& m) override;
  std::map<Id, WorkSchedule> Schedules(db::Session& s, Id org_id,
                                       const std::vector<Id>& staff_ids) override;
  std::map<Id, std::vector<Absence>> AbsencesOf(db::Session& s, Id org_id,
                                                const std::vector<Id>& staff_ids,
                                                const std::string& from,
                                                const std::string& to) override;
  WorkSchedule Schedule(db::Session& s, Id org_id, Id staff_id) override;
  void SaveSchedule(db::Session& s, Id org_id, Id staff_id, const WorkSchedule& w) override;
  std::vector<Absence> Absences(db::Session& s, Id org_id, Id staff_id, const std::string& from,
                                const std::string& to) override;
  Id InsertAbsence(db::Session& s, Id org_id, Id staff_id, const Absence& a,
                   EpochSeconds at) override;
  bool DeleteAbsence(db::Session& s, Id org_id, Id staff_id, Id absence_id,
                     EpochSeconds at) override;
  std::vector<ClosedDay> ClosedDays(db::Session& s, Id org_id, Id branch_id) override;
  void SetClosedDays(db::Session& s, Id org_id, Id branch_id,
                     const std::vector<ClosedDay>& days) override;
  void SetCalendarToken(db::Session& s, Id org_id, Id staff_id, const std::string& token) override;
  std::optional<std::string> CalendarToken(db::Session& s, Id org_id, Id staff_id) override;
  std::optional<std::pair<Id, Id>> FindByCalendarToken(db::Session& s,
                                                       const std::string& token) override;
  void AddEvent(db::Session& s, Id org_id, const StaffEvent& event) override;
  Id InsertPhoto(db::Session& s, const StaffPhoto& photo) override;
  std::optional<StaffPhoto> PublicPhoto(db::Session& s, Id staff_id) override;
  std::vector<StaffEvent> Events(db::Session& s, Id org_id, std::optional<Id> staff_id,
                                 int limit) override;
};

}  // namespace kvitka::staff
