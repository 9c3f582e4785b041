#include "booking/store/sql_booking_store.h"
#include "platform/db/session.h"

namespace kvitka::booking {

using soci::into;
using soci::use;

namespace {

std::vector<GroupEvent> QueryEvents(db::Session& s, const std::string& where, Id org_id,
                                    const std::vector<long long>& params) {
  GroupEvent e;
  Id room = 0;
  soci::indicator room_ind{};
  std::string status;
  soci::statement st(s.sql());
  st.exchange(into(e.id));
  st.exchange(into(e.branch_id));
  st.exchange(into(e.service_id));
  st.exchange(into(e.service_name));
  st.exchange(into(e.staff_id));
  st.exchange(into(room, room_ind));
  st.exchange(into(e.start));
  st.exchange(into(e.end));
  st.exchange(into(e.capacity));
  st.exchange(into(e.seats_taken));
  st.exchange(into(e.price));
  st.exchange(into(status));
  st.exchange(into(e.notes));
  st.exchange(into(e.created_at));
  st.exchange(into(e.updated_at));
  st.exchange(use(org_id));
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(
      "SELECT id, branch_id, service_id, service_name, staff_id, room_id, start_at, end_at, "
      "capacity, seats_taken, price, status, notes, created_at, updated_at FROM group_events " +
      where);
  st.define_and_bind();
  st.execute();
  std::vector<GroupEvent> out;
  while (st.fetch()) {
    GroupEvent row = e;
    row.room_id = db::Optional(room, room_ind);
    row.cancelled = status == "cancelled";
    out.push_back(row);
  }
  return out;
}

}  // namespace

Id SqlGroupEventStore::Insert(db::Session& s, Id org_id, const GroupEvent& e) {
  Id id = 0;
  Id room = e.room_id.value_or(0);
  soci::indicator room_ind = e.room_id ? soci::i_ok : soci::i_null;
  const std::string status = e.cancelled ? "cancelled" : "scheduled";
  s.sql() << "INSERT INTO group_events (org_id, branch_id, service_id, service_name, staff_id, "
             "room_id, start_at, end_at, capacity, seats_taken, price, status, notes, "
             "created_at, updated_at) VALUES (:o, :b, :sv, :sn, :st, :r, :s, :e, :c, :t, :p, "
             ":status, :n, :ca, :ua) RETURNING id",
      use(org_id), use(e.branch_id), use(e.service_id), use(e.service_name), use(e.staff_id),
      use(room, room_ind), use(e.start), use(e.end), use(e.capacity), use(e.seats_taken),
      use(e.price), use(status), use(e.notes), use(e.created_at), use(e.updated_at), into(id);
  return id;
}

void SqlGroupEventStore::Update(db::Session& s, Id org_id, const GroupEvent& e) {
  Id room = e.room_id.value_or(0);
  soci::indicator room_ind = e.room_id ? soci::i_ok : soci::i_null;
  const std::string status = e.cancelled ? "cancelled" : "scheduled";
  s.sql() << "UPDATE group_events SET staff_id = :st, room_id = :r, start_at = :s, end_at = :e, "
             "capacity = :c, price = :p, status = :status, notes = :n, updated_at = :ua WHERE "
             "org_id = :o AND id = :id",
      use(e.staff_id), use(room, room_ind), use(e.start), use(e.end), use(e.capacity), use(e.price),
      use(status), use(e.notes), use(e.updated_at), use(org_id), use(e.id);
}

std::optional<GroupEvent> SqlGroupEventStore::Find(db::Session& s, Id org_id, Id id) {
  auto found = QueryEvents(s, "WHERE org_id = :o AND id = :id", org_id, {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<GroupEvent> SqlGroupEventStore::InBranch(db::Session& s, Id org_id, Id branch_id,
                                                     EpochSeconds from, EpochSeconds to) {
  return QueryEvents(s,
                     "WHERE org_id = :o AND branch_id = :b AND start_at >= :e AND start_at < :t "
                     "AND end_at > :f ORDER BY start_at, id",
                     org_id, {branch_id, from - 86400, to, from});
}

bool SqlGroupEventStore::ChangeSeats(db::Session& s, Id org_id, Id id, int delta) {
  // The row's CHECK refuses more seats than the capacity; the WHERE keeps the statement from
  // failing (a failed statement would abort a PostgreSQL transaction).
  soci::statement st =
      (s.sql().prepare << "UPDATE group_events SET seats_taken = seats_taken + :d WHERE org_id = "
                          ":o AND id = :id AND seats_taken + :d2 <= capacity AND seats_taken + "
                          ":d3 >= 0",
       use(delta), use(org_id), use(id), use(delta), use(delta));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

Id SqlWaitlistStore::Insert(db::Session& s, Id org_id, const WaitlistEntry& e) {
  Id id = 0;
  const std::string services = db::IdSetValue(e.service_ids);
  Id staff = e.staff_id.value_or(0);
  soci::indicator staff_ind = e.staff_id ? soci::i_ok : soci::i_null;
  int tf = e.time_from.value_or(0), tt = e.time_to.value_or(0);
  soci::indicator tf_ind = e.time_from ? soci::i_ok : soci::i_null;
  soci::indicator tt_ind = e.time_to ? soci::i_ok : soci::i_null;
  const std::string status = WaitlistStatusName(e.status);
  s.sql() << "INSERT INTO waitlist (org_id, branch_id, client_id, service_ids, staff_id, "
             "date_from, date_to, time_from, time_to, notes, status, created_at, updated_at) "
             "VALUES (:o, :b, :c, :s, :st, :df, :dt, :tf, :tt, :n, :status, :ca, :ua) "
             "RETURNING id",
      use(org_id), use(e.branch_id), use(e.client_id), use(services), use(staff, staff_ind),
      use(e.date_from), use(e.date_to), use(tf, tf_ind), use(tt, tt_ind), use(e.notes), use(status),
      use(e.created_at), use(e.updated_at), into(id);
  return id;
}

void SqlWaitlistStore::Update(db::Session& s, Id org_id, const WaitlistEntry& e) {
  const std::string status = WaitlistStatusName(e.status);
  EpochSeconds offered = e.offered_start.value_or(0);
  Id offered_staff = e.offered_staff_id.value_or(0);
  soci::indicator o_ind = e.offered_start ? soci::i_ok : soci::i_null;
  soci::indicator os_ind = e.offered_staff_id ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE waitlist SET status = :s, notes = :n, offered_start = :os, "
             "offered_staff_id = :ost, updated_at = :ua WHERE org_id = :o AND id = :id",
      use(status), use(e.notes), use(offered, o_ind), use(offered_staff, os_ind), use(e.updated_at),
      use(org_id), use(e.id);
}

namespace {

std::vector<WaitlistEntry> QueryWaitlist(db::Session& s, const std::string& where, Id org_id,
                                         const std::vector<long long>& numbers,
                                         const std::optional<std::string>& status) {
  WaitlistEntry e;
  std::string services, state;
  Id staff = 0, offered_staff = 0;
  int tf = 0, tt = 0;
  EpochSeconds offered = 0;
  soci::indicator staff_ind{}, tf_ind{}, tt_ind{}, o_ind{}, os_ind{};
  soci::statement st(s.sql());
  st.exchange(into(e.id));
  st.exchange(into(e.branch_id));
  st.exchange(into(e.client_id));
  st.exchange(into(services));
  st.exchange(into(staff, staff_ind));
  st.exchange(into(e.date_from));
  st.exchange(into(e.date_to));
  st.exchange(into(tf, tf_ind));
  st.exchange(into(tt, tt_ind));
  st.exchange(into(e.notes));
  st.exchange(into(state));
  st.exchange(into(offered, o_ind));
  st.exchange(into(offered_staff, os_ind));
  st.exchange(into(e.created_at));
  st.exchange(into(e.updated_at));
  st.exchange(use(org_id));
  for (const auto& n : numbers) st.exchange(use(n));
  if (status) st.exchange(use(*status));
  st.alloc();
  st.prepare(
      "SELECT id, branch_id, client_id, service_ids, staff_id, date_from, date_to, time_from, "
      "time_to, notes, status, offered_start, offered_staff_id, created_at, updated_at FROM "
      "waitlist " +
      where);
  st.define_and_bind();
  st.execute();
  std::vector<WaitlistEntry> out;
  while (st.fetch()) {
    WaitlistEntry row = e;
    row.service_ids = db::SplitIdList(services);
    row.staff_id = db::Optional(staff, staff_ind);
    row.time_from = db::Optional(tf, tf_ind);
    row.time_to = db::Optional(tt, tt_ind);
    row.status = ParseWaitlistStatus(state).value_or(WaitlistStatus::kWaiting);
    row.offered_start = db::Optional(offered, o_ind);
    row.offered_staff_id = db::Optional(offered_staff, os_ind);
    out.push_back(row);
  }
  return out;
}

}  // namespace

std::optional<WaitlistEntry> SqlWaitlistStore::Find(db::Session& s, Id org_id, Id id) {
  auto found = QueryWaitlist(s, "WHERE org_id = :o AND id = :id", org_id, {id}, std::nullopt);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<WaitlistEntry> SqlWaitlistStore::List(db::Session& s, Id org_id, Id branch_id,
                                                  std::optional<WaitlistStatus> status) {
  if (status) {
    return QueryWaitlist(s, "WHERE org_id = :o AND branch_id = :b AND status = :s ORDER BY id",
                         org_id, {branch_id}, std::string(WaitlistStatusName(*status)));
  }
  return QueryWaitlist(s, "WHERE org_id = :o AND branch_id = :b ORDER BY id", org_id, {branch_id},
                       std::nullopt);
}

}  // namespace kvitka::booking
