// Online booking's SQL: branch rules, manage tokens and the per-phone lock.
#include "booking/store/sql_booking_store.h"
#include "core/secret.h"
#include "platform/db/session.h"

namespace kvitka::booking {

using soci::into;
using soci::use;

std::optional<OnlineRules> SqlOnlineStore::Rules(db::Session& s, Id org_id, Id branch_id) {
  OnlineRules r;
  int enabled = 0, auto_confirm = 0, master_required = 0;
  s.sql() << "SELECT enabled, lead_minutes, horizon_days, step_minutes, auto_confirm, "
             "cancel_deadline_minutes, master_required, max_future_bookings, phone, message "
             "FROM online_booking_rules WHERE org_id = :o AND branch_id = :b",
      use(org_id), use(branch_id), into(enabled), into(r.lead_minutes), into(r.horizon_days),
      into(r.step_minutes), into(auto_confirm), into(r.cancel_deadline_minutes),
      into(master_required), into(r.max_future_bookings), into(r.phone), into(r.message);
  if (!s.sql().got_data()) return std::nullopt;
  r.enabled = enabled != 0;
  r.auto_confirm = auto_confirm != 0;
  r.master_required = master_required != 0;
  return r;
}

void SqlOnlineStore::SaveRules(db::Session& s, Id org_id, Id branch_id, const OnlineRules& r,
                               EpochSeconds at) {
  const int enabled = r.enabled, auto_confirm = r.auto_confirm, master_required = r.master_required;
  s.sql() << "INSERT INTO online_booking_rules (org_id, branch_id, enabled, lead_minutes, "
             "horizon_days, step_minutes, auto_confirm, cancel_deadline_minutes, "
             "master_required, max_future_bookings, phone, message, updated_at) VALUES (:o, :b, "
             ":e, :l, :h, :st, :a, :d, :m, :x, :p, :msg, :at) ON CONFLICT (org_id, branch_id) DO "
             "UPDATE SET enabled = excluded.enabled, lead_minutes = excluded.lead_minutes, "
             "horizon_days = excluded.horizon_days, step_minutes = excluded.step_minutes, "
             "auto_confirm = excluded.auto_confirm, cancel_deadline_minutes = "
             "excluded.cancel_deadline_minutes, master_required = excluded.master_required, "
             "max_future_bookings = excluded.max_future_bookings, phone = excluded.phone, "
             "message = excluded.message, updated_at = excluded.updated_at",
      use(org_id), use(branch_id), use(enabled), use(r.lead_minutes), use(r.horizon_days),
      use(r.step_minutes), use(auto_confirm), use(r.cancel_deadline_minutes), use(master_required),
      use(r.max_future_bookings), use(r.phone), use(r.message), use(at);
}

std::string SqlOnlineStore::IssueToken(db::Session& s, Id org_id, Id appointment_id,
                                       const std::string& fresh, EpochSeconds at) {
  s.sql() << "INSERT INTO manage_tokens (token, org_id, appointment_id, created_at) VALUES (:t, "
             ":o, :a, :at) ON CONFLICT (org_id, appointment_id) DO NOTHING",
      use(fresh), use(org_id), use(appointment_id), use(at);
  std::string token;
  s.sql() << "SELECT token FROM manage_tokens WHERE org_id = :o AND appointment_id = :a",
      use(org_id), use(appointment_id), into(token);
  return token;
}

std::optional<std::pair<Id, Id>> SqlOnlineStore::ResolveToken(db::Session& s,
                                                              const std::string& token) {
  Id org_id = 0, appointment_id = 0;
  s.sql() << "SELECT org_id, appointment_id FROM manage_tokens WHERE token = :t", use(token),
      into(org_id), into(appointment_id);
  if (!s.sql().got_data()) return std::nullopt;
  return std::make_pair(org_id, appointment_id);
}

void SqlOnlineStore::LockPhone(db::Session& s, Id org_id, const std::string& phone) {
  if (!s.postgresql()) return;  // SQLite: BEGIN IMMEDIATE serializes every writer
  // The two-key form: its key space does not overlap the masters' and rooms' one-key locks.
  const int org_key = static_cast<int>(org_id % 2147483647);
  // A hash that is the same in every instance of the server (the lock is shared through the db).
  const int phone_key = std::stoi(HashToken(phone).substr(0, 7), nullptr, 16);
  s.sql() << "SELECT pg_advisory_xact_lock(:o, :p)", use(org_key), use(phone_key);
}

}  // namespace kvitka::booking
