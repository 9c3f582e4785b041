// A master hears when their coming working days change: the staff use cases tell this port, inside
// their own unit of work, which of the master's days from today to kNoticeDays ahead (on the
// branch's clock) got other hours, became a day off or a working day, with how they were and how
// they are now. Messaging implements it (wired in the composition root): staff knows nothing of
// messages.
#pragma once

#include <string>
#include <vector>

#include "identity/app/actor.h"
#include "platform/db/database.h"
#include "staff/domain/schedule_changes.h"
#include "staff/domain/staff.h"

namespace kvitka::staff {

// The days a change is told of: today and the 13 after.
inline constexpr int kNoticeDays = 14;

struct ScheduleChange {
  std::string kind;  // schedule_changed, absence_added, absence_removed (as the staff event)
  const StaffMember& member;
  std::string zone;             // the branch's IANA zone
  std::vector<DayChange> days;  // the changed days in date order; never empty
  EpochSeconds at = 0;          // when the change happened
};

class ScheduleNotices {
 public:
  virtual ~ScheduleNotices() = default;
  virtual void Changed(db::Session& s, const identity::Actor& actor,
                       const ScheduleChange& change) = 0;
};

}  // namespace kvitka::staff
