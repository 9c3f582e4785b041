// The demo salon that `make run` and `kvitka demo` put into an empty database, so that a
// newcomer can sign in and click through everything. Later modules add their data here.
#pragma once

#include <string>
#include <vector>

#include "booking/app/group_service.h"
#include "booking/app/journal_service.h"
#include "booking/app/online_booking.h"
#include "booking/app/waitlist_service.h"
#include "catalog/app/catalog_service.h"
#include "clients/app/client_service.h"
#include "clients/app/tag_service.h"
#include "identity/app/auth_service.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"
#include "staff/app/staff_service.h"

namespace kvitka::demo {

inline constexpr const char* kOwnerEmail = "owner@kvitka.demo";
inline constexpr const char* kPassword = "kvitka-demo";

struct DemoAccount {
  std::string email;
  std::string role;
};

struct DemoResult {
  bool created = false;  // false when the demo salon was already there
  int clients = 0;
  int appointments = 0;
  std::vector<DemoAccount> accounts;
};

// The journal's use cases the demo books through.
struct DemoJournal {
  booking::AppointmentService& appointments;
  booking::JournalService& journal;
  booking::GroupService& groups;
  booking::WaitlistService& waitlist;
  booking::OnlineBooking& online;
};

class DemoSalon {
 public:
  DemoSalon(identity::AuthService& auth, identity::UserService& team,
            identity::BranchService& branches, clients::ClientService& clients,
            clients::TagService& tags, catalog::CatalogService& catalog, staff::StaffService& staff,
            DemoJournal journal)
      : auth_(auth),
        team_(team),
        branches_(branches),
        clients_(clients),
        tags_(tags),
        catalog_(catalog),
        staff_(staff),
        journal_(journal) {}

  // Seeds the demo salon; does nothing when its owner account already exists.
  DemoResult Seed();

 private:
  identity::AuthService& auth_;
  identity::UserService& team_;
  identity::BranchService& branches_;
  clients::ClientService& clients_;
  clients::TagService& tags_;
  catalog::CatalogService& catalog_;
  staff::StaffService& staff_;
  DemoJournal journal_;
};

// The demo catalog and team (see demo_team.cpp); `master_users` links masters to accounts.
void SeedDemoTeam(catalog::CatalogService& catalog, staff::StaffService& staff,
                  const identity::Actor& owner, Id branch_id,
                  const std::vector<std::pair<std::string, Id>>& master_users);

// Two weeks of appointments around `today` (a week back, a week ahead) in every status and
// source, visit records, group master classes with participants and a waitlist. Returns the
// number of appointments booked.
int SeedDemoJournal(const DemoJournal& journal, clients::ClientService& clients,
                    catalog::CatalogService& catalog, staff::StaffService& staff,
                    const identity::Actor& owner, Id branch_id, const std::string& today,
                    EpochSeconds now);

// The demo client base: `count` clients with Ukrainian names, phones, birthdays and tags,
// the same every time (a fixed seed).
void SeedDemoClients(clients::ClientService& clients, clients::TagService& tags,
                     const identity::Actor& owner, int count);

}  // namespace kvitka::demo
