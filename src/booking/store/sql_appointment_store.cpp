#include <algorithm>
#include <map>

#include "booking/store/sql_booking_store.h"
#include "platform/db/session.h"

namespace kvitka::booking {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT id, branch_id, client_id, status, source, notes, cancel_reason, cancelled_by, "
    "version, series_id, group_event_id, visit_notes, formula, photo_file_ids, created_by, "
    "created_at, updated_at FROM appointments ";

void LoadItems(db::Session& s, Id org_id, std::vector<Appointment>& list) {
  if (list.empty()) return;
  std::vector<Id> ids;
  std::map<Id, std::size_t> at;
  for (std::size_t i = 0; i < list.size(); ++i) {
    ids.push_back(list[i].id);
    at[list[i].id] = i;
  }
  const std::string id_list = db::IdSetValue(ids);
  Item item;
  Id appointment_id = 0, room = 0;
  EpochSeconds proc_start = 0, proc_end = 0;
  soci::indicator room_ind{}, proc_start_ind{}, proc_end_ind{};
  soci::statement st =
      (s.sql().prepare << "SELECT appointment_id, id, service_id, service_name, staff_id, "
                          "room_id, start_at, end_at, buffer_after, processing_start, "
                          "processing_end, price, discount_percent FROM appointment_items "
                          "WHERE org_id = :o AND appointment_id IN " +
                              db::IdSet(s, ":ids") + " ORDER BY appointment_id, position",
       use(org_id), use(id_list), into(appointment_id), into(item.id), into(item.service_id),
       into(item.service_name), into(item.staff_id), into(room, room_ind), into(item.start),
       into(item.end), into(item.buffer_after), into(proc_start, proc_start_ind),
       into(proc_end, proc_end_ind), into(item.price), into(item.discount_percent));
  st.execute();
  while (st.fetch()) {
    Item row = item;
    row.room_id = db::Optional(room, room_ind);
    if (proc_start_ind == soci::i_ok && proc_end_ind == soci::i_ok) {
      row.processing = Span{proc_start, proc_end};
    }
    list[at[appointment_id]].items.push_back(row);
  }
}

std::vector<Appointment> Query(db::Session& s, const std::string& where, Id org_id,
                               const std::vector<long long>& params) {
  Appointment a;
  std::string status, source, cancelled_by, photos;
  Id series = 0, group = 0, created_by = 0;
  soci::indicator cancelled_ind{}, series_ind{}, group_ind{}, created_by_ind{};
  soci::statement st(s.sql());
  st.exchange(into(a.id));
  st.exchange(into(a.branch_id));
  st.exchange(into(a.client_id));
  st.exchange(into(status));
  st.exchange(into(source));
  st.exchange(into(a.notes));
  st.exchange(into(a.cancel_reason));
  st.exchange(into(cancelled_by, cancelled_ind));
  st.exchange(into(a.version));
  st.exchange(into(series, series_ind));
  st.exchange(into(group, group_ind));
  st.exchange(into(a.visit.notes));
  st.exchange(into(a.visit.formula));
  st.exchange(into(photos));
  st.exchange(into(created_by, created_by_ind));
  st.exchange(into(a.created_at));
  st.exchange(into(a.updated_at));
  st.exchange(use(org_id));
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(kColumns + where);
  st.define_and_bind();
  st.execute();
  std::vector<Appointment> out;
  while (st.fetch()) {
    Appointment row = a;
    row.status = ParseStatus(status).value_or(Status::kBooked);
    row.source = ParseSource(source).value_or(Source::kFrontDesk);
    row.cancelled_by = cancelled_ind == soci::i_ok ? cancelled_by : "";
    row.series_id = db::Optional(series, series_ind);
    row.group_event_id = db::Optional(group, group_ind);
    row.visit.photo_file_ids = db::SplitIdList(photos);
    row.created_by = created_by_ind == soci::i_ok ? created_by : 0;
    out.push_back(std::move(row));
  }
  LoadItems(s, org_id, out);
  return out;
}

void InsertItems(db::Session& s, Id org_id, Appointment& a) {
  int position = 0;
  for (auto& item : a.items) {
    Id room = item.room_id.value_or(0);
    soci::indicator room_ind = item.room_id ? soci::i_ok : soci::i_null;
    EpochSeconds ps = item.processing ? item.processing->start : 0;
    EpochSeconds pe = item.processing ? item.processing->end : 0;
    soci::indicator p_ind = item.processing ? soci::i_ok : soci::i_null;
    s.sql() << "INSERT INTO appointment_items (org_id, appointment_id, position, service_id, "
               "service_name, staff_id, room_id, start_at, end_at, buffer_after, "
               "processing_start, processing_end, price, discount_percent) VALUES (:o, :a, :p, "
               ":sv, :sn, :st, :r, :s, :e, :b, :ps, :pe, :pr, :d) RETURNING id",
        use(org_id), use(a.id), use(position), use(item.service_id), use(item.service_name),
        use(item.staff_id), use(room, room_ind), use(item.start), use(item.end),
        use(item.buffer_after), use(ps, p_ind), use(pe, p_ind), use(item.price),
        use(item.discount_percent), into(item.id);
    ++position;
  }
}

struct RowValues {
  std::string status, source, cancelled_by, photos;
  soci::indicator cancelled_ind, series_ind, group_ind;
  Id series, group;
  EpochSeconds start, end;
  std::int64_t total;
  explicit RowValues(const Appointment& a)
      : status(StatusName(a.status)),
        source(SourceName(a.source)),
        cancelled_by(a.cancelled_by),
        cancelled_ind(a.cancelled_by.empty() ? soci::i_null : soci::i_ok),
        series_ind(a.series_id ? soci::i_ok : soci::i_null),
        group_ind(a.group_event_id ? soci::i_ok : soci::i_null),
        series(a.series_id.value_or(0)),
        group(a.group_event_id.value_or(0)),
        start(a.Start()),
        end(a.End()),
        total(a.Total()) {
    photos = db::IdSetValue(a.visit.photo_file_ids);
  }
};

}  // namespace

Id SqlAppointmentStore::Insert(db::Session& s, Id org_id, Appointment& a) {
  RowValues v(a);
  s.sql() << "INSERT INTO appointments (org_id, branch_id, client_id, status, source, notes, "
             "cancel_reason, cancelled_by, start_at, end_at, total, version, series_id, "
             "group_event_id, visit_notes, formula, photo_file_ids, created_by, created_at, "
             "updated_at) VALUES (:o, :b, :c, :st, :src, :n, :cr, :cb, :s, :e, :t, :v, :se, :g, "
             ":vn, :f, :ph, :by, :ca, :ua) RETURNING id",
      use(org_id), use(a.branch_id), use(a.client_id), use(v.status), use(v.source), use(a.notes),
      use(a.cancel_reason), use(v.cancelled_by, v.cancelled_ind), use(v.start), use(v.end),
      use(v.total), use(a.version), use(v.series, v.series_ind), use(v.group, v.group_ind),
      use(a.visit.notes), use(a.visit.formula), use(v.photos), use(a.created_by), use(a.created_at),
      use(a.updated_at), into(a.id);
  InsertItems(s, org_id, a);
  return a.id;
}

void SqlAppointmentStore::Update(db::Session& s, Id org_id, Appointment& a) {
  RowValues v(a);
  s.sql() << "UPDATE appointments SET client_id = :c, status = :st, source = :src, notes = :n, "
             "cancel_reason = :cr, cancelled_by = :cb, start_at = :s, end_at = :e, total = :t, "
             "version = :v, series_id = :se, group_event_id = :g, visit_notes = :vn, formula = "
             ":f, photo_file_ids = :ph, updated_at = :ua WHERE org_id = :o AND id = :id",
      use(a.client_id), use(v.status), use(v.source), use(a.notes), use(a.cancel_reason),
      use(v.cancelled_by, v.cancelled_ind), use(v.start), use(v.end), use(v.total), use(a.version),
      use(v.series, v.series_ind), use(v.group, v.group_ind), use(a.visit.notes),
      use(a.visit.formula), use(v.photos), use(a.updated_at), use(org_id), use(a.id);
  s.sql() << "DELETE FROM appointment_items WHERE org_id = :o AND appointment_id = :a", use(org_id),
      use(a.id);
  InsertItems(s, org_id, a);
}

std::optional<Appointment> SqlAppointmentStore::Find(db::Session& s, Id org_id, Id id) {
  auto found = Query(s, "WHERE org_id = :o AND id = :id", org_id, {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Appointment> SqlAppointmentStore::InBranch(db::Session& s, Id org_id, Id branch_id,
                                                       EpochSeconds from, EpochSeconds to,
                                                       bool include_cancelled) {
  // Visits are shorter than a day: the start bound keeps the index range tight.
  std::string where =
      "WHERE org_id = :o AND branch_id = :b AND start_at >= :from AND start_at < :to AND "
      "end_at > :from2";
  if (!include_cancelled) where += " AND status <> 'cancelled'";
  return Query(s, where + " ORDER BY start_at, id", org_id, {branch_id, from - 86400, to, from});
}

std::vector<Appointment> SqlAppointmentStore::OfClient(db::Session& s, Id org_id, Id client_id,
                                                       std::optional<Id> before_id, int limit) {
  std::vector<long long> params = {client_id};
  std::string where = "WHERE org_id = :o AND client_id = :c";
  if (before_id) {
    // Keyset paging by (start, id): the page goes on after the cursor's appointment.
    where +=
        " AND (start_at, id) < (SELECT start_at, id FROM appointments WHERE org_id = :o2 AND id = "
        ":before)";
    params.push_back(org_id);
    params.push_back(*before_id);
  }
  params.push_back(limit);
  return Query(s, where + " ORDER BY start_at DESC, id DESC LIMIT :l", org_id, params);
}

std::vector<Appointment> SqlAppointmentStore::UpcomingOf(db::Session& s, Id org_id, Id client_id,
                                                         EpochSeconds from) {
  return Query(s, "WHERE org_id = :o AND client_id = :c AND start_at > :f ORDER BY start_at, id",
               org_id, {client_id, from});
}

std::vector<Appointment> SqlAppointmentStore::InSeries(db::Session& s, Id org_id, Id series_id,
                                                       EpochSeconds from) {
  return Query(s, "WHERE org_id = :o AND series_id = :s AND start_at >= :f ORDER BY start_at",
               org_id, {series_id, from});
}

std::vector<Appointment> SqlAppointmentStore::OfGroup(db::Session& s, Id org_id,
                                                      Id group_event_id) {
  return Query(s, "WHERE org_id = :o AND group_event_id = :g ORDER BY id", org_id,
               {group_event_id});
}

std::vector<ServiceVisit> SqlAppointmentStore::LastServiceVisits(db::Session& s, Id org_id) {
  std::vector<ServiceVisit> last;
  ServiceVisit v;
  soci::statement st =
      (s.sql().prepare << "SELECT a.id, a.client_id, i.service_id, a.branch_id, i.staff_id, "
                          "i.service_name, i.start_at FROM appointment_items i JOIN appointments a "
                          "ON a.org_id = i.org_id AND a.id = i.appointment_id WHERE i.org_id = :o "
                          "AND a.status = 'completed' ORDER BY a.client_id, i.service_id, "
                          "i.start_at",
       use(org_id), into(v.appointment_id), into(v.client_id), into(v.service_id),
       into(v.branch_id), into(v.staff_id), into(v.service_name), into(v.start));
  st.execute();
  while (st.fetch()) {
    if (!last.empty() && last.back().client_id == v.client_id &&
        last.back().service_id == v.service_id) {
      last.back() = v;  // a later visit with the same service
    } else {
      last.push_back(v);
    }
  }
  return last;
}

std::vector<Id> SqlAppointmentStore::ClientsBookedAfter(db::Session& s, Id org_id,
                                                        EpochSeconds from) {
  std::vector<Id> ids;
  Id id = 0;
  soci::statement st = (s.sql().prepare << "SELECT DISTINCT client_id FROM appointments WHERE "
                                           "org_id = :o AND start_at > :f AND status IN "
                                           "('booked', 'confirmed') ORDER BY client_id",
                        use(org_id), use(from), into(id));
  st.execute();
  while (st.fetch()) ids.push_back(id);
  return ids;
}

std::vector<UpcomingTime> SqlAppointmentStore::UpcomingTimes(db::Session& s, Id org_id,
                                                             EpochSeconds from) {
  std::vector<UpcomingTime> out;
  UpcomingTime t;
  soci::statement st =
      (s.sql().prepare << "SELECT id, branch_id, client_id, version, start_at, created_at FROM "
                          "appointments WHERE org_id = :o AND start_at > :f AND status IN "
                          "('booked', 'confirmed') ORDER BY id",
       use(org_id), use(from), into(t.id), into(t.branch_id), into(t.client_id), into(t.version),
       into(t.start), into(t.created_at));
  st.execute();
  while (st.fetch()) out.push_back(t);
  return out;
}

int SqlAppointmentStore::CountCreatedBy(db::Session& s, Id org_id,
                                        const std::vector<Id>& client_ids, EpochSeconds from,
                                        EpochSeconds to) {
  if (client_ids.empty()) return 0;
  const std::string ids = db::IdSetValue(client_ids);
  int count = 0;
  s.sql() << "SELECT COUNT(*) FROM appointments WHERE org_id = :o AND created_at >= :f AND "
             "created_at < :t AND client_id IN " +
                 db::IdSet(s, ":ids"),
      use(org_id), use(from), use(to), use(ids), into(count);
  return count;
}

clients::VisitStats SqlAppointmentStore::StatsOf(db::Session& s, Id org_id, Id client_id) {
  clients::VisitStats stats;
  EpochSeconds first = 0, last = 0;
  long long spent = 0;
  soci::indicator first_ind{}, last_ind{}, spent_ind{};
  s.sql() << "SELECT COUNT(*), MIN(start_at), MAX(start_at), SUM(total) FROM appointments "
             "WHERE org_id = :o AND client_id = :c AND status = 'completed'",
      use(org_id), use(client_id), into(stats.visits), into(first, first_ind), into(last, last_ind),
      into(spent, spent_ind);
  stats.first_visit_at = db::Optional(first, first_ind);
  stats.last_visit_at = db::Optional(last, last_ind);
  stats.total_spent = spent_ind == soci::i_ok ? spent : 0;
  s.sql() << "SELECT COUNT(*) FROM appointments WHERE org_id = :o AND client_id = :c AND "
             "status = 'no_show'",
      use(org_id), use(client_id), into(stats.no_shows);
  s.sql() << "SELECT COUNT(*) FROM appointments WHERE org_id = :o AND client_id = :c AND "
             "status = 'cancelled'",
      use(org_id), use(client_id), into(stats.cancellations);
  return stats;
}

}  // namespace kvitka::booking
