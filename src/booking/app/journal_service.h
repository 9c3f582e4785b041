// What the journal shows and what can be booked: the availability of services (through the
// pure engine) and the journal of a branch's days.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "booking/app/appointment_service.h"

namespace kvitka::booking {

struct JournalMaster {
  staff::StaffMember member;
  std::vector<Span> working;
};

struct JournalView {
  Id branch_id = 0;
  std::string timezone;
  std::string date;
  int days = 1;
  std::vector<JournalMaster> masters;
  std::vector<AppointmentView> appointments;
  std::vector<GroupEventView> group_events;
  std::vector<std::string> closed_days;
};

class JournalService {
 public:
  explicit JournalService(AppointmentService& appointments)
      : appointments_(appointments), d_(appointments.deps()) {}

  // Whether the actor may watch the live changes of the branch (all branches when none).
  Result<Done, Error> CanWatch(const identity::Actor& actor, std::optional<Id> branch_id);

  Result<JournalView, Error> Journal(const identity::Actor& actor, Id branch_id,
                                     const std::string& date, int days, bool include_cancelled);

 private:
  AppointmentService& appointments_;
  BookingDeps& d_;
};

}  // namespace kvitka::booking
