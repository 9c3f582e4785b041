// A branch's rules for its public booking page, and what they decide: which of the engine's
// starts are shown, whether a client may still cancel or move a visit, who may not book
// online. Pure: no I/O.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "booking/domain/appointment.h"
#include "core/field_error.h"

namespace kvitka::booking {

struct OnlineRules {
  bool enabled = true;
  int lead_minutes = 60;              // earliest bookable start: now + lead
  int horizon_days = 60;              // latest bookable start: now + horizon
  int step_minutes = 15;              // shown starts are multiples of this on the local clock
  bool auto_confirm = true;           // false: the front desk confirms online bookings
  int cancel_deadline_minutes = 180;  // the client may cancel or move until start - deadline
  bool master_required = false;       // the client must choose a master
  int max_future_bookings = 3;        // future online bookings per phone
  std::string phone;                  // whom to call (E.164 or empty)
  std::string message;                // a short note on the page
};

inline constexpr int kMaxRuleMinutes = 43200;  // 30 days
inline constexpr std::size_t kMaxOnlineMessage = 500;

// Field errors of the rules' own values.
FieldErrors CheckOnlineRules(const OnlineRules& rules);

// Whether `start` is on the page's step of the local clock (`utc_offsets` as for the engine).
bool OnStep(EpochSeconds start, int step_minutes,
            const std::vector<std::pair<EpochSeconds, int>>& utc_offsets);

// The last moment the client may cancel or move the visit themselves.
inline EpochSeconds ChangeDeadline(const Appointment& a, const OnlineRules& rules) {
  return a.Start() - static_cast<EpochSeconds>(rules.cancel_deadline_minutes) * 60;
}
// Whether the client may still cancel or move it: not closed, not cancelled, before the deadline.
bool ClientMayChange(const Appointment& a, const OnlineRules& rules, EpochSeconds now);

// Whether a client tag means "do not take online bookings" ("Чорний список", "Черный список",
// "Black list", any case and spacing).
bool IsBlackListTag(std::string_view tag_name);

}  // namespace kvitka::booking
