// Online booking on both databases: rules, any master, double taps (also at once), the
// per-phone cap, the black list, the manage link's deadline and moves.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "booking/app/booking_fixture.h"
#include "booking/app/online_booking.h"

namespace kvitka::booking {
namespace {

class OnlineBookingTest : public BookingFixture {
 protected:
  OnlineBookingTest()
      : online_(OnlineBookingDeps{deps_, online_store_, appointments_, availability_, waitlist_,
                                  OnlineLimits{100000, 100000}}) {
    slug_ = db_->Read(
        [&](db::Session& s) { return branches_.FindIn(s, owner_.org_id, branch_)->slug; });
  }

  OnlineBookingRequest Request(const char* start, const std::string& phone,
                               std::optional<Id> staff = std::nullopt) {
    OnlineBookingRequest r;
    r.service_ids = {haircut_};
    r.staff_id = staff;
    r.start = At(start);
    r.visitor = {"Оксана", phone, "", "uk"};
    r.ip = "203.0.113.7";
    return r;
  }

  std::vector<Appointment> Day(const char* date) {
    const EpochSeconds from = *StartOfDay(date, "Europe/Kyiv");
    return db_->Read([&](db::Session& s) {
      return appointments_store_.InBranch(s, owner_.org_id, branch_, from, from + 86400, false);
    });
  }

  SqlOnlineStore online_store_;
  OnlineBooking online_;
  std::string slug_;
};

TEST_P(OnlineBookingTest, BooksAFreeMasterAndANewClientFromThePage) {
  // Master 0 is busy at 10:00 local; "any master" gets master 1.
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  auto booked = online_.Book(slug_, Request("2026-11-23T08:00:00Z", "067 777 00 11"));
  ASSERT_TRUE(booked.ok()) << static_cast<int>(booked.error().code);
  EXPECT_EQ(booked->appointment.items[0].staff_id, masters_[1]);
  EXPECT_EQ(booked->appointment.source, Source::kOnline);
  EXPECT_EQ(booked->appointment.status, Status::kConfirmed);
  EXPECT_EQ(booked->token.size(), 32u);
  auto card = clients_.Get(owner_, booked->appointment.client_id);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->client.source, "online_booking");
  EXPECT_EQ(card->client.phones, std::vector<std::string>{"+380677770011"});
  // Without the front desk's confirmation the booking waits as "booked".
  OnlineRulesPatch rules;
  rules.auto_confirm = false;
  ASSERT_TRUE(online_.SetRules(owner_, branch_, rules).ok());
  auto second = online_.Book(slug_, Request("2026-11-23T10:00:00Z", "+380677770012"));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->appointment.status, Status::kBooked);
}

TEST_P(OnlineBookingTest, AnExistingPhoneLinksTheCardAndABlackListedOneIsRefused) {
  auto booked = online_.Book(slug_, Request("2026-11-23T08:00:00Z", "0671234567"));
  ASSERT_TRUE(booked.ok());
  EXPECT_EQ(booked->appointment.client_id, client_);
  auto tag = tags_.Create(owner_, {"Чорний список", "#212529"});
  ASSERT_TRUE(tag.ok());
  clients::ClientPatch patch;
  patch.tag_ids = std::vector<Id>{tag->id};
  ASSERT_TRUE(clients_.Update(owner_, other_client_, patch).ok());
  auto refused = online_.Book(slug_, Request("2026-11-23T10:00:00Z", "+380671234568"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kRefused);
}

TEST_P(OnlineBookingTest, ADoubleTapBooksOnceEvenAtTheSameMoment) {
  std::atomic<int> ok{0};
  std::vector<std::string> tokens(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      auto r = online_.Book(slug_, Request("2026-11-23T12:00:00Z", "+380679990000"));
      if (r.ok()) {
        ++ok;
        tokens[i] = r->token;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  for (const auto& token : tokens) EXPECT_EQ(token, tokens[0]);
  EXPECT_EQ(Day("2026-11-23").size(), 1u);
}

TEST_P(OnlineBookingTest, TellsWhyATimeCannotBeBookedAndCapsFutureBookingsPerPhone) {
  auto code = [&](const char* start) {
    auto r = online_.Book(slug_, Request(start, "+380675550000"));
    return r.ok()                     ? std::string("ok")
           : r.error().fields.empty() ? "error"
                                      : r.error().fields[0].code;
  };
  EXPECT_EQ(code("2026-11-22T05:00:00Z"), "in_the_past");
  EXPECT_EQ(code("2026-11-22T06:30:00Z"), "too_soon");  // lead 60 min
  EXPECT_EQ(code("2027-03-01T08:00:00Z"), "too_far");   // horizon 60 days
  EXPECT_EQ(code("2026-11-23T08:07:00Z"), "not_available");
  EXPECT_EQ(code("2026-11-23T18:00:00Z"), "not_available");  // 20:00 local
  OnlineRulesPatch rules;
  rules.max_future_bookings = 2;
  ASSERT_TRUE(online_.SetRules(owner_, branch_, rules).ok());
  EXPECT_EQ(code("2026-11-23T08:00:00Z"), "ok");
  EXPECT_EQ(code("2026-11-23T10:00:00Z"), "ok");
  auto third = online_.Book(slug_, Request("2026-11-23T12:00:00Z", "+380675550000"));
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::kTooManyBookings);
}

TEST_P(OnlineBookingTest, TheManageLinkMovesAndCancelsBeforeTheDeadlineOnly) {
  auto booked = online_.Book(slug_, Request("2026-11-23T08:00:00Z", "+380671112233", masters_[0]));
  ASSERT_TRUE(booked.ok());
  // 30 minutes later overlaps the booking itself: its own time counts as free.
  auto moved = online_.Reschedule(booked->token, At("2026-11-23T08:30:00Z"), std::nullopt, "ip");
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->appointment.Start(), At("2026-11-23T08:30:00Z"));
  EXPECT_EQ(moved->token, booked->token);
  OnlineRulesPatch rules;
  rules.cancel_deadline_minutes = 3 * 24 * 60;
  ASSERT_TRUE(online_.SetRules(owner_, branch_, rules).ok());
  auto late = online_.Cancel(booked->token, "", "ip");
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kDeadlinePassed);
  rules.cancel_deadline_minutes = 60;
  ASSERT_TRUE(online_.SetRules(owner_, branch_, rules).ok());
  auto cancelled = online_.Cancel(booked->token, "plans changed", "ip");
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->appointment.status, Status::kCancelled);
  EXPECT_FALSE(cancelled->may_change);
  EXPECT_FALSE(online_.Manage("0123456789abcdef0123456789abcdef").ok());
  EXPECT_FALSE(online_.Manage("../../etc/passwd").ok());
}

INSTANTIATE_TEST_SUITE_P(Dialects, OnlineBookingTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::booking
