#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "booking/app/booking_fixture.h"

namespace kvitka::booking {
namespace {

class BookingTest : public BookingFixture {};

StatusChange Change(Status status) { return {status, "", "salon", false}; }

TEST_P(BookingTest, BooksPricesAndRefusesTheSameMasterTwice) {
  auto first = appointments_.Create(owner_, Booking(client_, haircut_, masters_[0],
                                                    "2026-11-23T08:00:00Z"));  // 10:00 local
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->appointment.Total(), 50000);
  EXPECT_EQ(first->appointment.items[0].end, At("2026-11-23T09:00:00Z"));
  auto clash = appointments_.Create(
      owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T08:30:00Z"));
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kSlotTaken);
  EXPECT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[1], "2026-11-23T08:30:00Z"))
          .ok());
  auto late = appointments_.Create(
      owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T17:00:00Z"));  // 19:00
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.error().code, ErrorCode::kOutsideWorkingHours);
  auto forced = Booking(other_client_, haircut_, masters_[0], "2026-11-23T17:00:00Z");
  forced.allow_outside_hours = true;
  EXPECT_TRUE(appointments_.Create(owner_, forced).ok());
}

TEST_P(BookingTest, AnotherClientFitsIntoTheProcessingGap) {
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, colour_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  // The colour develops 08:30-09:30Z: a 60 min haircut at 08:45 would run into the rest of the
  // colour; at 08:30 it fits the gap exactly.
  EXPECT_FALSE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T08:45:00Z"))
          .ok());
  EXPECT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T08:30:00Z"))
          .ok());
}

TEST_P(BookingTest, OneOfManySimultaneousBookingsWins) {
  std::atomic<int> won{0}, taken{0}, other{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 12; ++i) {
    threads.emplace_back([&, i] {
      auto result = appointments_.Create(
          owner_, Booking(i % 2 ? client_ : other_client_, haircut_, masters_[1],
                          i % 3 ? "2026-11-24T10:00:00Z" : "2026-11-24T10:30:00Z"));
      if (result.ok()) {
        ++won;
      } else if (result.error().code == ErrorCode::kSlotTaken) {
        ++taken;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(taken.load(), 11);
  EXPECT_EQ(other.load(), 0);
}

TEST_P(BookingTest, IdempotencyKeyBooksOnce) {
  auto in = Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z");
  in.idempotency_key = "tap-1";
  in.fingerprint = "body-a";
  auto first = appointments_.Create(owner_, in);
  auto again = appointments_.Create(owner_, in);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->appointment.id, again->appointment.id);
  EXPECT_TRUE(again->replayed);
  in.fingerprint = "body-b";
  auto reused = appointments_.Create(owner_, in);
  ASSERT_FALSE(reused.ok());
  EXPECT_EQ(reused.error().code, ErrorCode::kIdempotencyKeyReused);
}

TEST_P(BookingTest, CancelFreesTheTimeAndReopeningNeedsItBack) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"));
  ASSERT_TRUE(a.ok());
  auto cancelled = appointments_.SetStatus(owner_, a->appointment.id,
                                           {Status::kCancelled, "захворіла", "client", false});
  ASSERT_TRUE(cancelled.ok());
  EXPECT_EQ(cancelled->appointment.cancelled_by, "client");
  EXPECT_EQ(cancelled->appointment.version, 2);
  ASSERT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  auto reopened =
      appointments_.SetStatus(owner_, a->appointment.id, {Status::kBooked, "", "salon", false});
  ASSERT_FALSE(reopened.ok());
  EXPECT_EQ(reopened.error().code, ErrorCode::kSlotTaken);
}

TEST_P(BookingTest, StatusesKeepTheClientCardCurrent) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"));
  auto b =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-24T08:00:00Z"));
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(appointments_.SetStatus(owner_, a->appointment.id, Change(Status::kCompleted)).ok());
  ASSERT_TRUE(appointments_.SetStatus(master_, b->appointment.id, Change(Status::kArrived)).ok());
  auto denied = appointments_.SetStatus(master_, b->appointment.id, Change(Status::kCancelled));
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.error().code, ErrorCode::kForbidden);
  ASSERT_TRUE(appointments_.SetStatus(owner_, b->appointment.id, Change(Status::kNoShow)).ok());
  auto card = clients_.Get(owner_, client_);
  ASSERT_TRUE(card.ok());
  EXPECT_EQ(card->client.stats.visits, 1);
  EXPECT_EQ(card->client.stats.no_shows, 1);
  EXPECT_EQ(card->client.stats.total_spent, 50000);
  EXPECT_EQ(card->client.stats.last_visit_at, At("2026-11-23T08:00:00Z"));
}

TEST_P(BookingTest, MovingKeepsTheVisitAndRefusesACollision) {
  auto a =
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"));
  auto b = appointments_.Create(
      owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T10:00:00Z"));
  ASSERT_TRUE(a.ok() && b.ok());
  AppointmentPatch onto_b;
  onto_b.start = At("2026-11-23T10:30:00Z");
  auto clash = appointments_.Change(owner_, a->appointment.id, onto_b);
  ASSERT_FALSE(clash.ok());
  EXPECT_EQ(clash.error().code, ErrorCode::kSlotTaken);
  AppointmentPatch to_other;
  to_other.staff_id = masters_[1];
  to_other.start = At("2026-11-23T10:00:00Z");
  auto moved = appointments_.Change(owner_, a->appointment.id, to_other);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved->appointment.items[0].staff_id, masters_[1]);
  EXPECT_EQ(moved->appointment.version, 2);
  // The old time is free again.
  EXPECT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
}

TEST_P(BookingTest, WeeklySeriesIsAllOrNothing) {
  ASSERT_TRUE(
      appointments_
          .Create(owner_, Booking(other_client_, haircut_, masters_[0], "2026-12-07T08:00:00Z"))
          .ok());
  auto in = Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z");
  in.recurrence = Recurrence{1, true, "", 4};
  auto clash = appointments_.Create(owner_, in);
  ASSERT_FALSE(clash.ok());
  ASSERT_EQ(clash.error().dates.size(), 1u);
  EXPECT_EQ(clash.error().dates[0], At("2026-12-07T08:00:00Z"));
  in.items[0].start = At("2026-11-23T12:00:00Z");
  auto series = appointments_.Create(owner_, in);
  ASSERT_TRUE(series.ok());
  ASSERT_EQ(series->series.size(), 4u);
  EXPECT_EQ(series->appointment.series_id, series->appointment.id);
  auto rest = appointments_.SetStatus(owner_, series->series[1].first,
                                      {Status::kCancelled, "", "client", true});
  ASSERT_TRUE(rest.ok());
  auto first = appointments_.Get(owner_, series->series[0].first);
  auto last = appointments_.Get(owner_, series->series[3].first);
  EXPECT_EQ(first->appointment.status, Status::kBooked);
  EXPECT_EQ(last->appointment.status, Status::kCancelled);
}

TEST_P(BookingTest, GroupClassNeverTakesMoreThanItsSeats) {
  GroupEventInput in;
  in.branch_id = branch_;
  in.service_id = yoga_;
  in.staff_id = masters_[1];
  in.start = At("2026-11-25T08:00:00Z");
  auto event = groups_.Save(owner_, std::nullopt, in);
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(event->event.capacity, 2);
  const Id id = event->event.id;
  auto one = groups_.AddParticipant(owner_, id, client_, "");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(groups_.AddParticipant(owner_, id, client_, "").error().code,
            ErrorCode::kAlreadyParticipant);
  ASSERT_TRUE(groups_.AddParticipant(owner_, id, other_client_, "").ok());
  const Id third = Add("Третя", "", {}).id;
  EXPECT_EQ(groups_.AddParticipant(owner_, id, third, "").error().code, ErrorCode::kGroupFull);
  ASSERT_TRUE(
      appointments_.SetStatus(owner_, one->appointment.id, Change(Status::kCancelled)).ok());
  EXPECT_TRUE(groups_.AddParticipant(owner_, id, third, "").ok());
  // The class holds its master.
  EXPECT_EQ(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[1], "2026-11-25T08:30:00Z"))
          .error()
          .code,
      ErrorCode::kSlotTaken);
}

TEST_P(BookingTest, WaitlistIsOfferedTheFreedTime) {
  std::vector<Id> booked;
  for (int hour = 9; hour < 18; ++hour) {
    for (std::size_t m = 0; m < masters_.size(); ++m) {
      auto in = Booking(other_client_, haircut_, masters_[m], "2026-11-26T00:00:00Z");
      in.items[0].start = *LocalInstant("2026-11-26", hour * 60, "Europe/Kyiv");
      auto a = appointments_.Create(owner_, in);
      ASSERT_TRUE(a.ok());
      booked.push_back(a->appointment.id);
    }
  }
  WaitlistEntry entry;
  entry.branch_id = branch_;
  entry.client_id = client_;
  entry.service_ids = {haircut_};
  entry.date_from = entry.date_to = "2026-11-26";
  entry.time_from = 14 * 60;
  auto added = waitlist_.Add(owner_, entry);
  ASSERT_TRUE(added.ok());
  // Freeing a morning hour is outside the window; an afternoon one matches.
  ASSERT_TRUE(appointments_.SetStatus(owner_, booked[0], Change(Status::kCancelled)).ok());
  EXPECT_EQ(waitlist_.List(owner_, branch_, WaitlistStatus::kOffered)->size(), 0u);
  ASSERT_TRUE(
      appointments_.SetStatus(owner_, booked[12], Change(Status::kCancelled)).ok());  // 15:00
  auto offered = waitlist_.List(owner_, branch_, WaitlistStatus::kOffered);
  ASSERT_EQ(offered->size(), 1u);
  EXPECT_EQ(offered->front().entry.offered_start,
            *LocalInstant("2026-11-26", 15 * 60, "Europe/Kyiv"));
}

TEST_P(BookingTest, AvailabilityAndJournalSeeTheBookings) {
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T07:00:00Z"))
          .ok());
  AvailabilityQuery q;
  q.branch_id = branch_;
  q.service_ids = {haircut_};
  q.staff_id = masters_[0];
  q.from = q.to = "2026-11-23";
  auto found = availability_.Availability(owner_, q);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->days.size(), 1u);
  const auto& slots = found->days[0].slots;
  ASSERT_FALSE(slots.empty());
  EXPECT_EQ(slots.front().start, At("2026-11-23T08:00:00Z"));  // 09:00-10:00 local is taken
  EXPECT_EQ(slots.back().start, At("2026-11-23T15:00:00Z"));   // 17:00 local, ends at 18:00
  auto journal = journal_.Journal(owner_, branch_, "2026-11-23", 1, false);
  ASSERT_TRUE(journal.ok());
  EXPECT_EQ(journal->masters.size(), 2u);
  EXPECT_EQ(journal->appointments.size(), 1u);
  EXPECT_EQ(journal->masters[0].working.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Dialects, BookingTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::booking
