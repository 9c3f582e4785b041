// For booking *_dbtest.cpp: clients, catalog, staff and booking services on a fresh test
// database, with one branch (Europe/Kyiv), two masters working 09:00-18:00 every day, and a
// haircut (60 min), a colour with a processing gap, and a group class.
#pragma once

#include <vector>

#include "booking/app/availability_service.h"
#include "booking/app/group_service.h"
#include "booking/app/journal_service.h"
#include "booking/app/waitlist_service.h"
#include "booking/store/sql_booking_store.h"
#include "booking/store/sql_journal_stamp_store.h"
#include "catalog/store/sql_catalog_store.h"
#include "clients/app/clients_fixture.h"
#include "core/time.h"
#include "staff/store/sql_staff_store.h"

namespace kvitka::booking {

class RecordingFeed final : public ChangeFeed {
 public:
  void Publish(const BookingChange& change) override {
    std::lock_guard lock(mutex_);
    changes.push_back(change);
  }
  std::vector<BookingChange> changes;

 private:
  std::mutex mutex_;
};

// Records what the use cases told the outbox port (kind and version of each change) and passes
// it on to `target` when a test wires the real messaging in.
class ForwardedVisitMessages final : public VisitMessages {
 public:
  void Changed(db::Session& s, const identity::Actor& actor, const VisitChange& change) override {
    {
      std::lock_guard lock(mutex_);
      told.emplace_back(change.kind, change.appointment.version);
    }
    if (target != nullptr) target->Changed(s, actor, change);
  }
  std::vector<std::pair<std::string, int>> told;
  VisitMessages* target = nullptr;

 private:
  std::mutex mutex_;
};

class BookingFixture : public clients::ClientsFixture {
 protected:
  BookingFixture()
      : references_(staff_store_, branches_),
        catalog_(*db_, catalog_store_, references_, audit_, clock_),
        staff_(staff::StaffDeps{*db_, staff_store_, catalog_, branches_, team_, audit_, clock_}),
        deps_{*db_,   appointments_store_, groups_store_, waitlist_store_, clients_, catalog_,
              staff_, branches_,           audit_,        feed_,           clock_,   messages_},
        availability_(deps_),
        waitlist_(deps_, availability_),
        appointments_(deps_, waitlist_),
        journal_(appointments_, journal_stamps_),
        groups_(appointments_) {
    clock_.Set(At("2026-11-22T06:00:00Z"));
    branch_ =
        db_->Read([&](db::Session& s) { return orgs_.ListBranches(s, owner_.org_id).front().id; });
    for (const char* name : {"Олена", "Ірина"}) {
      auto saved = staff_.Save(
          owner_, std::nullopt,
          [&](staff::StaffMember& m) {
            m.branch_id = branch_;
            m.name = name;
            m.booking_step = 15;
          },
          std::nullopt);
      EXPECT_TRUE(saved.ok());
      masters_.push_back(saved->member.id);
      staff::SchedulePattern every_day;
      every_day.kind = staff::PatternKind::kEveryDay;
      every_day.valid_from = "2026-01-01";
      every_day.day = {{9 * 60, 18 * 60}};
      staff::WorkSchedule schedule;
      schedule.patterns = {every_day};
      EXPECT_TRUE(staff_.SetSchedule(owner_, saved->member.id, schedule).ok());
    }
    haircut_ = AddService("Стрижка", 60, std::nullopt, false);
    colour_ = AddService("Фарбування", 120, catalog::Processing{30, 60}, false);
    yoga_ = AddService("Йога", 60, std::nullopt, true);
    client_ = Add("Марія", "Коваль", {"+380671234567"}).id;
    other_client_ = Add("Ольга", "Петренко", {"+380671234568"}).id;
  }

  static EpochSeconds At(const char* text) { return *ParseRfc3339(text); }

  Id AddService(const char* name, int minutes, std::optional<catalog::Processing> processing,
                bool group) {
    auto saved = catalog_.SaveService(owner_, std::nullopt, [&](catalog::Service& s) {
      s.name = name;
      s.duration = minutes;
      s.price_min = 50000;
      s.processing = processing;
      s.group = group;
      s.capacity = group ? 2 : 1;
      for (Id m : masters_) s.staff.push_back({m, std::nullopt, std::nullopt, {}});
    });
    EXPECT_TRUE(saved.ok());
    return saved->id;
  }

  NewAppointment Booking(Id client, Id service, Id master, const char* start) {
    NewAppointment in;
    in.branch_id = branch_;
    in.client_id = client;
    in.items = {ItemInput{service, master, At(start), {}, {}, {}, {}}};
    return in;
  }

  SqlAppointmentStore appointments_store_;
  SqlGroupEventStore groups_store_;
  SqlWaitlistStore waitlist_store_;
  SqlJournalStampStore journal_stamps_;
  catalog::SqlCatalogStore catalog_store_;
  staff::SqlStaffStore staff_store_;
  staff::StaffCatalogReferences references_;
  catalog::CatalogService catalog_;
  staff::StaffService staff_;
  RecordingFeed feed_;
  ForwardedVisitMessages messages_;
  BookingDeps deps_;
  AvailabilityService availability_;
  WaitlistService waitlist_;
  AppointmentService appointments_;
  JournalService journal_;
  GroupService groups_;

  Id branch_ = 0;
  std::vector<Id> masters_;
  Id haircut_ = 0, colour_ = 0, yoga_ = 0;
  Id client_ = 0, other_client_ = 0;
};

}  // namespace kvitka::booking
