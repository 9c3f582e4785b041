// When a client is reminded of a visit: each reminder offset placed on the branch's clock, kept
// out of the branch's quiet hours, skipped when the booking itself has just told the client, and
// never at or after the start of the visit. Pure: no I/O.
//
// The rules, in the order they apply to each offset:
// 1. An offset of whole days means the same wall-clock time that many days earlier ("24 h
//    before" a 10:00 visit is 10:00 the day before, also across a daylight-saving change, when
//    that is 23 or 25 real hours); the part under a day is real elapsed time ("2 h before").
//    A wall time that does not exist (spring gap) moves to the end of the gap; one that occurs
//    twice (autumn) takes the earlier instant, as core/time.h does.
// 2. Its time already passed when the visit was booked or moved: skipped (the booking
//    confirmation tells the client the same).
// 3. Its time passed unsent since (planning ran late, the server was down): due now, if the
//    visit is still at least `min_lead` away, otherwise skipped.
// 4. Due in quiet hours: held until they end, if that is at least `min_lead` before the visit;
//    otherwise moved to the last minute before quiet hours began (the evening before), if that
//    is not already past; otherwise skipped.
// 5. Due less than `min_gap_after_booking` after the booking or move: skipped (the client has
//    just been told).
// 6. Never due at or after the visit's start.
// 7. Two reminders due at the same instant (both held to the same morning, both late): only the
//    one with the smaller offset goes.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::messaging {

// The branch's quiet hours on its local clock, in minutes after midnight: quiet from `start`
// (inclusive) to `end` (exclusive); start > end wraps past midnight (21:00-09:00).
struct QuietHours {
  int start = 21 * 60;
  int end = 9 * 60;
};

struct ReminderRules {
  std::vector<int> offsets = {24 * 60, 2 * 60};  // minutes before the visit
  std::optional<QuietHours> quiet_hours = QuietHours{};
  int min_lead = 30;               // minutes a held or late reminder keeps before the visit
  int min_gap_after_booking = 60;  // minutes after a booking or move before any reminder
};

// Field errors of the rules as the settings API reports them.
FieldErrors CheckReminderRules(const ReminderRules& rules);

enum class ReminderOutcome {
  kOnTime,             // due at its offset
  kHeldUntilMorning,   // its time fell in quiet hours: due when they end
  kMovedToEvening,     // ...and they end too close to the visit: due just before they began
  kLate,               // its time passed unsent: due now
  kSkippedJustBooked,  // the visit was booked or moved too shortly before (or after) its time
  kSkippedTooLate,     // too little time left before the visit
  kSkippedQuietHours,  // quiet hours left no time for it
  kMerged,             // a reminder with a smaller offset goes at the same instant
};

// "on_time", "held_until_morning", "moved_to_evening", "late", "skipped_just_booked",
// "skipped_too_late", "skipped_quiet_hours", "merged".
const char* ReminderOutcomeName(ReminderOutcome outcome);

struct VisitTimes {
  EpochSeconds start = 0;
  EpochSeconds booked_at = 0;  // when the current version was booked or moved
};

struct PlannedReminder {
  int offset = 0;
  ReminderOutcome outcome = ReminderOutcome::kOnTime;
  std::optional<EpochSeconds> due;  // none when skipped or merged

  friend bool operator==(const PlannedReminder&, const PlannedReminder&) = default;
};

// The instant of an offset before a visit by rule 1, in the branch's zone (UTC if unknown).
EpochSeconds NominalReminderTime(EpochSeconds visit_start, int offset, std::string_view zone);

// The reminders of one visit, one per offset in the order of the rules.
std::vector<PlannedReminder> PlanVisitReminders(const VisitTimes& visit, const ReminderRules& rules,
                                                std::string_view zone, EpochSeconds now);

struct UpcomingVisit {
  Id appointment_id = 0;
  EpochSeconds start = 0;
  EpochSeconds booked_at = 0;
};

struct DueReminder {
  Id appointment_id = 0;
  int offset = 0;
  EpochSeconds due = 0;

  friend bool operator==(const DueReminder&, const DueReminder&) = default;
};

// When a message due at `now` may go out at the branch: `now` outside its quiet hours; inside them,
// the moment they end, if that is not after `latest`; nullopt when it would be (the message is
// not sent). Checked again when sending, since a message may be picked up late.
std::optional<EpochSeconds> OutsideQuietHours(EpochSeconds now,
                                              const std::optional<QuietHours>& quiet,
                                              std::string_view zone,
                                              std::optional<EpochSeconds> latest);

// The reminders that will be sent for many visits of one branch (its zone is looked up once), in
// the order of the visits and then of the offsets.
std::vector<DueReminder> PlanReminders(std::span<const UpcomingVisit> visits,
                                       const ReminderRules& rules, std::string_view zone,
                                       EpochSeconds now);

}  // namespace kvitka::messaging
