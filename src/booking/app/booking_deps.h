// What the booking use cases are built from (wired in main.cpp).
#pragma once

#include <string>

#include "booking/app/error.h"
#include "booking/app/stores.h"
#include "booking/app/visit_messages.h"
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

// Forbidden unless the actor's role allows the action.
inline Result<Done, Error> Allowed(const identity::Actor& actor, identity::Action action) {
  if (!identity::Allows(actor.role, action)) return Fail(Error(ErrorCode::kForbidden));
  return Done{};
}

// The time zone of a branch (the organization's when the branch is unknown). Reads on its own:
// call it outside a transaction.
inline std::string BranchZone(identity::BranchService& branches, Id org_id, Id branch_id) {
  if (auto branch = branches.Find(org_id, branch_id)) return branch->timezone;
  return branches.Of(org_id).timezone;
}

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
  VisitMessages& messages;
};

}  // namespace kvitka::booking
