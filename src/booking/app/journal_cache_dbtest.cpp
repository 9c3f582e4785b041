// The rendered journal is served from memory only while nothing it shows has changed: every
// kind of change the journal shows is seen by the next read (journal_stamp_dbtest.cpp checks
// the triggers table by table).
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <sstream>
#include <thread>

#include "booking/app/booking_fixture.h"

namespace kvitka::booking {
namespace {

std::atomic<int> renders{0};

// Everything the journal shows, as text (the http layer writes the same as JSON).
std::string Dump(const JournalView& v) {
  renders++;
  std::ostringstream out;
  out << v.branch_id << ' ' << v.timezone << ' ' << v.date << ' ' << v.days << "\nclosed:";
  for (const auto& day : v.closed_days) out << ' ' << day;
  for (const auto& m : v.masters) {
    out << "\nmaster " << m.member.id << ' ' << m.member.name << ' ' << m.member.position << ' '
        << m.member.color << ' ' << m.member.photo_file_id.value_or(0) << ' '
        << m.member.booking_step << ':';
    for (const auto& span : m.working) out << ' ' << span.start << '-' << span.end;
  }
  auto appointment = [&](const AppointmentView& view) {
    const Appointment& a = view.appointment;
    out << "\nvisit " << a.id << ' ' << StatusName(a.status) << ' ' << a.notes << ' '
        << a.cancel_reason << ' ' << a.version << ' ' << a.visit.notes << ' ' << a.visit.formula;
    for (const auto& i : a.items) {
      out << " [" << i.service_name << ' ' << i.staff_id << ' ' << i.room_id.value_or(0) << ' '
          << i.start << '-' << i.end << ' ' << i.price << ' ' << i.discount_percent << ']';
    }
    if (view.client) {
      const auto& c = *view.client;
      out << " client " << c.first_name << ' ' << c.last_name << ' ' << c.notes << ' '
          << c.discount_percent << ' ' << c.stats.visits << ' ' << c.stats.no_shows;
      for (const auto& phone : c.phones) out << ' ' << phone;
      for (const auto& tag : c.tags) out << " #" << tag.name << tag.color;
    }
  };
  for (const auto& a : v.appointments) appointment(a);
  for (const auto& g : v.group_events) {
    const auto& e = g.event;
    out << "\nclass " << e.id << ' ' << e.service_name << ' ' << e.staff_id << ' ' << e.start << '-'
        << e.end << ' ' << e.capacity << ' ' << e.seats_taken << ' ' << e.cancelled << ' '
        << e.notes;
    for (const auto& p : g.participants) appointment(p);
  }
  return out.str();
}

class JournalCacheTest : public BookingFixture {
 protected:
  static constexpr const char* kDay = "2026-11-23";

  Result<RenderedJournal, Error> Render(const identity::Actor& actor, std::string_view tag = {},
                                        JournalService* journal = nullptr) {
    return (journal ? *journal : journal_).Rendered(actor, branch_, kDay, 1, false, Dump, tag);
  }
  // What the journal shows now, read past the cache.
  std::string Fresh(const identity::Actor& actor) {
    auto view = journal_.Journal(actor, branch_, kDay, 1, false);
    EXPECT_TRUE(view.ok());
    return view.ok() ? Dump(*view) : "";
  }
};

TEST_P(JournalCacheTest, KeepsTheTextWhileNothingChanges) {
  auto first = Render(owner_);
  ASSERT_TRUE(first.ok());
  const int built = renders;
  auto again = Render(owner_);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(renders, built);
  EXPECT_EQ(again->text, first->text);  // the very same text
  EXPECT_EQ(again->etag, first->etag);
  EXPECT_EQ(first->etag.front(), '"');

  auto same = Render(owner_, "W/\"other\", " + first->etag);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->text, nullptr);  // not modified
  EXPECT_EQ(same->etag, first->etag);
  EXPECT_NE(Render(owner_, "\"other\"")->text, nullptr);

  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  auto changed = Render(owner_, first->etag);
  ASSERT_TRUE(changed.ok());
  ASSERT_NE(changed->text, nullptr);
  EXPECT_NE(*changed->text, *first->text);
  EXPECT_NE(changed->etag, first->etag);
  EXPECT_EQ(*changed->text, Fresh(owner_));

  // Other days and options are kept apart, and so are the roles: masters see no phones.
  auto master = Render(master_);
  ASSERT_TRUE(master.ok());
  EXPECT_EQ(*master->text, Fresh(master_));
  EXPECT_NE(*master->text, *changed->text);
  EXPECT_NE(master->etag, changed->etag);
  auto two_days = journal_.Rendered(owner_, branch_, kDay, 2, false, Dump);
  ASSERT_TRUE(two_days.ok());
  EXPECT_NE(*two_days->text, *changed->text);

  // Refusals are not kept.
  EXPECT_EQ(journal_.Rendered(owner_, branch_ + 1000, kDay, 1, false, Dump).error().code,
            ErrorCode::kValidation);
  EXPECT_EQ(journal_.Rendered(owner_, branch_, "2026-13-01", 9, false, Dump).error().fields.size(),
            2u);
}

// Each step changes something the journal shows through the use cases, as users do; the next
// read must show it.
TEST_P(JournalCacheTest, EveryKindOfChangeShowsAtOnce) {
  Id visit = 0, tag = 0, event = 0;
  const std::vector<std::pair<std::string, std::function<void()>>> steps = {
      {"booked",
       [&] {
         auto a = appointments_.Create(
             owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"));
         ASSERT_TRUE(a.ok());
         visit = a->appointment.id;
       }},
      {"moved",
       [&] {
         AppointmentPatch p;
         p.start = At("2026-11-23T10:00:00Z");
         ASSERT_TRUE(appointments_.Change(owner_, visit, p).ok());
       }},
      {"notes",
       [&] {
         AppointmentPatch p;
         p.notes = "без фарби";
         ASSERT_TRUE(appointments_.Change(owner_, visit, p).ok());
       }},
      {"arrived",
       [&] {
         ASSERT_TRUE(
             appointments_.SetStatus(owner_, visit, {Status::kArrived, "", "salon", false}).ok());
       }},
      {"visit record",
       [&] {
         VisitRecord record;
         record.notes = "коротко";
         record.formula = "6/0 + 3%";
         ASSERT_TRUE(appointments_.RecordVisit(owner_, visit, record).ok());
       }},
      {"client renamed",
       [&] {
         clients::ClientPatch p;
         p.first_name = "Марічка";
         ASSERT_TRUE(clients_.Update(owner_, client_, p).ok());
       }},
      {"client phone",
       [&] {
         clients::ClientPatch p;
         p.phones = std::vector<std::string>{"+380501112233"};
         ASSERT_TRUE(clients_.Update(owner_, client_, p).ok());
       }},
      {"client tagged",
       [&] {
         auto t = tags_.Create(owner_, {"VIP", "#ff0000"});
         ASSERT_TRUE(t.ok());
         tag = t->id;
         clients::ClientPatch p;
         p.tag_ids = std::vector<Id>{tag};
         ASSERT_TRUE(clients_.Update(owner_, client_, p).ok());
       }},
      {"tag renamed",
       [&] {
         ASSERT_TRUE(tags_.Update(owner_, tag, {"VIP+", std::nullopt}).ok());
       }},
      {"master renamed",
       [&] {
         ASSERT_TRUE(staff_
                         .Save(
                             owner_, masters_[1],
                             [](staff::StaffMember& m) { m.name = "Ірина Б."; }, std::nullopt)
                         .ok());
       }},
      {"schedule",
       [&] {
         staff::SchedulePattern days;
         days.kind = staff::PatternKind::kEveryDay;
         days.valid_from = "2026-01-01";
         days.day = {{10 * 60, 16 * 60}};
         staff::WorkSchedule schedule;
         schedule.patterns = {days};
         ASSERT_TRUE(staff_.SetSchedule(owner_, masters_[1], schedule).ok());
       }},
      {"absence",
       [&] {
         staff::Absence off;
         off.from = off.to = kDay;
         ASSERT_TRUE(staff_.AddAbsence(owner_, masters_[1], off).ok());
       }},
      {"group class",
       [&] {
         GroupEventInput in;
         in.branch_id = branch_;
         in.service_id = yoga_;
         in.staff_id = masters_[0];
         in.start = At("2026-11-23T13:00:00Z");
         auto e = groups_.Save(owner_, std::nullopt, in);
         ASSERT_TRUE(e.ok());
         event = e->event.id;
       }},
      {"participant",
       [&] { ASSERT_TRUE(groups_.AddParticipant(owner_, event, other_client_, "").ok()); }},
      {"cancelled",
       [&] {
         ASSERT_TRUE(
             appointments_.SetStatus(owner_, visit, {Status::kCancelled, "", "client", false})
                 .ok());
       }},
      {"closed day",
       [&] {
         ASSERT_TRUE(staff_.SetClosedDays(owner_, branch_, {{kDay, "свято"}}).ok());
       }},
      {"time zone",
       [&] {
         identity::BranchInput in;
         in.timezone = "Europe/Warsaw";
         ASSERT_TRUE(branches_.Update(owner_, branch_, in).ok());
       }},
  };
  auto before = Render(owner_);
  ASSERT_TRUE(before.ok());
  std::string shown = *before->text;
  for (const auto& [name, change] : steps) {
    SCOPED_TRACE(name);
    change();
    if (HasFatalFailure()) return;
    auto after = Render(owner_);
    ASSERT_TRUE(after.ok());
    const std::string fresh = Fresh(owner_);
    EXPECT_NE(fresh, shown);  // the step changes what the journal shows
    EXPECT_EQ(*after->text, fresh);
    shown = fresh;
  }
}

// Two servers on one database: each keeps its own texts, and sees the other's changes.
TEST_P(JournalCacheTest, AnotherServerSeesTheChange) {
  JournalService second(appointments_, journal_stamps_);
  ASSERT_TRUE(Render(owner_, {}, &second).ok());
  ASSERT_TRUE(Render(owner_).ok());
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  EXPECT_EQ(*Render(owner_, {}, &second)->text, Fresh(owner_));
  EXPECT_EQ(*Render(owner_)->text, Fresh(owner_));
}

// Readers while bookings commit: every read answers, and the last one is the journal of now.
TEST_P(JournalCacheTest, ReadersWhileBookingsCommit) {
  std::atomic<bool> done{false};
  std::atomic<int> failed{0}, read{0};
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      while (!done) {
        auto got = Render(owner_);
        if (!got.ok() || !got->text) failed++;
        read++;
      }
    });
  }
  for (int i = 0; i < 8; ++i) {
    const int hour = 7 + i;
    const std::string start =
        "2026-11-23T" + std::string(hour < 10 ? "0" : "") + std::to_string(hour) + ":00:00Z";
    ASSERT_TRUE(appointments_
                    .Create(owner_, Booking(i % 2 ? client_ : other_client_, haircut_, masters_[0],
                                            start.c_str()))
                    .ok());
  }
  done = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failed, 0);
  auto last = Render(owner_);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(*last->text, Fresh(owner_));
  EXPECT_NE(last->text->find("visit"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Dialects, JournalCacheTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::booking
