#include "tasks/domain/task.h"

#include <array>

#include "core/text.h"

namespace kvitka::tasks {

namespace {

constexpr std::array<std::pair<TaskKind, const char*>, 5> kKinds = {{
    {TaskKind::kManual, "manual"},
    {TaskKind::kCallNoShow, "call_no_show"},
    {TaskKind::kConfirmTomorrow, "confirm_tomorrow"},
    {TaskKind::kComeBackFollowUp, "come_back_follow_up"},
    {TaskKind::kLowFeedback, "low_feedback"},
}};
constexpr std::array<std::pair<TaskStatus, const char*>, 3> kStatuses = {{
    {TaskStatus::kOpen, "open"},
    {TaskStatus::kDone, "done"},
    {TaskStatus::kCancelled, "cancelled"},
}};
constexpr std::array<std::pair<Priority, const char*>, 3> kPriorities = {{
    {Priority::kLow, "low"},
    {Priority::kNormal, "normal"},
    {Priority::kHigh, "high"},
}};

template <class E, std::size_t N>
const char* NameOf(const std::array<std::pair<E, const char*>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return table.front().second;
}

template <class E, std::size_t N>
std::optional<E> Parse(const std::array<std::pair<E, const char*>, N>& table,
                       std::string_view name) {
  for (const auto& [e, text] : table) {
    if (name == text) return e;
  }
  return std::nullopt;
}

struct Texts {
  const char* uk;
  const char* ru;
  const char* en;
  const char* In(std::string_view language) const {
    if (language == "uk") return uk;
    if (language == "ru") return ru;
    return en;
  }
};

}  // namespace

const char* KindName(TaskKind kind) { return NameOf(kKinds, kind); }
std::optional<TaskKind> ParseKind(std::string_view name) { return Parse(kKinds, name); }
const char* StatusName(TaskStatus status) { return NameOf(kStatuses, status); }
std::optional<TaskStatus> ParseStatus(std::string_view name) { return Parse(kStatuses, name); }
const char* PriorityName(Priority priority) { return NameOf(kPriorities, priority); }
std::optional<Priority> ParsePriority(std::string_view name) { return Parse(kPriorities, name); }

FieldErrors CheckTask(const Task& task) {
  FieldErrors errors;
  const std::string title = Trim(task.title);
  if (!IsValidUtf8(task.title)) {
    errors.push_back({"title", "invalid_value"});
  } else if (title.empty() && !task.automatic()) {
    errors.push_back({"title", "required"});
  } else if (Utf8Length(title) > kMaxTitle) {
    errors.push_back({"title", "too_long", static_cast<std::int64_t>(kMaxTitle)});
  }
  if (!IsValidUtf8(task.notes)) {
    errors.push_back({"notes", "invalid_value"});
  } else if (Utf8Length(task.notes) > kMaxNotes) {
    errors.push_back({"notes", "too_long", static_cast<std::int64_t>(kMaxNotes)});
  }
  if (task.due_at < 0 || task.due_at > kLastInstant) errors.push_back({"due_at", "out_of_range"});
  if (task.automatic() && task.auto_key.empty()) errors.push_back({"auto_key", "required"});
  return errors;
}

void SetStatus(Task& task, TaskStatus status, EpochSeconds now) {
  if (task.status == status) return;
  task.status = status;
  if (status == TaskStatus::kDone) {
    task.done_at = now;
  } else {
    task.done_at.reset();
  }
}

std::string AppointmentKey(Id appointment_id) {
  return "appointment:" + std::to_string(appointment_id);
}

std::string DayKey(Id branch_id, std::string_view date) {
  return "branch:" + std::to_string(branch_id) + ":" + std::string(date);
}

std::string ComeBackKey(Id message_id) { return "message:" + std::to_string(message_id); }

int OrderRank(TaskStatus status) { return status == TaskStatus::kOpen ? 0 : 1; }

std::string AutomaticTitle(const Task& task, std::string_view language) {
  switch (task.kind) {
    case TaskKind::kManual:
      return task.title;
    case TaskKind::kCallNoShow:
      return Texts{"Зателефонувати клієнту, який не прийшов",
                   "Позвонить клиенту, который не пришёл", "Call the client who did not come"}
          .In(language);
    case TaskKind::kConfirmTomorrow:
      return std::string(Texts{"Підтвердити завтрашні непідтверджені записи",
                               "Подтвердить завтрашние неподтверждённые записи",
                               "Confirm tomorrow's unconfirmed bookings"}
                             .In(language)) +
             " (" + std::to_string(task.visit_count) + ")";
    case TaskKind::kComeBackFollowUp:
      return Texts{"Зателефонувати клієнту: нагадування про повторний візит без запису",
                   "Позвонить клиенту: напоминание о повторном визите без записи",
                   "Call the client: come-back reminder without a booking"}
          .In(language);
    case TaskKind::kLowFeedback:
      return Texts{"Зв'язатися з клієнтом, який поставив низьку оцінку",
                   "Связаться с клиентом, который поставил низкую оценку",
                   "Contact the client who left a low rating"}
          .In(language);
  }
  return task.title;
}

}  // namespace kvitka::tasks
