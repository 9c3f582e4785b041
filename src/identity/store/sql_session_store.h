#pragma once

#include "identity/app/stores.h"

namespace kvitka::identity {

class SqlSessionStore final : public SessionStore {
 public:
  Id InsertSession(db::Session& s, const SessionRecord& session) override;
  std::optional<SessionRecord> FindLiveSession(db::Session& s, const std::string& token_hash,
                                               EpochSeconds now) override;
  void RevokeSession(db::Session& s, Id session_id, EpochSeconds at) override;
  void RevokeSessionsOf(db::Session& s, Id org_id, Id user_id, EpochSeconds at) override;
};

class SqlAuditStore final : public AuditStore {
 public:
  Id InsertAudit(db::Session& s, const AuditEntry& entry) override;
  std::vector<AuditEntry> ListAudit(db::Session& s, Id org_id, const AuditFilter& filter) override;
  void RedactAudit(db::Session& s, Id org_id, const std::string& entity, Id entity_id) override;
};

}  // namespace kvitka::identity
