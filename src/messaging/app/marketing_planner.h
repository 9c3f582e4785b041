// The day's messages of every organization that has them on: birthday greetings (the set number
// of days before), come-back reminders (a few days before a service's usual repeat cycle ends,
// unless the client has booked), and each master's notice of tomorrow's shift (in the evening).
// Written once per client and occasion: running again the same day writes nothing new. Sent in the
// morning; quiet hours and consent apply.
#pragma once

#include "booking/app/appointment_service.h"
#include "catalog/app/catalog_service.h"
#include "messaging/app/visit_planner.h"

namespace kvitka::messaging {

struct MarketingPlannerDeps {
  db::Database& db;
  staff::StaffService& staff;
  MessagingRulesStore& rules;
  Recipients& recipients;
  VisitPlanner& planner;
  clients::ClientService& clients;
  catalog::CatalogService& catalog;
  booking::AppointmentService& appointments;
  identity::BranchService& branches;
};

class MarketingPlanner {
 public:
  explicit MarketingPlanner(MarketingPlannerDeps deps) : d_(deps) {}

  // Messages written for the day of `now`.
  int PlanDue(EpochSeconds now);

 private:
  int Birthdays(Id org_id, const MessagingRules& rules, const std::string& zone, EpochSeconds now);
  int ComeBacks(Id org_id, const MessagingRules& rules, const std::string& zone, EpochSeconds now);
  int ShiftsTomorrow(Id org_id, const MessagingRules& rules, EpochSeconds now);

  MarketingPlannerDeps d_;
};

}  // namespace kvitka::messaging
