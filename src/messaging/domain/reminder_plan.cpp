#include "messaging/domain/reminder_plan.h"

#include <date/tz.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>

namespace kvitka::messaging {
namespace {

constexpr EpochSeconds kDay = 86400;
constexpr int kMaxOffsets = 5;
constexpr int kMaxOffset = 30 * 24 * 60;

EpochSeconds FloorDiv(EpochSeconds a, EpochSeconds b) { return a / b - (a % b < 0 ? 1 : 0); }

// The branch's wall clock as seconds since 1970-01-01 00:00 local. The zone is looked up once:
// planning thousands of visits must not search the time zone database (or parse civil dates)
// for each conversion. The conversions follow core/time.h's LocalInstant.
class BranchClock {
 public:
  explicit BranchClock(std::string_view zone) {
    try {
      zone_ = zone.empty() ? nullptr : date::locate_zone(zone);
    } catch (const std::exception&) {
      zone_ = nullptr;  // an unknown zone counts as UTC, as everywhere in core/time.h
    }
  }

  EpochSeconds ToLocal(EpochSeconds instant) const {
    if (!zone_) return instant;
    return instant +
           zone_->get_info(date::sys_seconds{std::chrono::seconds{instant}}).offset.count();
  }

  // A wall time in a spring-forward gap becomes the end of the gap; one that occurs twice takes
  // the earlier instant, or the later with `later`.
  EpochSeconds ToInstant(EpochSeconds local, bool later = false) const {
    if (!zone_) return local;
    const auto info = zone_->get_info(date::local_seconds{std::chrono::seconds{local}});
    switch (info.result) {
      case date::local_info::nonexistent:
        return info.second.begin.time_since_epoch().count();
      case date::local_info::ambiguous:
        return local - (later ? info.second.offset : info.first.offset).count();
      case date::local_info::unique:
        break;
    }
    return local - info.first.offset.count();
  }

 private:
  const date::time_zone* zone_ = nullptr;
};

EpochSeconds Nominal(const BranchClock& clock, EpochSeconds start, int offset) {
  const int days = offset / (24 * 60);
  const int rest = offset % (24 * 60);
  if (days == 0) return start - EpochSeconds{offset} * 60;
  return clock.ToInstant(clock.ToLocal(start) - days * kDay) - EpochSeconds{rest} * 60;
}

bool IsQuiet(const QuietHours& q, int minute) {
  if (q.start == q.end) return false;
  if (q.start < q.end) return minute >= q.start && minute < q.end;
  return minute >= q.start || minute < q.end;
}

// The quiet hours around an instant that lies in them: [begin, end).
struct QuietSpan {
  EpochSeconds begin = 0;
  EpochSeconds end = 0;
};

std::optional<QuietSpan> QuietSpanAt(const BranchClock& clock, const QuietHours& q,
                                     EpochSeconds instant) {
  const EpochSeconds local = clock.ToLocal(instant);
  const EpochSeconds day = FloorDiv(local, kDay);
  const int minute = static_cast<int>((local - day * kDay) / 60);
  if (!IsQuiet(q, minute)) return std::nullopt;
  const EpochSeconds begin_day = minute >= q.start ? day : day - 1;
  const EpochSeconds end_day = minute < q.end ? day : day + 1;
  QuietSpan span;
  span.begin = clock.ToInstant(begin_day * kDay + EpochSeconds{q.start} * 60);
  // Quiet until the later instant when the end's wall time occurs twice.
  span.end = std::max(clock.ToInstant(end_day * kDay + EpochSeconds{q.end} * 60, true), instant);
  return span;
}

PlannedReminder PlanOne(const BranchClock& clock, const VisitTimes& visit,
                        const ReminderRules& rules, EpochSeconds now, int offset) {
  PlannedReminder r{offset, ReminderOutcome::kOnTime, std::nullopt};
  const EpochSeconds nominal = Nominal(clock, visit.start, offset);
  const EpochSeconds latest = visit.start - EpochSeconds{rules.min_lead} * 60;
  if (nominal <= visit.booked_at) {
    r.outcome = ReminderOutcome::kSkippedJustBooked;
    return r;
  }
  EpochSeconds due = nominal;
  if (nominal < now) {
    if (now > latest) {
      r.outcome = ReminderOutcome::kSkippedTooLate;
      return r;
    }
    due = now;
    r.outcome = ReminderOutcome::kLate;
  }
  if (rules.quiet_hours) {
    if (const auto quiet = QuietSpanAt(clock, *rules.quiet_hours, due)) {
      const EpochSeconds evening = quiet->begin - 60;
      if (quiet->end <= latest) {
        due = quiet->end;
        r.outcome = ReminderOutcome::kHeldUntilMorning;
      } else if (evening >= now && evening < due) {
        due = evening;
        r.outcome = ReminderOutcome::kMovedToEvening;
      } else {
        r.outcome = ReminderOutcome::kSkippedQuietHours;
        return r;
      }
    }
  }
  if (due - visit.booked_at < EpochSeconds{rules.min_gap_after_booking} * 60) {
    r.outcome = ReminderOutcome::kSkippedJustBooked;
    return r;
  }
  if (due >= visit.start) {
    r.outcome = ReminderOutcome::kSkippedTooLate;
    return r;
  }
  r.due = due;
  return r;
}

// Rule 7: of reminders due at the same instant only the smallest offset stays.
void MergeSameInstant(std::span<PlannedReminder> planned) {
  for (auto& a : planned) {
    if (!a.due) continue;
    for (auto& b : planned) {
      if (&a == &b || !b.due || *b.due != *a.due) continue;
      if (b.offset < a.offset || (b.offset == a.offset && &b < &a)) {
        a.due.reset();
        a.outcome = ReminderOutcome::kMerged;
        break;
      }
    }
  }
}

void PlanInto(const BranchClock& clock, const VisitTimes& visit, const ReminderRules& rules,
              EpochSeconds now, std::vector<PlannedReminder>& out) {
  out.clear();
  for (int offset : rules.offsets) out.push_back(PlanOne(clock, visit, rules, now, offset));
  MergeSameInstant(out);
}

bool InRange(int value, int low, int high) { return value >= low && value <= high; }

}  // namespace

std::optional<EpochSeconds> OutsideQuietHours(EpochSeconds now,
                                              const std::optional<QuietHours>& quiet,
                                              std::string_view zone,
                                              std::optional<EpochSeconds> latest) {
  if (!quiet) return now;
  const BranchClock clock(zone);
  const auto span = QuietSpanAt(clock, *quiet, now);
  if (!span) return now;
  if (latest && span->end > *latest) return std::nullopt;
  return span->end;
}

FieldErrors CheckReminderRules(const ReminderRules& rules) {
  FieldErrors errors;
  if (static_cast<int>(rules.offsets.size()) > kMaxOffsets) {
    errors.push_back({"offsets", "too_many", kMaxOffsets});
  }
  for (std::size_t i = 0; i < rules.offsets.size(); ++i) {
    const std::string field = "offsets[" + std::to_string(i) + "]";
    if (!InRange(rules.offsets[i], 5, kMaxOffset)) {
      errors.push_back({field, "out_of_range", kMaxOffset});
    } else if (std::find(rules.offsets.begin(), rules.offsets.begin() + static_cast<long>(i),
                         rules.offsets[i]) != rules.offsets.begin() + static_cast<long>(i)) {
      errors.push_back({field, "duplicate"});
    }
  }
  if (rules.quiet_hours) {
    if (!InRange(rules.quiet_hours->start, 0, 24 * 60 - 1)) {
      errors.push_back({"quiet_hours.start", "out_of_range", 24 * 60 - 1});
    }
    if (!InRange(rules.quiet_hours->end, 0, 24 * 60 - 1)) {
      errors.push_back({"quiet_hours.end", "out_of_range", 24 * 60 - 1});
    }
  }
  if (!InRange(rules.min_lead, 0, 12 * 60)) errors.push_back({"min_lead", "out_of_range", 720});
  if (!InRange(rules.min_gap_after_booking, 0, 24 * 60)) {
    errors.push_back({"min_gap_after_booking", "out_of_range", 1440});
  }
  return errors;
}

const char* ReminderOutcomeName(ReminderOutcome outcome) {
  static constexpr std::array<std::pair<ReminderOutcome, const char*>, 8> kNames = {{
      {ReminderOutcome::kOnTime, "on_time"},
      {ReminderOutcome::kHeldUntilMorning, "held_until_morning"},
      {ReminderOutcome::kMovedToEvening, "moved_to_evening"},
      {ReminderOutcome::kLate, "late"},
      {ReminderOutcome::kSkippedJustBooked, "skipped_just_booked"},
      {ReminderOutcome::kSkippedTooLate, "skipped_too_late"},
      {ReminderOutcome::kSkippedQuietHours, "skipped_quiet_hours"},
      {ReminderOutcome::kMerged, "merged"},
  }};
  for (const auto& [o, name] : kNames) {
    if (o == outcome) return name;
  }
  return "on_time";
}

EpochSeconds NominalReminderTime(EpochSeconds visit_start, int offset, std::string_view zone) {
  return Nominal(BranchClock(zone), visit_start, offset);
}

std::vector<PlannedReminder> PlanVisitReminders(const VisitTimes& visit, const ReminderRules& rules,
                                                std::string_view zone, EpochSeconds now) {
  std::vector<PlannedReminder> out;
  PlanInto(BranchClock(zone), visit, rules, now, out);
  return out;
}

std::vector<DueReminder> PlanReminders(std::span<const UpcomingVisit> visits,
                                       const ReminderRules& rules, std::string_view zone,
                                       EpochSeconds now) {
  const BranchClock clock(zone);
  std::vector<DueReminder> due;
  due.reserve(visits.size() * rules.offsets.size());
  std::vector<PlannedReminder> planned;
  planned.reserve(rules.offsets.size());
  for (const auto& visit : visits) {
    PlanInto(clock, {visit.start, visit.booked_at}, rules, now, planned);
    for (const auto& r : planned) {
      if (r.due) due.push_back({visit.appointment_id, r.offset, *r.due});
    }
  }
  return due;
}

}  // namespace kvitka::messaging
