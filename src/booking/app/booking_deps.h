// What the booking use cases are built from (wired in main.cpp).
#pragma once

#include <string>

#include "booking/app/error.h"
#include "booking/app/stores.h"
#include "catalog/app/catalog_service.h"
#include "clients/app/client_service.h"
#include "core/clock.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "platform/db/database.h"
#include "staff/app/staff_service.h"

namespace kvitka::booking {

// A change other screens should see at once (published after the commit).
struct BookingChange {
  Id org_id = 0;
  Id branch_id = 0;
  std::string topic;  // appointment, group_event, waitlist
  std::string kind;   // created, updated, status, visit, cancelled, offered, ...
  Id id = 0;
  std::string source;  // of an appointment
  std::string status;
  int version = 0;
};

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;
  virtual void Publish(const BookingChange& change) = 0;
};

struct BookingDeps {
  db::Database& db;
  AppointmentStore& appointments;
  GroupEventStore& groups;
  WaitlistStore& waitlist;
  clients::ClientService& clients;
  catalog::CatalogService& catalog;
  staff::StaffService& staff;
  identity::BranchService& branches;
  identity::AuditTrail& audit;
  ChangeFeed& feed;
  const Clock& clock;
};

}  // namespace kvitka::booking
