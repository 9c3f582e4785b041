// The time masters and rooms hold, idempotency keys of create requests, booking events.
#include <algorithm>

#include "booking/store/sql_booking_store.h"
#include "platform/db/session.h"

namespace kvitka::booking {

using soci::into;
using soci::use;

namespace {

const char* ResourceName(Hold::Resource r) {
  return r == Hold::Resource::kStaff ? "staff" : "room";
}

}  // namespace

void SqlAppointmentStore::Lock(db::Session& s, Id org_id, const std::vector<Hold>& holds) {
  if (!s.postgresql()) return;  // SQLite: BEGIN IMMEDIATE serializes every writer
  std::vector<long long> keys;
  for (const auto& h : holds) {
    // One lock key per resource of the organization; a collision only serializes more.
    const long long kind = h.resource == Hold::Resource::kStaff ? 1 : 2;
    keys.push_back(static_cast<long long>((static_cast<unsigned long long>(org_id) * 1000003ULL +
                                           static_cast<unsigned long long>(h.resource_id)) *
                                              4ULL +
                                          static_cast<unsigned long long>(kind)));
  }
  std::sort(keys.begin(), keys.end());  // the same order everywhere: no deadlocks
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (long long key : keys) s.sql() << "SELECT pg_advisory_xact_lock(:k)", use(key);
}

std::vector<Hold> SqlAppointmentStore::Overlapping(db::Session& s, Id org_id,
                                                   const std::vector<Hold>& wanted) {
  std::vector<Id> staff, rooms;
  EpochSeconds from = 0, to = 0;
  for (const auto& h : wanted) {
    (h.resource == Hold::Resource::kStaff ? staff : rooms).push_back(h.resource_id);
    from = from == 0 ? h.span.start : std::min(from, h.span.start);
    to = std::max(to, h.span.end);
  }
  return HoldsIn(s, org_id, staff, rooms, from, to);
}

std::vector<Hold> SqlAppointmentStore::HoldsIn(db::Session& s, Id org_id,
                                               const std::vector<Id>& staff_ids,
                                               const std::vector<Id>& room_ids, EpochSeconds from,
                                               EpochSeconds to) {
  std::vector<Hold> out;
  for (int pass = 0; pass < 2; ++pass) {
    const auto& ids = pass == 0 ? staff_ids : room_ids;
    if (ids.empty()) continue;
    const std::string resource = pass == 0 ? "staff" : "room";
    Hold h;
    h.resource = pass == 0 ? Hold::Resource::kStaff : Hold::Resource::kRoom;
    int exclusive = 0;
    // Holds are at most a day long: the start bound keeps the index range tight.
    const EpochSeconds earliest = from - 86400;
    soci::statement st =
        (s.sql().prepare << "SELECT resource_id, start_at, end_at, exclusive FROM time_holds "
                            "WHERE org_id = :o AND resource = :r AND resource_id IN (" +
                                db::IdSetValue(ids) +
                                ") AND start_at >= :e AND start_at < :t AND end_at > :f",
         use(org_id), use(resource), use(earliest), use(to), use(from), into(h.resource_id),
         into(h.span.start), into(h.span.end), into(exclusive));
    st.execute();
    while (st.fetch()) {
      h.exclusive = exclusive != 0;
      out.push_back(h);
    }
  }
  return out;
}

bool SqlAppointmentStore::AddHolds(db::Session& s, Id org_id, const std::vector<Hold>& holds,
                                   const HoldOwner& owner) {
  Id appointment = owner.appointment_id.value_or(0);
  Id group = owner.group_event_id.value_or(0);
  soci::indicator a_ind = owner.appointment_id ? soci::i_ok : soci::i_null;
  soci::indicator g_ind = owner.group_event_id ? soci::i_ok : soci::i_null;
  try {
    for (const auto& h : holds) {
      const std::string resource = ResourceName(h.resource);
      const int exclusive = h.exclusive ? 1 : 0;
      s.sql() << "INSERT INTO time_holds (org_id, resource, resource_id, start_at, end_at, "
                 "exclusive, appointment_id, group_event_id) VALUES (:o, :r, :id, :s, :e, :x, "
                 ":a, :g)",
          use(org_id), use(resource), use(h.resource_id), use(h.span.start), use(h.span.end),
          use(exclusive), use(appointment, a_ind), use(group, g_ind);
    }
  } catch (const soci::soci_error& e) {
    const std::string what = e.what();
    // SQLite: the trigger's message; PostgreSQL: the exclusion constraint (SQLSTATE 23P01).
    if (what.find("slot_taken") != std::string::npos ||
        what.find("time_holds_no_overlap") != std::string::npos ||
        what.find("23P01") != std::string::npos) {
      return false;
    }
    throw;
  }
  return true;
}

void SqlAppointmentStore::ReleaseHolds(db::Session& s, Id org_id, const HoldOwner& owner) {
  if (owner.appointment_id) {
    s.sql() << "DELETE FROM time_holds WHERE org_id = :o AND appointment_id = :a", use(org_id),
        use(*owner.appointment_id);
  }
  if (owner.group_event_id) {
    s.sql() << "DELETE FROM time_holds WHERE org_id = :o AND group_event_id = :g", use(org_id),
        use(*owner.group_event_id);
  }
}

std::optional<std::pair<std::string, Id>> SqlAppointmentStore::FindRequest(db::Session& s,
                                                                           Id org_id,
                                                                           const std::string& key) {
  std::string fingerprint;
  Id appointment = 0;
  s.sql() << "SELECT fingerprint, appointment_id FROM booking_requests WHERE org_id = :o AND "
             "idempotency_key = :k",
      use(org_id), use(key), into(fingerprint), into(appointment);
  if (!s.sql().got_data()) return std::nullopt;
  return std::make_pair(fingerprint, appointment);
}

bool SqlAppointmentStore::SaveRequest(db::Session& s, Id org_id, const std::string& key,
                                      const std::string& fingerprint, Id appointment_id,
                                      EpochSeconds at) {
  soci::statement st = (s.sql().prepare << "INSERT INTO booking_requests (org_id, "
                                           "idempotency_key, fingerprint, appointment_id, "
                                           "created_at) VALUES (:o, :k, :f, :a, :t) ON CONFLICT "
                                           "DO NOTHING",
                        use(org_id), use(key), use(fingerprint), use(appointment_id), use(at));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

void SqlAppointmentStore::AddEvent(db::Session& s, Id org_id, const BookingEvent& e) {
  Id appointment = e.appointment_id.value_or(0), group = e.group_event_id.value_or(0),
     waitlist = e.waitlist_id.value_or(0);
  soci::indicator a_ind = e.appointment_id ? soci::i_ok : soci::i_null;
  soci::indicator g_ind = e.group_event_id ? soci::i_ok : soci::i_null;
  soci::indicator w_ind = e.waitlist_id ? soci::i_ok : soci::i_null;
  s.sql() << "INSERT INTO booking_events (org_id, branch_id, appointment_id, group_event_id, "
             "waitlist_id, kind, version, details_json, at) VALUES (:o, :b, :a, :g, :w, :k, :v, "
             ":d, :t)",
      use(org_id), use(e.branch_id), use(appointment, a_ind), use(group, g_ind),
      use(waitlist, w_ind), use(e.kind), use(e.version), use(e.details_json), use(e.at);
}

}  // namespace kvitka::booking
