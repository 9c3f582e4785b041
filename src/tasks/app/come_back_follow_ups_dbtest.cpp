// The follow-up of a come-back reminder that got no booking, on SQLite and PostgreSQL: one call
// task three days after the reminder went, in the branch's calling hours, once per reminder
// however often the job runs; none when the client booked since or has a visit coming.
#include <gtest/gtest.h>

#include "booking/app/booking_fixture.h"
#include "tasks/app/come_back_follow_ups.h"
#include "tasks/app/task_service.h"
#include "tasks/store/sql_task_store.h"

namespace kvitka::tasks {
namespace {

// The reminders "sent", as messaging would report them.
class SentList final : public SentComeBacks {
 public:
  std::vector<SentComeBack> SentBetween(db::Session& /*s*/, EpochSeconds from,
                                        EpochSeconds to) override {
    std::vector<SentComeBack> out;
    for (const auto& r : sent) {
      if (r.sent_at > from && r.sent_at <= to) out.push_back(r);
    }
    return out;
  }
  std::vector<SentComeBack> sent;
};

class ComeBackFollowUpTest : public booking::BookingFixture {
 protected:
  ComeBackFollowUpTest()
      : tasks_(TaskDeps{*db_, store_, clients_, team_, branches_, appointments_, audit_, clock_}),
        planner_(*db_, tasks_, store_, sent_, branches_, appointments_) {}

  // A reminder to `client` sent at `when` (10:00 in Kyiv on 19.11 by default).
  void Sent(Id message_id, Id client, const char* when = "2026-11-19T08:00:00Z") {
    sent_.sent.push_back({owner_.org_id, message_id, branch_, client, 0, At(when)});
  }

  std::vector<Task> FollowUps() {
    TaskFilter filter;
    filter.kind = TaskKind::kComeBackFollowUp;
    auto page = tasks_.List(owner_, filter, std::nullopt, 100);
    EXPECT_TRUE(page.ok());
    std::vector<Task> out;
    if (page.ok()) {
      for (auto& v : page->items) out.push_back(v.task);
    }
    return out;
  }

  SqlTaskStore store_;
  SentList sent_;
  TaskService tasks_;
  ComeBackFollowUpPlanner planner_;
};

TEST_P(ComeBackFollowUpTest, ThreeDaysAfterAReminderWithoutABookingOneCallTask) {
  Sent(101, client_);
  EXPECT_EQ(planner_.Run(At("2026-11-22T07:59:00Z")), 0) << "not three days yet";
  EXPECT_TRUE(FollowUps().empty());
  // 22.11 at 10:30 in Kyiv.
  clock_.Set(At("2026-11-22T08:30:00Z"));
  EXPECT_EQ(planner_.Run(clock_.Now()), 1);
  auto tasks = FollowUps();
  ASSERT_EQ(tasks.size(), 1u);
  const Task t = tasks.front();
  EXPECT_EQ(t.auto_key, "message:101");
  EXPECT_EQ(t.priority, Priority::kNormal);
  EXPECT_EQ(t.status, TaskStatus::kOpen);
  EXPECT_EQ(t.client_id, client_);
  EXPECT_EQ(t.branch_id, branch_);
  EXPECT_EQ(t.assignee_user_id, std::nullopt) << "for the front desk";
  EXPECT_EQ(t.created_by, std::nullopt) << "added by Kvitka";
  EXPECT_EQ(t.due_at, clock_.Now()) << "within the calling hours: at once";
  EXPECT_EQ(AutomaticTitle(t, "uk"),
            "Зателефонувати клієнту: нагадування про повторний візит без запису");

  // However often it runs, and once done, it stays one task.
  EXPECT_EQ(planner_.Run(clock_.Now() + 300), 0);
  EXPECT_EQ(planner_.Run(clock_.Now() + 20L * 3600), 0);
  TaskPatch done_patch;
  done_patch.status = TaskStatus::kDone;
  auto done = tasks_.Update(owner_, t.id, done_patch);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(planner_.Run(clock_.Now() + 3600), 0);
  EXPECT_EQ(FollowUps().size(), 1u);
}

TEST_P(ComeBackFollowUpTest, NoTaskWhenTheClientBookedSinceOrHasAVisitComing) {
  // Ольга booked on 21.11, after the reminder, a visit that is already over by the run: a booking
  // made since the reminder counts, whenever its visit is.
  clock_.Set(At("2026-11-21T06:00:00Z"));
  ASSERT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-21T09:00:00Z"))
          .ok());
  Sent(201, other_client_);
  // Марія booked long before the reminder, for a visit still to come.
  clock_.Set(At("2026-11-10T06:00:00Z"));
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-30T09:00:00Z"))
          .ok());
  Sent(202, client_);
  clock_.Set(At("2026-11-22T08:30:00Z"));
  EXPECT_EQ(planner_.Run(clock_.Now()), 0);
  EXPECT_TRUE(FollowUps().empty());
}

TEST_P(ComeBackFollowUpTest, DueInTheCallingHoursAndNotForLongForgottenReminders) {
  Sent(301, client_, "2026-11-19T18:30:00Z");        // 20:30 in Kyiv
  Sent(302, other_client_, "2026-11-17T08:00:00Z");  // five days before the run
  clock_.Set(At("2026-11-22T19:00:00Z"));            // 21:00 in Kyiv
  EXPECT_EQ(planner_.Run(clock_.Now()), 1);
  auto tasks = FollowUps();
  ASSERT_EQ(tasks.size(), 1u);
  EXPECT_EQ(tasks.front().auto_key, "message:301");
  EXPECT_EQ(tasks.front().due_at, At("2026-11-23T08:00:00Z")) << "10:00 the next morning";
  EXPECT_EQ(CallDue(At("2026-11-23T05:00:00Z"), "Europe/Kyiv"), At("2026-11-23T08:00:00Z"))
      << "07:00: at 10:00";
  EXPECT_EQ(CallDue(At("2026-11-23T12:00:00Z"), "Europe/Kyiv"), At("2026-11-23T12:00:00Z"));
}

INSTANTIATE_TEST_SUITE_P(Dialects, ComeBackFollowUpTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::tasks
