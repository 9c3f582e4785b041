// Group classes: scheduled with a master (and room) whose time they hold, and seats that
// clients book as appointments of the class; the capacity is never exceeded.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"

namespace kvitka::booking {

struct GroupEventInput {
  std::optional<Id> branch_id;
  std::optional<Id> service_id;
  std::optional<Id> staff_id;
  std::optional<std::optional<Id>> room_id;  // set to none: no room
  std::optional<EpochSeconds> start;
  std::optional<int> capacity;
  std::optional<std::string> notes;
  bool allow_outside_hours = false;
};

class GroupService {
 public:
  explicit GroupService(AppointmentService& appointments)
      : appointments_(appointments), d_(appointments.deps()) {}

  // Classes of the branch's dates from..to (inclusive; empty from: today, empty to: 30 days on).
  Result<std::vector<GroupEventView>, Error> List(const identity::Actor& actor, Id branch_id,
                                                  std::string from, std::string to);
  Result<GroupEventView, Error> Get(const identity::Actor& actor, Id id);
  Result<GroupEventView, Error> Save(const identity::Actor& actor, std::optional<Id> id,
                                     const GroupEventInput& input);
  Result<GroupEventView, Error> Cancel(const identity::Actor& actor, Id id,
                                       const std::string& reason);
  Result<AppointmentView, Error> AddParticipant(const identity::Actor& actor, Id id, Id client_id,
                                                const std::string& notes);

 private:
  GroupEventView View(db::Session& s, const identity::Actor& actor, GroupEvent event);

  AppointmentService& appointments_;
  BookingDeps& d_;
};

}  // namespace kvitka::booking
