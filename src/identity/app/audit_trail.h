// Writes audit entries inside the unit of work of the change they describe. Other modules
// use it through their own app services.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/clock.h"
#include "identity/app/actor.h"
#include "identity/app/stores.h"

namespace kvitka::identity {

using Snapshot = nlohmann::json;  // null when there is no before/after

class AuditTrail {
 public:
  AuditTrail(AuditStore& store, const Clock& clock) : store_(store), clock_(clock) {}

  void Record(db::Session& s, const Actor& actor, std::string action, std::string entity,
              std::optional<Id> entity_id, const Snapshot& before, const Snapshot& after);

  // Keeps that changes happened but drops what they contained (erasure of a person's data).
  void Redact(db::Session& s, Id org_id, const std::string& entity, Id entity_id) {
    store_.RedactAudit(s, org_id, entity, entity_id);
  }

  std::vector<AuditEntry> List(db::Session& s, Id org_id, const AuditFilter& filter) {
    return store_.ListAudit(s, org_id, filter);
  }

 private:
  AuditStore& store_;
  const Clock& clock_;
};

}  // namespace kvitka::identity
