#include "identity/store/sql_session_store.h"

#include "platform/db/session.h"

namespace kvitka::identity {

using soci::into;
using soci::use;

Id SqlSessionStore::InsertSession(db::Session& s, const SessionRecord& r) {
  Id id = 0;
  s.sql() << "INSERT INTO sessions (org_id, user_id, token_hash, csrf_token, created_at, "
             "expires_at, ip) VALUES (:org, :user, :hash, :csrf, :created, :expires, :ip) "
             "RETURNING id",
      use(r.org_id), use(r.user_id), use(r.token_hash), use(r.csrf_token), use(r.created_at),
      use(r.expires_at), use(r.ip), into(id);
  return id;
}

std::optional<SessionRecord> SqlSessionStore::FindLiveSession(db::Session& s,
                                                              const std::string& token_hash,
                                                              EpochSeconds now) {
  SessionRecord r;
  soci::statement st =
      (s.sql().prepare << "SELECT id, org_id, user_id, token_hash, csrf_token, created_at, "
                          "expires_at, ip FROM sessions WHERE token_hash = :hash "
                          "AND revoked_at IS NULL AND expires_at > :now",
       use(token_hash), use(now), into(r.id), into(r.org_id), into(r.user_id), into(r.token_hash),
       into(r.csrf_token), into(r.created_at), into(r.expires_at), into(r.ip));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return r;
}

void SqlSessionStore::RevokeSession(db::Session& s, Id session_id, EpochSeconds at) {
  s.sql() << "UPDATE sessions SET revoked_at = :at WHERE id = :id AND revoked_at IS NULL", use(at),
      use(session_id);
}

void SqlSessionStore::RevokeSessionsOf(db::Session& s, Id org_id, Id user_id, EpochSeconds at) {
  s.sql() << "UPDATE sessions SET revoked_at = :at WHERE org_id = :org AND user_id = :user "
             "AND revoked_at IS NULL",
      use(at), use(org_id), use(user_id);
}

Id SqlAuditStore::InsertAudit(db::Session& s, const AuditEntry& e) {
  Id id = 0;
  Id actor = e.actor_id.value_or(0);
  soci::indicator actor_ind = e.actor_id ? soci::i_ok : soci::i_null;
  Id entity_id = e.entity_id.value_or(0);
  soci::indicator entity_ind = e.entity_id ? soci::i_ok : soci::i_null;
  soci::indicator before_ind = e.before_json.empty() ? soci::i_null : soci::i_ok;
  soci::indicator after_ind = e.after_json.empty() ? soci::i_null : soci::i_ok;
  s.sql() << "INSERT INTO audit_log (org_id, actor_id, action, entity, entity_id, before_json, "
             "after_json, ip, at) VALUES (:org, :actor, :action, :entity, :entity_id, :before, "
             ":after, :ip, :at) RETURNING id",
      use(e.org_id), use(actor, actor_ind), use(e.action), use(e.entity),
      use(entity_id, entity_ind), use(e.before_json, before_ind), use(e.after_json, after_ind),
      use(e.ip), use(e.at), into(id);
  return id;
}

void SqlAuditStore::RedactAudit(db::Session& s, Id org_id, const std::string& entity,
                                Id entity_id) {
  s.sql() << "UPDATE audit_log SET before_json = CASE WHEN before_json IS NULL THEN NULL ELSE "
             "'{\"redacted\":true}' END, after_json = CASE WHEN after_json IS NULL THEN NULL "
             "ELSE '{\"redacted\":true}' END WHERE org_id = :org AND entity = :entity AND "
             "entity_id = :id",
      use(org_id), use(entity), use(entity_id);
}

std::vector<AuditEntry> SqlAuditStore::ListAudit(db::Session& s, Id org_id,
                                                 const AuditFilter& filter) {
  std::string sql =
      "SELECT a.id, a.org_id, a.actor_id, COALESCE(u.name, ''), a.action, a.entity, a.entity_id, "
      "COALESCE(a.before_json, ''), COALESCE(a.after_json, ''), a.ip, a.at "
      "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id WHERE a.org_id = :org";
  const std::string entity = filter.entity.value_or("");
  const Id entity_id = filter.entity_id.value_or(0);
  const Id before_id = filter.before_id.value_or(0);
  if (filter.entity) sql += " AND a.entity = :entity";
  if (filter.entity_id) sql += " AND a.entity_id = :entity_id";
  if (filter.before_id) sql += " AND a.id < :before";
  sql += " ORDER BY a.id DESC LIMIT :limit";

  AuditEntry e;
  Id actor = 0;
  soci::indicator actor_ind = soci::i_null;
  Id row_entity_id = 0;
  soci::indicator entity_ind = soci::i_null;
  soci::statement st(s.sql());
  st.exchange(into(e.id));
  st.exchange(into(e.org_id));
  st.exchange(into(actor, actor_ind));
  st.exchange(into(e.actor_name));
  st.exchange(into(e.action));
  st.exchange(into(e.entity));
  st.exchange(into(row_entity_id, entity_ind));
  st.exchange(into(e.before_json));
  st.exchange(into(e.after_json));
  st.exchange(into(e.ip));
  st.exchange(into(e.at));
  st.exchange(use(org_id));
  if (filter.entity) st.exchange(use(entity));
  if (filter.entity_id) st.exchange(use(entity_id));
  if (filter.before_id) st.exchange(use(before_id));
  st.exchange(use(filter.limit));
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  st.execute();
  std::vector<AuditEntry> out;
  while (st.fetch()) {
    e.actor_id = db::Optional(actor, actor_ind);
    e.entity_id = db::Optional(row_entity_id, entity_ind);
    out.push_back(e);
  }
  return out;
}

}  // namespace kvitka::identity
