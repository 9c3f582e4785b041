// Feedback on both databases: the form behind the visit's link opens when the visit is
// completed and closes 30 days after it, an answer may be changed for 24 hours, a low score is
// told to the tasks in the same transaction, only owners and managers read answers, and
// nothing crosses organizations.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "booking/app/booking_fixture.h"
#include "booking/app/online_booking.h"
#include "feedback/app/feedback_service.h"
#include "feedback/app/low_score_tasks.h"
#include "feedback/store/sql_feedback_store.h"
#include "tasks/store/sql_task_store.h"

namespace kvitka::feedback {
namespace {

class RecordingAlert final : public LowScoreAlert {
 public:
  void LowScore(db::Session&, const identity::Actor& actor, const LowScoreEvent& e) override {
    std::lock_guard lock(mutex_);
    events.push_back(e);
    actors.push_back(actor);
  }
  std::vector<LowScoreEvent> events;
  std::vector<identity::Actor> actors;

 private:
  std::mutex mutex_;
};

class FeedbackTest : public booking::BookingFixture {
 protected:
  FeedbackTest()
      : online_(booking::OnlineBookingDeps{deps_, online_store_, appointments_, availability_,
                                           waitlist_, booking::OnlineLimits{100000, 100000}}),
        feedback_(FeedbackDeps{*db_, store_, online_, appointments_, clients_, staff_, branches_,
                               audit_, alert_, clock_, 1000}) {}

  // A visit of `client` with master `master` at `start`, and its link's token.
  std::pair<Id, std::string> Visit(const char* start, Id client = 0, Id master = 0) {
    auto booked = appointments_.Create(
        owner_, Booking(client ? client : client_, haircut_, master ? master : masters_[0], start));
    EXPECT_TRUE(booked.ok());
    const auto& a = booked->appointment;
    auto token = db_->Write(
        [&](db::Session& s) { return online_.LinksIn(s, owner_.org_id, a).manage_token; });
    return {a.id, token};
  }
  void Complete(Id appointment_id) {
    booking::StatusChange change;
    change.status = booking::Status::kCompleted;
    ASSERT_TRUE(appointments_.SetStatus(owner_, appointment_id, change).ok());
  }
  identity::Actor As(identity::Role role) {
    identity::Actor actor = owner_;
    actor.role = role;
    return actor;
  }

  booking::SqlOnlineStore online_store_;
  booking::OnlineBooking online_;
  SqlFeedbackStore store_;
  RecordingAlert alert_;
  FeedbackService feedback_;
};

TEST_P(FeedbackTest, TheFormOpensWhenTheVisitIsCompletedAndTakesOneAnswer) {
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");  // 10:00-11:00 in Kyiv
  auto shown = feedback_.Show(token);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->state, FormState::kNotCompleted);
  EXPECT_FALSE(shown->may_answer);
  EXPECT_EQ(shown->visit.client_first_name, "Марія");
  EXPECT_EQ(shown->visit.salon_name, "Kvitka Demo");
  EXPECT_EQ(shown->visit.staff_names.at(masters_[0]), "Олена");
  EXPECT_EQ(feedback_.Give(token, {5, std::nullopt, ""}, "ip").error().code,
            ErrorCode::kNotCompleted);

  clock_.Set(At("2026-11-23T09:30:00Z"));
  Complete(id);
  shown = feedback_.Show(token);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->state, FormState::kOpen);
  EXPECT_TRUE(shown->may_answer);
  EXPECT_FALSE(shown->feedback);
  EXPECT_EQ(shown->closes_at, At("2026-11-23T09:00:00Z") + 30 * 86400);

  auto given = feedback_.Give(token, {4, 9, "  Дякую!  "}, "ip");
  ASSERT_TRUE(given.ok());
  EXPECT_TRUE(given->created);
  ASSERT_TRUE(given->feedback);
  EXPECT_EQ(given->feedback->answer.rating, 4);
  EXPECT_EQ(given->feedback->staff_ids, std::vector<Id>{masters_[0]});
  EXPECT_EQ(given->feedback->client_id, client_);
  EXPECT_TRUE(alert_.events.empty());

  clock_.Advance(3600);
  given = feedback_.Give(token, {5, std::nullopt, "Ще краще"}, "ip");
  ASSERT_TRUE(given.ok());
  EXPECT_FALSE(given->created);
  EXPECT_EQ(given->feedback->answer.nps, std::nullopt);
  EXPECT_EQ(given->feedback->created_at, At("2026-11-23T09:30:00Z"));
  EXPECT_EQ(given->feedback->updated_at, At("2026-11-23T10:30:00Z"));

  clock_.Set(At("2026-11-24T09:30:00Z"));  // 24 hours after the first answer
  EXPECT_EQ(feedback_.Give(token, {1, std::nullopt, ""}, "ip").error().code, ErrorCode::kLocked);
  shown = feedback_.Show(token);
  EXPECT_EQ(shown->state, FormState::kOpen);
  EXPECT_FALSE(shown->may_answer);
  EXPECT_EQ(shown->feedback->answer.rating, 5);
  EXPECT_EQ(shown->feedback->answer.comment, "Ще краще");

  auto audit = db_->Read([&](db::Session& s) {
    identity::AuditFilter filter;
    return audit_.List(s, owner_.org_id, filter);
  });
  int feedback_entries = 0;
  for (const auto& entry : audit) feedback_entries += entry.entity == "feedback";
  EXPECT_EQ(feedback_entries, 2);
}

TEST_P(FeedbackTest, UnknownLinksClosedWindowAndReopenedVisits) {
  EXPECT_EQ(feedback_.Show("0123456789abcdef0123456789abcdef").error().code,
            ErrorCode::kLinkNotFound);
  EXPECT_EQ(feedback_.Show("not a token").error().code, ErrorCode::kLinkNotFound);
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");
  Complete(id);  // completed before it began: a slip, not open yet
  EXPECT_EQ(feedback_.Show(token)->state, FormState::kNotCompleted);
  clock_.Set(At("2026-11-23T09:00:00Z") + 30 * 86400 - 1);
  EXPECT_EQ(feedback_.Show(token)->state, FormState::kOpen);
  clock_.Advance(1);
  EXPECT_EQ(feedback_.Show(token)->state, FormState::kExpired);
  EXPECT_EQ(feedback_.Give(token, {5, std::nullopt, ""}, "ip").error().code, ErrorCode::kClosed);

  // A visit reopened by the salon takes no answer.
  clock_.Set(At("2026-11-23T12:00:00Z"));
  booking::StatusChange back;
  back.status = booking::Status::kArrived;
  ASSERT_TRUE(appointments_.SetStatus(owner_, id, back).ok());
  EXPECT_EQ(feedback_.Give(token, {5, std::nullopt, ""}, "ip").error().code,
            ErrorCode::kNotCompleted);
  EXPECT_EQ(feedback_.Give(token, {0, 11, ""}, "ip").error().code, ErrorCode::kValidation);
}

TEST_P(FeedbackTest, ALowScoreIsToldInsideTheTransaction) {
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");
  clock_.Set(At("2026-11-23T10:00:00Z"));
  Complete(id);
  ASSERT_TRUE(feedback_.Give(token, {5, 6, ""}, "203.0.113.9").ok());
  ASSERT_EQ(alert_.events.size(), 1u);
  const auto& e = alert_.events.front();
  EXPECT_EQ(e.org_id, owner_.org_id);
  EXPECT_EQ(e.appointment_id, id);
  EXPECT_EQ(e.client_id, client_);
  EXPECT_EQ(e.branch_id, branch_);
  EXPECT_EQ(e.staff_ids, std::vector<Id>{masters_[0]});
  EXPECT_EQ(e.client_first_name, "Марія");
  EXPECT_EQ(e.answer.nps, 6);
  EXPECT_FALSE(e.changed);
  EXPECT_EQ(alert_.actors.front().org_id, owner_.org_id);
  EXPECT_EQ(alert_.actors.front().user_id, 0);
  ASSERT_TRUE(feedback_.Give(token, {2, std::nullopt, "Довго чекала"}, "203.0.113.9").ok());
  ASSERT_EQ(alert_.events.size(), 2u);
  EXPECT_TRUE(alert_.events.back().changed);
  ASSERT_TRUE(feedback_.Give(token, {5, 10, ""}, "203.0.113.9").ok());
  EXPECT_EQ(alert_.events.size(), 2u);
}

TEST_P(FeedbackTest, OwnersAndManagersReadTheAnswersWithTheAverageAndNps) {
  const std::vector<std::tuple<const char*, Id, int, std::optional<int>>> visits = {
      {"2026-11-23T08:00:00Z", masters_[0], 5, 10},
      {"2026-11-23T10:00:00Z", masters_[0], 4, 8},
      {"2026-11-23T12:00:00Z", masters_[1], 2, 3},
      {"2026-11-23T14:00:00Z", masters_[1], 5, std::nullopt}};
  for (const auto& [start, master, rating, nps] : visits) {
    clock_.Set(At("2026-11-22T06:00:00Z"));
    auto [id, token] = Visit(start, client_, master);
    clock_.Set(At("2026-11-23T18:00:00Z"));
    Complete(id);
    ASSERT_TRUE(feedback_.Give(token, {rating, nps, "ok"}, "ip").ok());
  }
  auto page = feedback_.List(owner_, {}, std::nullopt, 3);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->items[0].feedback.answer.rating, 5);  // newest first
  EXPECT_EQ(page->items[0].client_name, "Марія Коваль");
  EXPECT_EQ(page->items[0].branch_name, "Поділ");
  EXPECT_EQ(page->items[0].staff,
            (std::vector<std::pair<Id, std::string>>{{masters_[1], "Ірина"}}));
  ASSERT_TRUE(page->next_before);
  EXPECT_EQ(page->summary.counts.answers, 4);
  EXPECT_DOUBLE_EQ(*page->summary.average, 4.0);
  EXPECT_EQ(page->summary.counts.nps_answers, 3);
  EXPECT_EQ(page->summary.nps, 0);  // one promoter, one passive, one detractor
  auto rest = feedback_.List(owner_, {}, page->next_before, 3);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_FALSE(rest->next_before);

  FeedbackFilter by_master;
  by_master.staff_id = masters_[1];
  page = feedback_.List(As(identity::Role::kManager), by_master, std::nullopt, 50);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 2u);
  EXPECT_DOUBLE_EQ(*page->summary.average, 3.5);
  by_master.max_rating = 3;
  page = feedback_.List(owner_, by_master, std::nullopt, 50);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].feedback.answer.rating, 2);
  EXPECT_EQ(page->summary.counts.answers, 2);  // max_rating only narrows the list

  FeedbackFilter nowhere;
  nowhere.branch_id = 999999;
  EXPECT_EQ(feedback_.List(owner_, nowhere, std::nullopt, 50).error().code, ErrorCode::kBadQuery);
  for (auto role : {identity::Role::kAdmin, identity::Role::kMaster}) {
    EXPECT_EQ(feedback_.List(As(role), {}, std::nullopt, 50).error().code, ErrorCode::kForbidden);
    EXPECT_EQ(feedback_.OfClient(As(role), client_, std::nullopt, 50).error().code,
              ErrorCode::kForbidden);
  }
  auto mine = feedback_.OfClient(owner_, client_, std::nullopt, 50);
  ASSERT_TRUE(mine.ok());
  EXPECT_EQ(mine->items.size(), 4u);
  EXPECT_TRUE(feedback_.OfClient(owner_, other_client_, std::nullopt, 50)->items.empty());

  // Another salon sees none of it.
  const auto other = ActorOf(SignUp("other@example.com", "Other"));
  EXPECT_TRUE(feedback_.List(other, {}, std::nullopt, 50)->items.empty());
  EXPECT_EQ(feedback_.List(other, {}, std::nullopt, 50)->summary.counts.answers, 0);
  EXPECT_EQ(feedback_.OfClient(other, client_, std::nullopt, 50).error().code,
            ErrorCode::kNotFound);
  FeedbackFilter theirs;
  theirs.staff_id = masters_[0];
  EXPECT_EQ(feedback_.List(other, theirs, std::nullopt, 50).error().code, ErrorCode::kBadQuery);
}

TEST_P(FeedbackTest, TwoFirstAnswersAtOnceMakeOneAnswer) {
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");
  clock_.Set(At("2026-11-23T10:00:00Z"));
  Complete(id);
  std::atomic<int> created = 0, failed = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto given = feedback_.Give(token, {1 + i, std::nullopt, ""}, "ip");
      if (!given.ok()) ++failed;
      if (given.ok() && given->created) ++created;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(created.load(), 1);
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(feedback_.List(owner_, {}, std::nullopt, 50)->items.size(), 1u);
}

TEST_P(FeedbackTest, AnIpThatAnswersTooOftenWaits) {
  FeedbackService limited(FeedbackDeps{*db_, store_, online_, appointments_, clients_, staff_,
                                       branches_, audit_, alert_, clock_, 2});
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");
  clock_.Set(At("2026-11-23T10:00:00Z"));
  Complete(id);
  EXPECT_TRUE(limited.Give(token, {5, std::nullopt, ""}, "198.51.100.1").ok());
  EXPECT_TRUE(limited.Give(token, {4, std::nullopt, ""}, "198.51.100.1").ok());
  auto third = limited.Give(token, {3, std::nullopt, ""}, "198.51.100.1");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kTooManyRequests);
  EXPECT_GT(third.error().retry_after, 0);
  EXPECT_TRUE(limited.Give(token, {3, std::nullopt, ""}, "198.51.100.2").ok());
}

TEST_P(FeedbackTest, ALowScoreMakesOneTaskForTheVisit) {
  tasks::SqlTaskStore task_store;
  tasks::TaskService tasks(
      tasks::TaskDeps{*db_, task_store, clients_, team_, branches_, appointments_, audit_, clock_});
  LowScoreTasks low_scores(tasks, branches_);
  FeedbackService with_tasks(FeedbackDeps{*db_, store_, online_, appointments_, clients_, staff_,
                                          branches_, audit_, low_scores, clock_, 1000});
  const auto [id, token] = Visit("2026-11-23T08:00:00Z");
  const auto [fine_id, fine_token] = Visit("2026-11-23T10:00:00Z");
  clock_.Set(At("2026-11-23T12:00:00Z"));
  Complete(id);
  Complete(fine_id);
  ASSERT_TRUE(with_tasks.Give(fine_token, {5, 9, ""}, "ip").ok());
  ASSERT_TRUE(with_tasks.Give(token, {2, std::nullopt, "Довго чекала"}, "ip").ok());
  ASSERT_TRUE(with_tasks.Give(token, {1, 3, "Довго чекала"}, "ip").ok());
  auto task = [&](Id appointment_id) {
    return db_->Read([&](db::Session& s) {
      return task_store.FindAutomatic(s, owner_.org_id, tasks::TaskKind::kLowFeedback,
                                      tasks::AppointmentKey(appointment_id));
    });
  };
  EXPECT_FALSE(task(fine_id));
  const auto low = task(id);
  ASSERT_TRUE(low);
  EXPECT_EQ(low->title, "Низька оцінка, Марія: 2★");  // a salon in UA; the first answer names it
  EXPECT_EQ(low->notes, "Довго чекала");
  EXPECT_EQ(low->priority, tasks::Priority::kHigh);
  EXPECT_EQ(low->client_id, client_);
  EXPECT_EQ(low->branch_id, branch_);
  EXPECT_EQ(low->due_at, At("2026-11-24T12:00:00Z"));
  EXPECT_EQ(low->created_by, std::nullopt);
  EXPECT_EQ(SalonLanguage("UA"), "uk");
  EXPECT_EQ(SalonLanguage("KZ"), "ru");
  EXPECT_EQ(SalonLanguage("PL"), "en");
}

INSTANTIATE_TEST_SUITE_P(Dialects, FeedbackTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::feedback
