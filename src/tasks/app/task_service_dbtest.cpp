// The task use cases on SQLite and PostgreSQL: manual tasks, who sees what, the no-show call
// told by booking in its own transaction, the daily confirm-tomorrow task, automatic tasks once
// per key, and the panel's summary.
#include <gtest/gtest.h>

#include "booking/app/booking_fixture.h"
#include "tasks/app/confirm_planner.h"
#include "tasks/app/task_service.h"
#include "tasks/app/visit_tasks.h"
#include "tasks/store/sql_task_store.h"

namespace kvitka::tasks {
namespace {

using identity::Actor;

bool Has(const FieldErrors& errors, const std::string& field, const std::string& code) {
  for (const auto& e : errors) {
    if (e.field == field && e.code == code) return true;
  }
  return false;
}

class TasksTest : public booking::BookingFixture {
 protected:
  TasksTest()
      : tasks_(TaskDeps{*db_, store_, clients_, team_, branches_, appointments_, audit_, clock_}),
        visits_(tasks_, store_, branches_),
        planner_(*db_, tasks_, store_, branches_, appointments_) {
    messages_.target = &visits_;
    auto added = team_.Add(owner_, identity::NewUser{"Ірина", "master@example.com", "master",
                                                     std::string("kvitka-master-1")});
    EXPECT_TRUE(added.ok());
    master_user_ = owner_;
    master_user_.role = identity::Role::kMaster;
    master_user_.user_id = added->member.user.id;
  }

  NewTask Call(const char* title, const char* due = "2026-11-22T10:00:00Z") {
    NewTask in;
    in.title = title;
    in.due_at = At(due);
    return in;
  }

  std::vector<Task> All(const Actor& actor, TaskFilter filter = {}) {
    auto page = tasks_.List(actor, filter, std::nullopt, 200);
    EXPECT_TRUE(page.ok());
    std::vector<Task> out;
    if (page.ok()) {
      for (auto& v : page->items) out.push_back(v.task);
    }
    return out;
  }

  std::vector<Task> OfKind(TaskKind kind) {
    TaskFilter filter;
    filter.kind = kind;
    return All(owner_, filter);
  }

  int AuditCount(const std::string& action) {
    return db_->Read([&](db::Session& s) {
      int n = 0;
      for (const auto& e : audit_.List(s, owner_.org_id, identity::AuditFilter{})) {
        if (e.action == action) ++n;
      }
      return n;
    });
  }

  SqlTaskStore store_;
  TaskService tasks_;
  VisitTasks visits_;
  ConfirmTomorrowPlanner planner_;
  Actor master_user_;
};

TEST_P(TasksTest, ManualTasksAreValidatedSavedChangedAndAudited) {
  auto refused = tasks_.Create(owner_, Call(""));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kValidation);
  EXPECT_TRUE(Has(refused.error().fields, "title", "required"));

  NewTask strangers = Call("Call Maria");
  strangers.assignee_user_id = 999999;
  strangers.client_id = 999999;
  strangers.appointment_id = 999999;
  refused = tasks_.Create(owner_, strangers);
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(Has(refused.error().fields, "assignee_user_id", "not_found"));
  EXPECT_TRUE(Has(refused.error().fields, "client_id", "not_found"));
  EXPECT_TRUE(Has(refused.error().fields, "appointment_id", "not_found"));

  NewTask in = Call("  Call Maria about the colour  ");
  in.client_id = client_;
  in.priority = Priority::kHigh;
  in.assignee_user_id = master_user_.user_id;
  auto created = tasks_.Create(owner_, in);
  ASSERT_TRUE(created.ok());
  const Task& t = created->task;
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(t.title, "Call Maria about the colour");
  EXPECT_EQ(t.kind, TaskKind::kManual);
  EXPECT_EQ(t.status, TaskStatus::kOpen);
  EXPECT_EQ(t.created_by, owner_.user_id);
  ASSERT_TRUE(created->client.has_value());
  EXPECT_EQ(created->client->first_name, "Марія");

  TaskPatch done;
  done.status = TaskStatus::kDone;
  auto changed = tasks_.Update(owner_, t.id, done);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->task.status, TaskStatus::kDone);
  EXPECT_EQ(changed->task.done_at, clock_.Now());

  TaskPatch empty_title;
  empty_title.title = "";
  auto bad = tasks_.Update(owner_, t.id, empty_title);
  ASSERT_FALSE(bad.ok());
  EXPECT_TRUE(Has(bad.error().fields, "title", "required"));

  EXPECT_EQ(AuditCount("task.create"), 1);
  EXPECT_EQ(AuditCount("task.update"), 1);
  // Another organization does not see it.
  auto other = ActorOf(SignUp("other@example.com", "Other salon"));
  EXPECT_EQ(tasks_.Get(other, t.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(All(other).empty());
}

TEST_P(TasksTest, MastersSeeAndCompleteOnlyTheirOwnTasks) {
  NewTask mine = Call("Prepare the colour card");
  mine.assignee_user_id = master_user_.user_id;
  const Id own = tasks_.Create(owner_, mine)->task.id;
  const Id desk = tasks_.Create(owner_, Call("Order towels"))->task.id;

  const auto seen = All(master_user_);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen.front().id, own);
  TaskFilter unassigned;
  unassigned.assignee = {AssigneeFilter::Kind::kNobody, 0};
  EXPECT_TRUE(All(master_user_, unassigned).empty());
  EXPECT_EQ(All(owner_).size(), 2u);

  EXPECT_EQ(tasks_.Get(master_user_, desk).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(tasks_.Create(master_user_, Call("Mine")).error().code, ErrorCode::kForbidden);
  TaskPatch rename;
  rename.title = "Something else";
  EXPECT_EQ(tasks_.Update(master_user_, own, rename).error().code, ErrorCode::kForbidden);
  TaskPatch done;
  done.status = TaskStatus::kDone;
  EXPECT_EQ(tasks_.Update(master_user_, desk, done).error().code, ErrorCode::kNotFound);
  auto completed = tasks_.Update(master_user_, own, done);
  ASSERT_TRUE(completed.ok());
  EXPECT_EQ(completed->task.status, TaskStatus::kDone);
  TaskPatch cancel;
  cancel.status = TaskStatus::kCancelled;
  EXPECT_EQ(tasks_.Update(master_user_, own, cancel).error().code, ErrorCode::kForbidden);
}

TEST_P(TasksTest, ListGoesOpenFirstByDueTimeThenTheRestAcrossPages) {
  const Id late = tasks_.Create(owner_, Call("late", "2026-11-22T12:00:00Z"))->task.id;
  const Id early = tasks_.Create(owner_, Call("early", "2026-11-22T08:00:00Z"))->task.id;
  const Id same = tasks_.Create(owner_, Call("same", "2026-11-22T08:00:00Z"))->task.id;
  const Id closed_old = tasks_.Create(owner_, Call("old", "2026-11-20T08:00:00Z"))->task.id;
  const Id closed_new = tasks_.Create(owner_, Call("new", "2026-11-21T08:00:00Z"))->task.id;
  TaskPatch done;
  done.status = TaskStatus::kDone;
  ASSERT_TRUE(tasks_.Update(owner_, closed_old, done).ok());
  ASSERT_TRUE(tasks_.Update(owner_, closed_new, done).ok());

  std::vector<Id> order;
  std::optional<TaskCursor> after;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = tasks_.List(owner_, {}, after, 2);
    ASSERT_TRUE(page.ok());
    for (const auto& v : page->items) order.push_back(v.task.id);
    if (!page->next) break;
    after = page->next;
  }
  EXPECT_EQ(order, (std::vector<Id>{early, same, late, closed_new, closed_old}));

  TaskFilter open;
  open.status = TaskStatus::kOpen;
  EXPECT_EQ(All(owner_, open).size(), 3u);
  TaskFilter before;
  before.due_before = At("2026-11-22T09:00:00Z");
  EXPECT_EQ(All(owner_, before).size(), 4u);
}

TEST_P(TasksTest, ANoShowAddsOneCallTaskInTheBookingsTransaction) {
  auto booked =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-22T08:00:00Z"));
  ASSERT_TRUE(booked.ok());
  const Id a = booked->appointment.id;
  auto set = [&](booking::Status status) {
    booking::StatusChange change;
    change.status = status;
    auto r = appointments_.SetStatus(owner_, a, change);
    ASSERT_TRUE(r.ok());
  };
  EXPECT_TRUE(OfKind(TaskKind::kCallNoShow).empty());
  set(booking::Status::kNoShow);
  auto calls = OfKind(TaskKind::kCallNoShow);
  ASSERT_EQ(calls.size(), 1u);
  const Task call = calls.front();
  EXPECT_EQ(call.priority, Priority::kHigh);
  EXPECT_EQ(call.status, TaskStatus::kOpen);
  EXPECT_EQ(call.client_id, client_);
  EXPECT_EQ(call.appointment_id, a);
  EXPECT_EQ(call.due_at, clock_.Now());
  EXPECT_EQ(call.created_by, owner_.user_id);

  set(booking::Status::kNoShow);  // told again: nothing changes
  EXPECT_EQ(OfKind(TaskKind::kCallNoShow).size(), 1u);
  set(booking::Status::kArrived);  // came after all: the call is off
  calls = OfKind(TaskKind::kCallNoShow);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls.front().status, TaskStatus::kCancelled);
  set(booking::Status::kNoShow);  // gone again: the same task opens again
  calls = OfKind(TaskKind::kCallNoShow);
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls.front().id, call.id);
  EXPECT_EQ(calls.front().status, TaskStatus::kOpen);
}

TEST_P(TasksTest, ConfirmTomorrowOncePerBranchAndDayFromThreePm) {
  // 2026-11-24 10:00 in Kyiv (UTC+2), still booked; the 25th only confirmed.
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-24T08:00:00Z"))
          .ok());
  ASSERT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[1], "2026-11-24T09:00:00Z"))
          .ok());
  auto confirmed = Booking(client_, haircut_, masters_[0], "2026-11-25T08:00:00Z");
  confirmed.status = booking::Status::kConfirmed;
  ASSERT_TRUE(appointments_.Create(owner_, confirmed).ok());

  EXPECT_EQ(planner_.Run(At("2026-11-23T12:59:00Z")), 0) << "14:59 in Kyiv: not yet";
  EXPECT_TRUE(OfKind(TaskKind::kConfirmTomorrow).empty());
  clock_.Set(At("2026-11-23T13:30:00Z"));
  EXPECT_EQ(planner_.Run(At("2026-11-23T13:30:00Z")), 1);
  EXPECT_EQ(planner_.Run(At("2026-11-23T14:30:00Z")), 0) << "once a day";
  const auto confirm = OfKind(TaskKind::kConfirmTomorrow);
  ASSERT_EQ(confirm.size(), 1u);
  EXPECT_EQ(confirm.front().date, "2026-11-24");
  EXPECT_EQ(confirm.front().visit_count, 2);
  EXPECT_EQ(confirm.front().branch_id, branch_);
  EXPECT_EQ(confirm.front().due_at, At("2026-11-23T16:00:00Z")) << "18:00 in Kyiv";
  EXPECT_EQ(confirm.front().created_by, std::nullopt);

  clock_.Set(At("2026-11-24T13:30:00Z"));
  EXPECT_EQ(planner_.Run(At("2026-11-24T13:30:00Z")), 0) << "the 25th has nothing to confirm";
}

TEST_P(TasksTest, AutomaticTasksAreAddedOncePerKindAndKey) {
  AutomaticTask low;
  low.kind = TaskKind::kLowFeedback;
  low.title = "Low rating from Марія: 2★";
  low.priority = Priority::kHigh;
  low.due_at = clock_.Now();
  low.client_id = client_;
  low.appointment_id = 4242;
  const auto system = Actor::System(owner_.org_id);
  auto first = db_->Write([&](db::Session& s) { return tasks_.AddAutomatic(s, system, low); });
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->auto_key, "appointment:4242");
  low.title = "Another title";
  auto second = db_->Write([&](db::Session& s) { return tasks_.AddAutomatic(s, system, low); });
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->id, first->id);
  EXPECT_EQ(second->title, "Low rating from Марія: 2★");
  // Another kind with the same key is another task.
  low.kind = TaskKind::kComeBackFollowUp;
  auto other = db_->Write([&](db::Session& s) { return tasks_.AddAutomatic(s, system, low); });
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->id, first->id);
  EXPECT_EQ(All(owner_).size(), 2u);

  AutomaticTask keyless;
  keyless.kind = TaskKind::kComeBackFollowUp;
  auto refused =
      db_->Write([&](db::Session& s) { return tasks_.AddAutomatic(s, system, keyless); });
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(Has(refused.error().fields, "auto_key", "required"));
}

TEST_P(TasksTest, SummaryCountsOpenOverdueAndDueToday) {
  clock_.Set(At("2026-11-22T10:00:00Z"));  // 12:00 in Kyiv
  auto summary = tasks_.Summary(owner_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->open, 0);
  EXPECT_EQ(summary->newest_id, std::nullopt);

  ASSERT_TRUE(tasks_.Create(owner_, Call("overdue", "2026-11-22T09:00:00Z")).ok());
  ASSERT_TRUE(
      tasks_.Create(owner_, Call("tonight", "2026-11-22T21:00:00Z")).ok());  // 23:00 in Kyiv
  ASSERT_TRUE(tasks_.Create(owner_, Call("tomorrow", "2026-11-22T22:30:00Z"))
                  .ok());  // 00:30 next day in Kyiv
  NewTask mine = Call("mine", "2026-11-22T11:00:00Z");
  mine.assignee_user_id = master_user_.user_id;
  const Id newest = tasks_.Create(owner_, mine)->task.id;
  summary = tasks_.Summary(owner_);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->open, 4);
  EXPECT_EQ(summary->overdue, 1);
  EXPECT_EQ(summary->due_today, 2);
  EXPECT_EQ(summary->newest_id, newest);

  auto own = tasks_.Summary(master_user_);
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->open, 1);
  EXPECT_EQ(own->overdue, 0);
  EXPECT_EQ(own->due_today, 1);
  EXPECT_EQ(own->newest_id, newest);
}

INSTANTIATE_TEST_SUITE_P(Dialects, TasksTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::tasks
