// A task of the salon's team: call a client, confirm tomorrow's bookings, follow up a reminder.
// Written by a person (manual) or by Kvitka itself (automatic kinds, once per key). Pure: no I/O.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"

namespace kvitka::tasks {

enum class TaskKind { kManual, kCallNoShow, kConfirmTomorrow, kComeBackFollowUp, kLowFeedback };
enum class TaskStatus { kOpen, kDone, kCancelled };
enum class Priority { kLow, kNormal, kHigh };

// "manual", "call_no_show", "confirm_tomorrow", "come_back_follow_up", "low_feedback".
const char* KindName(TaskKind kind);
std::optional<TaskKind> ParseKind(std::string_view name);
// "open", "done", "cancelled".
const char* StatusName(TaskStatus status);
std::optional<TaskStatus> ParseStatus(std::string_view name);
// "low", "normal", "high".
const char* PriorityName(Priority priority);
std::optional<Priority> ParsePriority(std::string_view name);

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxNotes = 2000;
// Due times from 1970 to the end of 2999 (what the journal can show).
inline constexpr EpochSeconds kLastInstant = 32503680000 - 1;

struct Task {
  Id id = 0;
  Id org_id = 0;
  TaskKind kind = TaskKind::kManual;
  TaskStatus status = TaskStatus::kOpen;
  Priority priority = Priority::kNormal;
  // What to do. An automatic task may leave it empty: its kind then names it in the reader's
  // language (AutomaticTitle).
  std::string title;
  std::string notes;
  EpochSeconds due_at = 0;
  std::optional<Id> assignee_user_id;
  std::optional<Id> client_id;
  std::optional<Id> appointment_id;
  std::optional<Id> branch_id;  // of the appointment or of the day to confirm
  std::string date;             // the journal date a confirm-tomorrow task is about, or ""
  int visit_count = 0;          // how many visits that day waited for confirmation
  std::string auto_key;         // what an automatic task is unique by ("" for manual tasks)
  std::optional<Id> created_by;
  EpochSeconds created_at = 0;
  EpochSeconds updated_at = 0;
  std::optional<EpochSeconds> done_at;

  bool automatic() const { return kind != TaskKind::kManual; }
};

// Field errors of a task as it would be saved: title required (for manual tasks) and at most
// kMaxTitle characters, notes at most kMaxNotes, due time in range.
FieldErrors CheckTask(const Task& task);

// Changes the status; done_at is set when it becomes done and cleared when it is reopened.
void SetStatus(Task& task, TaskStatus status, EpochSeconds now);

// The key an automatic task about an appointment is unique by: "appointment:<id>".
std::string AppointmentKey(Id appointment_id);
// The key of a day's confirm-tomorrow task of a branch: "branch:<id>:<YYYY-MM-DD>".
std::string DayKey(Id branch_id, std::string_view date);

// The key of the follow-up of a come-back reminder: "message:<outbox id>".
std::string ComeBackKey(Id message_id);

// Open tasks first by due time (then id); the others after them, latest due first.
int OrderRank(TaskStatus status);

// The title of an automatic task in a language ("uk", "ru", "en"; others read English):
// "Зателефонувати клієнту, який не прийшов", "Підтвердити завтрашні записи (3)".
std::string AutomaticTitle(const Task& task, std::string_view language);

}  // namespace kvitka::tasks
