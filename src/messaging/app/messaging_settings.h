// The organization's messaging rules as the settings screen edits them (GET/PUT
// /api/v1/settings/messaging): channel order, reminder offsets, quiet hours (also per branch),
// which kinds go out, and the timing of feedback, come-back and birthday messages.
#pragma once

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/branch_service.h"
#include "messaging/app/error.h"
#include "messaging/app/reminder_replan.h"
#include "messaging/app/stores.h"
#include "messaging/domain/messaging_rules.h"

namespace kvitka::messaging {

// The rules of an organization inside the caller's unit of work (the defaults until saved).
MessagingRules LoadRules(db::Session& s, MessagingRulesStore& store, Id org_id);

// The API's JSON of the rules, and a PUT body applied to them (a missing field keeps its value).
nlohmann::json RulesJson(const MessagingRules& rules);
FieldErrors ApplyRulesChanges(const nlohmann::json& changes, MessagingRules& rules);

class MessagingSettings {
 public:
  MessagingSettings(db::Database& db, MessagingRulesStore& store, identity::BranchService& branches,
                    identity::AuditTrail& audit, const Clock& clock, ReminderReplanner& replanner)
      : db_(db),
        store_(store),
        branches_(branches),
        audit_(audit),
        clock_(clock),
        replanner_(replanner) {}

  Result<MessagingRules, Error> Get(const identity::Actor& actor);
  Result<MessagingRules, Error> Put(const identity::Actor& actor, const nlohmann::json& changes);

 private:
  db::Database& db_;
  MessagingRulesStore& store_;
  identity::BranchService& branches_;
  identity::AuditTrail& audit_;
  const Clock& clock_;
  ReminderReplanner& replanner_;
};

}  // namespace kvitka::messaging
