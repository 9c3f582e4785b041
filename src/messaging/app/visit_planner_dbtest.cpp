// The outbox is written in the booking's own transaction: a booking plans its confirmation,
// reminders and the master's notice; a move voids them and plans anew under the new version; a
// cancellation voids what waited and tells the client; a refused booking writes nothing.
#include <gtest/gtest.h>

#include "booking/app/booking_fixture.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/app/visit_planner.h"
#include "messaging/store/sql_messaging_store.h"

namespace kvitka::messaging {
namespace {

using booking::Status;

class VisitPlannerTest : public booking::BookingFixture {
 protected:
  VisitPlannerTest()
      : recipients_(chats_, channels_, clients_, staff_),
        planner_(PlannerDeps{outbox_, rules_, recipients_, branches_, clock_}) {
    messages_.target = &planner_;
  }

  // Every message of the organization, oldest first: "kind/slot/version/status/channel".
  std::vector<std::string> Outbox() {
    return db_->Read([&](db::Session& s) {
      auto rows = outbox_.List(s, owner_.org_id, {}, std::nullopt, 100);
      std::vector<std::string> out;
      for (auto it = rows.rbegin(); it != rows.rend(); ++it) {
        out.push_back(std::string(MessageKindName(it->kind)) + "/" + std::to_string(it->slot) +
                      "/v" + std::to_string(it->version) + "/" + OutboxStatusName(it->status) +
                      "/" + it->channel);
      }
      return out;
    });
  }
  void EnableSms() {
    db_->Write([&](db::Session& s) {
      channels_.Save(s, owner_.org_id,
                     {Channel::kSms, true, R"({"provider":"turbosms","sender":"Kvitka"})",
                      R"({"token":"t"})", clock_.Now()});
    });
  }

  SqlOutboxStore outbox_;
  SqlChatStore chats_;
  SqlChannelSettingsStore channels_;
  SqlMessagingRulesStore rules_;
  Recipients recipients_;
  VisitPlanner planner_;
};

TEST_P(VisitPlannerTest, ABookingPlansItsConfirmationRemindersAndTheMastersNotice) {
  EnableSms();
  // Booked on 22.11 at 08:00 Kyiv time for 25.11 at 10:00: the confirmation now, reminders 24 h
  // and 2 h before, the master's notice now (the master has no phone: no channel yet).
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-25T08:00:00Z"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(Outbox(), (std::vector<std::string>{
                          "booking_confirmation/0/v1/pending/sms", "reminder/1440/v1/pending/sms",
                          "reminder/120/v1/pending/sms", "staff_new_booking/0/v1/pending/"}));
  const auto rows = db_->Read(
      [&](db::Session& s) { return outbox_.List(s, owner_.org_id, {}, std::nullopt, 100); });
  for (const auto& row : rows) {
    if (row.kind == MessageKind::kReminder && row.slot == 1440) {
      EXPECT_EQ(row.due_at, At("2026-11-24T08:00:00Z"));
      EXPECT_EQ(row.visit_start, At("2026-11-25T08:00:00Z"));
    }
  }
  EXPECT_EQ(messages_.told.back(), (std::pair<std::string, int>{"created", 1}));
}

TEST_P(VisitPlannerTest, AMoveVoidsWhatWaitedAndPlansTheNewTime) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-25T08:00:00Z"));
  ASSERT_TRUE(a.ok());
  booking::AppointmentPatch move;
  move.start = At("2026-11-26T09:00:00Z");
  ASSERT_TRUE(appointments_.Change(owner_, a->appointment.id, move).ok());
  EXPECT_EQ(Outbox(), (std::vector<std::string>{
                          "booking_confirmation/0/v1/voided/", "reminder/1440/v1/voided/",
                          "reminder/120/v1/voided/", "staff_new_booking/0/v1/voided/",
                          "rescheduled/0/v2/pending/", "reminder/1440/v2/pending/",
                          "reminder/120/v2/pending/", "staff_booking_moved/0/v2/pending/"}));
}

TEST_P(VisitPlannerTest, ACancellationVoidsTheRemindersAndTellsTheClient) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-25T08:00:00Z"));
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(
      appointments_.SetStatus(owner_, a->appointment.id, {Status::kCancelled, "", "client", false})
          .ok());
  EXPECT_EQ(Outbox(), (std::vector<std::string>{
                          "booking_confirmation/0/v1/voided/", "reminder/1440/v1/voided/",
                          "reminder/120/v1/voided/", "staff_new_booking/0/v1/voided/",
                          "cancelled/0/v2/pending/", "staff_booking_cancelled/0/v2/pending/"}));
}

TEST_P(VisitPlannerTest, ConfirmingKeepsThePlanAndARefusedBookingWritesNothing) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-25T08:00:00Z"));
  ASSERT_TRUE(a.ok());
  const auto planned = Outbox();
  ASSERT_TRUE(
      appointments_.SetStatus(owner_, a->appointment.id, {Status::kConfirmed, "", "salon", false})
          .ok());
  EXPECT_EQ(Outbox(), planned);
  auto clash = appointments_.Create(
      owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-25T08:30:00Z"));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(Outbox(), planned);
}

TEST_P(VisitPlannerTest, QuietHoursAndOffsetsComeFromTheRules) {
  db_->Write([&](db::Session& s) {
    MessagingRules rules;
    ASSERT_TRUE(ApplyRulesChanges(nlohmann::json::parse(R"({"reminders": {"offsets": [720]},
        "quiet_hours": {"start": "20:00", "end": "10:00"}, "kinds": {"staff_new_booking": false}})"),
                                  rules)
                    .empty());
    rules_.Save(s, owner_.org_id, 0, RulesJson(rules).dump(), clock_.Now());
  });
  // 25.11 at 09:00 Kyiv: 12 h before is 21:00 on the 24th, in quiet hours; held until 10:00 is
  // after the visit, so it goes just before the quiet hours begin, at 19:59.
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-25T07:00:00Z"));
  ASSERT_TRUE(a.ok());
  const auto rows = db_->Read(
      [&](db::Session& s) { return outbox_.List(s, owner_.org_id, {}, std::nullopt, 100); });
  ASSERT_EQ(rows.size(), 2u);  // the confirmation and one reminder; no notice to the master
  EXPECT_EQ(rows.front().kind, MessageKind::kReminder);
  EXPECT_EQ(rows.front().due_at, At("2026-11-24T17:59:00Z"));
}

INSTANTIATE_TEST_SUITE_P(Dialects, VisitPlannerTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
