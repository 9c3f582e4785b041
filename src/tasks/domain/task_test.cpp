#include "tasks/domain/task.h"

#include <gtest/gtest.h>

namespace kvitka::tasks {
namespace {

Task Manual(std::string title) {
  Task t;
  t.title = std::move(title);
  t.due_at = 1795870800;
  return t;
}

bool Has(const FieldErrors& errors, const std::string& field, const std::string& code) {
  for (const auto& e : errors) {
    if (e.field == field && e.code == code) return true;
  }
  return false;
}

TEST(TaskNames, RoundTrip) {
  for (auto kind : {TaskKind::kManual, TaskKind::kCallNoShow, TaskKind::kConfirmTomorrow,
                    TaskKind::kComeBackFollowUp, TaskKind::kLowFeedback}) {
    EXPECT_EQ(ParseKind(KindName(kind)), kind);
  }
  for (auto status : {TaskStatus::kOpen, TaskStatus::kDone, TaskStatus::kCancelled}) {
    EXPECT_EQ(ParseStatus(StatusName(status)), status);
  }
  for (auto priority : {Priority::kLow, Priority::kNormal, Priority::kHigh}) {
    EXPECT_EQ(ParsePriority(PriorityName(priority)), priority);
  }
  EXPECT_EQ(ParseKind("call"), std::nullopt);
  EXPECT_EQ(ParseStatus("Open"), std::nullopt);
  EXPECT_EQ(ParsePriority(""), std::nullopt);
}

TEST(CheckTask, TitleIsRequiredForManualTasksAndCountedInCharacters) {
  EXPECT_TRUE(CheckTask(Manual("Зателефонувати Олені")).empty());
  EXPECT_TRUE(Has(CheckTask(Manual("")), "title", "required"));
  EXPECT_TRUE(Has(CheckTask(Manual("   ")), "title", "required"));
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "ї";  // 400 bytes, 200 characters
  EXPECT_TRUE(CheckTask(Manual(cyrillic)).empty());
  EXPECT_TRUE(Has(CheckTask(Manual(cyrillic + "ї")), "title", "too_long"));
}

TEST(CheckTask, NotesAndDueTime) {
  Task t = Manual("Call");
  t.notes = std::string(2000, 'n');
  EXPECT_TRUE(CheckTask(t).empty());
  t.notes += "n";
  EXPECT_TRUE(Has(CheckTask(t), "notes", "too_long"));
  t.notes.clear();
  t.due_at = -1;
  EXPECT_TRUE(Has(CheckTask(t), "due_at", "out_of_range"));
  t.due_at = kLastInstant + 1;
  EXPECT_TRUE(Has(CheckTask(t), "due_at", "out_of_range"));
}

TEST(CheckTask, AutomaticTasksNeedAKeyButNoTitle) {
  Task t = Manual("");
  t.kind = TaskKind::kCallNoShow;
  EXPECT_TRUE(Has(CheckTask(t), "auto_key", "required"));
  t.auto_key = AppointmentKey(42);
  EXPECT_EQ(t.auto_key, "appointment:42");
  EXPECT_TRUE(CheckTask(t).empty());
  EXPECT_EQ(DayKey(7, "2026-11-23"), "branch:7:2026-11-23");
}

TEST(SetStatus, DoneAtFollowsTheStatus) {
  Task t = Manual("Call");
  SetStatus(t, TaskStatus::kDone, 100);
  EXPECT_EQ(t.done_at, 100);
  SetStatus(t, TaskStatus::kDone, 200);
  EXPECT_EQ(t.done_at, 100) << "completing again keeps the first time";
  SetStatus(t, TaskStatus::kOpen, 300);
  EXPECT_EQ(t.done_at, std::nullopt);
  SetStatus(t, TaskStatus::kCancelled, 400);
  EXPECT_EQ(t.status, TaskStatus::kCancelled);
  EXPECT_EQ(t.done_at, std::nullopt);
}

TEST(AutomaticTitle, InEachLanguage) {
  Task t = Manual("");
  t.kind = TaskKind::kCallNoShow;
  EXPECT_EQ(AutomaticTitle(t, "uk"), "Зателефонувати клієнту, який не прийшов");
  EXPECT_EQ(AutomaticTitle(t, "ru"), "Позвонить клиенту, который не пришёл");
  EXPECT_EQ(AutomaticTitle(t, "en"), "Call the client who did not come");
  EXPECT_EQ(AutomaticTitle(t, "de"), "Call the client who did not come");
  t.kind = TaskKind::kConfirmTomorrow;
  t.visit_count = 3;
  EXPECT_EQ(AutomaticTitle(t, "uk"), "Підтвердити завтрашні непідтверджені записи (3)");
  t.kind = TaskKind::kComeBackFollowUp;
  EXPECT_EQ(AutomaticTitle(t, "uk"),
            "Зателефонувати клієнту: нагадування про повторний візит без запису");
  EXPECT_EQ(AutomaticTitle(t, "ru"),
            "Позвонить клиенту: напоминание о повторном визите без записи");
  EXPECT_EQ(AutomaticTitle(t, "en"), "Call the client: come-back reminder without a booking");
  EXPECT_EQ(ComeBackKey(42), "message:42");
  for (auto kind : {TaskKind::kComeBackFollowUp, TaskKind::kLowFeedback}) {
    t.kind = kind;
    for (const char* language : {"uk", "ru", "en"})
      EXPECT_FALSE(AutomaticTitle(t, language).empty());
  }
  EXPECT_EQ(OrderRank(TaskStatus::kOpen), 0);
  EXPECT_EQ(OrderRank(TaskStatus::kDone), 1);
  EXPECT_EQ(OrderRank(TaskStatus::kCancelled), 1);
}

}  // namespace
}  // namespace kvitka::tasks
