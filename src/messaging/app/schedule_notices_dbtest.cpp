// A master hears of a change to their coming days in the staff change's own transaction: one
// notice naming the changed days (new hours or a day off), none for what they changed themselves,
// for days beyond the next two weeks or with the kind off, and several saves in a row make one
// notice (the older pending one is merged and voided).
#include <gtest/gtest.h>

#include "booking/app/booking_fixture.h"
#include "messaging/app/messaging_settings.h"
#include "messaging/app/schedule_notices.h"
#include "messaging/domain/default_templates.h"
#include "messaging/store/sql_messaging_store.h"

namespace kvitka::messaging {
namespace {

class ScheduleNoticesTest : public booking::BookingFixture {
 protected:
  ScheduleNoticesTest()
      : recipients_(chats_, channels_, clients_, staff_),
        planner_(PlannerDeps{outbox_, rules_, recipients_, branches_, clock_}),
        notices_(ScheduleNoticeDeps{outbox_, rules_, recipients_, planner_}),
        noticed_(staff::StaffDeps{*db_, staff_store_, catalog_, branches_, team_, audit_, clock_,
                                  &notices_}) {
    // 22.11.2026 (Sunday) at 08:00 in Kyiv; Олена works 09:00-18:00 every day and has a phone.
    db_->Write([&](db::Session& s) {
      channels_.Save(s, owner_.org_id,
                     {Channel::kSms, true, R"({"provider":"turbosms","sender":"Kvitka"})",
                      R"({"token":"t"})", clock_.Now()});
    });
    master_id_ = masters_[0];
    EXPECT_TRUE(staff_
                    .Save(
                        owner_, master_id_,
                        [](staff::StaffMember& m) { m.phone = "+380671112233"; }, std::nullopt)
                    .ok());
  }

  std::vector<OutboxRow> Notices() {
    return db_->Read([&](db::Session& s) {
      OutboxFilter filter;
      filter.kind = MessageKind::kStaffScheduleChanged;
      auto rows = outbox_.List(s, owner_.org_id, filter, std::nullopt, 100);
      std::reverse(rows.begin(), rows.end());  // oldest first
      return rows;
    });
  }

  // Олена's schedule with one date worked differently (an empty plan: a day off).
  staff::WorkSchedule With(const char* date, staff::DayPlan plan) {
    auto schedule = db_->Read(
        [&](db::Session& s) { return staff_store_.Schedule(s, owner_.org_id, master_id_); });
    std::erase_if(schedule.exceptions, [&](const auto& e) { return e.date == date; });
    schedule.exceptions.push_back({date, std::move(plan)});
    return schedule;
  }

  // The notice as the composer would write it in an SMS on `today`.
  std::string SmsText(const OutboxRow& row, const char* today = "2026-11-22") {
    auto values =
        ScheduleNoticeValues(row.context_json, "Europe/Kyiv", today, Language::kUk, Channel::kSms);
    if (!values) return "(nothing)";
    (*values)["master"] = "Олена";
    auto rendered = RenderMessage(
        DefaultTemplate(MessageKind::kStaffScheduleChanged, Channel::kSms, Language::kUk), *values);
    return rendered ? rendered->body : "(template)";
  }

  void SetKind(bool on) {
    db_->Write([&](db::Session& s) {
      MessagingRules rules;
      nlohmann::json changes = {{"kinds", {{"staff_schedule_changed", on}}}};
      ASSERT_TRUE(ApplyRulesChanges(changes, rules).empty());
      rules_.Save(s, owner_.org_id, 0, RulesJson(rules).dump(), clock_.Now());
    });
  }

  SqlOutboxStore outbox_;
  SqlChatStore chats_;
  SqlChannelSettingsStore channels_;
  SqlMessagingRulesStore rules_;
  Recipients recipients_;
  VisitPlanner planner_;
  ScheduleNoticePlanner notices_;
  staff::StaffService noticed_;
  Id master_id_ = 0;
};

TEST_P(ScheduleNoticesTest, OtherHoursTomorrowMakeOneNoticeInTheSameTransaction) {
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-23", {{600, 1140}})).ok());
  auto rows = Notices();
  ASSERT_EQ(rows.size(), 1u);
  const auto& row = rows[0];
  EXPECT_EQ(row.status, OutboxStatus::kPending);
  EXPECT_EQ(row.recipient_type, RecipientType::kStaff);
  EXPECT_EQ(row.recipient_id, master_id_);
  EXPECT_EQ(row.channel, "sms");
  EXPECT_EQ(row.appointment_id, 0);
  EXPECT_EQ(row.slot, clock_.Now() / 60);
  EXPECT_EQ(row.version, 0);
  EXPECT_EQ(row.branch_id, branch_);
  EXPECT_EQ(row.due_at, clock_.Now() + ScheduleNoticePlanner::kSettleSeconds);
  EXPECT_EQ(SmsText(row), "Олена, ваш графік змінено: пн 23.11: 10:00–19:00.");
  // The same schedule saved again changes no day: nothing more.
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-23", {{600, 1140}})).ok());
  EXPECT_EQ(Notices().size(), 1u);
}

TEST_P(ScheduleNoticesTest, AChangeSoonAfterMergesIntoThePendingNotice) {
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-23", {{600, 1140}})).ok());
  clock_.Advance(20);
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-25", {})).ok());
  auto rows = Notices();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].status, OutboxStatus::kVoided);
  EXPECT_EQ(rows[1].status, OutboxStatus::kPending);
  EXPECT_EQ(rows[1].slot, rows[0].slot);  // the same minute: the next version
  EXPECT_EQ(rows[1].version, 1);
  EXPECT_EQ(rows[1].due_at, rows[0].due_at);  // not held back by the second save
  EXPECT_EQ(SmsText(rows[1]),
            "Олена, ваш графік змінено: пн 23.11: 10:00–19:00; ср 25.11: вихідний.");
  // Undoing both changes leaves nothing to tell.
  clock_.Advance(20);
  auto undone = With("2026-11-25", {{540, 1080}});
  undone.exceptions.clear();
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, undone).ok());
  rows = Notices();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].status, OutboxStatus::kVoided);
}

TEST_P(ScheduleNoticesTest, AnAbsenceIsADayOffAndItsRemovalBringsTheHoursBack) {
  staff::Absence away;
  away.from = "2026-11-24";
  away.to = "2026-11-24";
  auto added = noticed_.AddAbsence(owner_, master_id_, away);
  ASSERT_TRUE(added.ok());
  auto rows = Notices();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(SmsText(rows[0]), "Олена, ваш графік змінено: вт 24.11: вихідний.");
  // Removed a few minutes later, after the notice went: a notice of its own.
  db_->Write([&](db::Session& s) {
    auto claimed = outbox_.Claim(s, clock_.Now() + 120, clock_.Now() + 180, 10);
    ASSERT_EQ(claimed.size(), 1u);
    claimed[0].status = OutboxStatus::kSent;
    claimed[0].sent_at = clock_.Now() + 120;
    ASSERT_TRUE(outbox_.Finish(s, claimed[0], clock_.Now() + 180));
  });
  clock_.Advance(300);
  ASSERT_TRUE(noticed_.RemoveAbsence(owner_, master_id_, added->id).ok());
  rows = Notices();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].status, OutboxStatus::kSent);
  EXPECT_EQ(SmsText(rows[1]), "Олена, ваш графік змінено: вт 24.11: 09:00–18:00.");
  // Once the day is gone, the notice has nothing left to say.
  EXPECT_EQ(SmsText(rows[1], "2026-11-25"), "(nothing)");
}

TEST_P(ScheduleNoticesTest, NothingForFarDaysOwnChangesOrTheKindSwitchedOff) {
  // A month ahead is beyond the notice's two weeks.
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-12-22", {})).ok());
  // Two weeks from today is the 14th day counted from today: still beyond.
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-12-06", {})).ok());
  EXPECT_TRUE(Notices().empty());

  // An administrator who is Олена herself changes her own days.
  auto added = team_.Add(owner_, identity::NewUser{"Олена", "olena@example.com", "admin",
                                                   std::string("kvitka-olena-1")});
  ASSERT_TRUE(added.ok());
  ASSERT_TRUE(staff_
                  .Save(
                      owner_, master_id_,
                      [&](staff::StaffMember& m) { m.user_id = added->member.user.id; },
                      std::nullopt)
                  .ok());
  identity::Actor herself = owner_;
  herself.role = identity::Role::kAdmin;
  herself.user_id = added->member.user.id;
  ASSERT_TRUE(noticed_.SetSchedule(herself, master_id_, With("2026-11-23", {})).ok());
  EXPECT_TRUE(Notices().empty());

  // The kind switched off: the owner's change is not told either; switched on again, it is.
  SetKind(false);
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-24", {})).ok());
  EXPECT_TRUE(Notices().empty());
  SetKind(true);
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-26", {})).ok());
  EXPECT_EQ(Notices().size(), 1u);
}

TEST_P(ScheduleNoticesTest, AMasterNobodyCanReachIsNotTold) {
  ASSERT_TRUE(
      staff_
          .Save(
              owner_, master_id_, [](staff::StaffMember& m) { m.phone.clear(); }, std::nullopt)
          .ok());
  ASSERT_TRUE(noticed_.SetSchedule(owner_, master_id_, With("2026-11-23", {})).ok());
  EXPECT_TRUE(Notices().empty());
}

INSTANTIATE_TEST_SUITE_P(Dialects, ScheduleNoticesTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::messaging
