#include "identity/app/audit_trail.h"

namespace kvitka::identity {

void AuditTrail::Record(db::Session& s, const Actor& actor, std::string action, std::string entity,
                        std::optional<Id> entity_id, const Snapshot& before,
                        const Snapshot& after) {
  AuditEntry entry;
  entry.org_id = actor.org_id;
  if (actor.user_id != 0) entry.actor_id = actor.user_id;
  entry.action = std::move(action);
  entry.entity = std::move(entity);
  entry.entity_id = entity_id;
  const auto dump = [](const Snapshot& j) {
    return j.is_null() ? std::string() : j.dump(-1, ' ', false, Snapshot::error_handler_t::replace);
  };
  entry.before_json = dump(before);
  entry.after_json = dump(after);
  entry.ip = actor.ip;
  entry.at = clock_.Now();
  store_.InsertAudit(s, entry);
}

}  // namespace kvitka::identity
