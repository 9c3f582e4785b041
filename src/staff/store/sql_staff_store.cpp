#include "staff/store/sql_staff_store.h"

#include "platform/db/session.h"
#include "staff/app/schedule_json.h"

namespace kvitka::staff {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT id, branch_id, name, position, bio, phone, email, color, photo_file_id, "
    "online_booking, booking_step, hire_date, work_permit_expires, user_id, archived, "
    "created_at FROM staff ";

std::vector<StaffMember> Query(db::Session& s, const std::string& where, Id org_id,
                               const std::vector<long long>& params) {
  StaffMember m;
  Id photo = 0, user = 0;
  soci::indicator photo_ind{}, user_ind{};
  int online = 0, archived = 0;
  soci::statement st(s.sql());
  st.exchange(into(m.id));
  st.exchange(into(m.branch_id));
  st.exchange(into(m.name));
  st.exchange(into(m.position));
  st.exchange(into(m.bio));
  st.exchange(into(m.phone));
  st.exchange(into(m.email));
  st.exchange(into(m.color));
  st.exchange(into(photo, photo_ind));
  st.exchange(into(online));
  st.exchange(into(m.booking_step));
  st.exchange(into(m.hire_date));
  st.exchange(into(m.work_permit_expires));
  st.exchange(into(user, user_ind));
  st.exchange(into(archived));
  st.exchange(into(m.created_at));
  st.exchange(use(org_id));
  for (const auto& p : params) st.exchange(use(p));
  st.alloc();
  st.prepare(kColumns + where);
  st.define_and_bind();
  st.execute();
  std::vector<StaffMember> out;
  while (st.fetch()) {
    StaffMember row = m;
    row.photo_file_id = photo_ind == soci::i_ok ? std::optional<Id>(photo) : std::nullopt;
    row.user_id = user_ind == soci::i_ok ? std::optional<Id>(user) : std::nullopt;
    row.online_booking = online != 0;
    row.archived = archived != 0;
    out.push_back(row);
  }
  return out;
}

template <class T>
soci::indicator Ind(const std::optional<T>& v) {
  return v ? soci::i_ok : soci::i_null;
}

}  // namespace

std::vector<StaffMember> SqlStaffStore::List(db::Session& s, Id org_id, std::optional<Id> branch_id,
                                             bool archived) {
  std::vector<long long> params = {archived ? 1 : 0};
  std::string where = "WHERE org_id = :o AND archived = :a";
  if (branch_id) {
    where += " AND branch_id = :b";
    params.push_back(*branch_id);
  }
  return Query(s, where + " ORDER BY name, id", org_id, params);
}

std::optional<StaffMember> SqlStaffStore::Find(db::Session& s, Id org_id, Id id) {
  auto found = Query(s, "WHERE org_id = :o AND id = :id", org_id, {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

Id SqlStaffStore::Insert(db::Session& s, Id org_id, const StaffMember& m) {
  Id id = 0;
  Id photo = m.photo_file_id.value_or(0), user = m.user_id.value_or(0);
  soci::indicator pi = Ind(m.photo_file_id), ui = Ind(m.user_id);
  const int online = m.online_booking, archived = m.archived;
  s.sql() << "INSERT INTO staff (org_id, branch_id, name, position, bio, phone, email, color, "
             "photo_file_id, online_booking, booking_step, hire_date, work_permit_expires, "
             "user_id, archived, created_at) VALUES (:o, :b, :n, :p, :bio, :ph, :e, :c, :photo, "
             ":on, :step, :hire, :permit, :u, :a, :at) RETURNING id",
      use(org_id), use(m.branch_id), use(m.name), use(m.position), use(m.bio), use(m.phone),
      use(m.email), use(m.color), use(photo, pi), use(online), use(m.booking_step),
      use(m.hire_date), use(m.work_permit_expires), use(user, ui), use(archived), use(m.created_at),
      into(id);
  return id;
}

void SqlStaffStore::Update(db::Session& s, Id org_id, const StaffMember& m) {
  Id photo = m.photo_file_id.value_or(0), user = m.user_id.value_or(0);
  soci::indicator pi = Ind(m.photo_file_id), ui = Ind(m.user_id);
  const int online = m.online_booking, archived = m.archived;
  s.sql() << "UPDATE staff SET branch_id = :b, name = :n, position = :p, bio = :bio, phone = :ph, "
             "email = :e, color = :c, photo_file_id = :photo, online_booking = :on, "
             "booking_step = :step, hire_date = :hire, work_permit_expires = :permit, "
             "user_id = :u, archived = :a WHERE org_id = :o AND id = :id",
      use(m.branch_id), use(m.name), use(m.position), use(m.bio), use(m.phone), use(m.email),
      use(m.color), use(photo, pi), use(online), use(m.booking_step), use(m.hire_date),
      use(m.work_permit_expires), use(user, ui), use(archived), use(org_id), use(m.id);
}

WorkSchedule SqlStaffStore::Schedule(db::Session& s, Id org_id, Id staff_id) {
  std::string text;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT schedule_json FROM staff WHERE org_id = :o AND id = :id", use(org_id),
      use(staff_id), into(text, ind);
  FieldErrors ignored;
  auto json = nlohmann::json::parse(ind == soci::i_ok ? text : "{}", nullptr, false);
  return json.is_discarded() ? WorkSchedule{} : ScheduleFromJson(json, ignored);
}

void SqlStaffStore::SaveSchedule(db::Session& s, Id org_id, Id staff_id, const WorkSchedule& w) {
  const std::string text = ScheduleToJson(w).dump();
  s.sql() << "UPDATE staff SET schedule_json = :j WHERE org_id = :o AND id = :id", use(text),
      use(org_id), use(staff_id);
}

std::map<Id, WorkSchedule> SqlStaffStore::Schedules(db::Session& s, Id org_id,
                                                    const std::vector<Id>& staff_ids) {
  std::map<Id, WorkSchedule> out;
  if (staff_ids.empty()) return out;
  Id id = 0;
  std::string text;
  soci::statement st = (s.sql().prepare << "SELECT id, schedule_json FROM staff WHERE org_id = :o "
                                           "AND id IN (" +
                                               db::IdSetValue(staff_ids) + ")",
                        use(org_id), into(id), into(text));
  st.execute();
  while (st.fetch()) {
    FieldErrors ignored;
    auto json = nlohmann::json::parse(text, nullptr, false);
    out[id] = json.is_discarded() ? WorkSchedule{} : ScheduleFromJson(json, ignored);
  }
  return out;
}

std::map<Id, std::vector<Absence>> SqlStaffStore::AbsencesOf(db::Session& s, Id org_id,
                                                             const std::vector<Id>& staff_ids,
                                                             const std::string& from,
                                                             const std::string& to) {
  std::map<Id, std::vector<Absence>> out;
  if (staff_ids.empty()) return out;
  Absence a;
  Id staff_id = 0;
  std::string reason;
  soci::statement st =
      (s.sql().prepare << "SELECT staff_id, id, from_date, to_date, reason, note FROM "
                          "staff_absences WHERE org_id = :o AND staff_id IN (" +
                              db::IdSetValue(staff_ids) +
                              ") AND deleted_at IS NULL AND to_date >= :lo AND from_date <= :hi "
                              "ORDER BY from_date, id",
       use(org_id), use(from), use(to), into(staff_id), into(a.id), into(a.from), into(a.to),
       into(reason), into(a.note));
  st.execute();
  while (st.fetch()) {
    a.reason = ParseReason(reason).value_or(AbsenceReason::kOther);
    out[staff_id].push_back(a);
  }
  return out;
}

std::vector<Absence> SqlStaffStore::Absences(db::Session& s, Id org_id, Id staff_id,
                                             const std::string& from, const std::string& to) {
  Absence a;
  std::string reason;
  const std::string lo = from.empty() ? "0000-00-00" : from;
  const std::string hi = to.empty() ? "9999-99-99" : to;
  soci::statement st =
      (s.sql().prepare << "SELECT id, from_date, to_date, reason, note FROM staff_absences WHERE "
                          "org_id = :o AND staff_id = :s AND deleted_at IS NULL AND to_date >= "
                          ":lo AND from_date <= :hi ORDER BY from_date, id",
       use(org_id), use(staff_id), use(lo), use(hi), into(a.id), into(a.from), into(a.to),
       into(reason), into(a.note));
  st.execute();
  std::vector<Absence> out;
  while (st.fetch()) {
    a.reason = ParseReason(reason).value_or(AbsenceReason::kOther);
    out.push_back(a);
  }
  return out;
}

Id SqlStaffStore::InsertAbsence(db::Session& s, Id org_id, Id staff_id, const Absence& a,
                                EpochSeconds at) {
  Id id = 0;
  const std::string reason = ReasonName(a.reason);
  s.sql() << "INSERT INTO staff_absences (org_id, staff_id, from_date, to_date, reason, note, "
             "created_at) VALUES (:o, :s, :f, :t, :r, :n, :at) RETURNING id",
      use(org_id), use(staff_id), use(a.from), use(a.to), use(reason), use(a.note), use(at),
      into(id);
  return id;
}

bool SqlStaffStore::DeleteAbsence(db::Session& s, Id org_id, Id staff_id, Id absence_id,
                                  EpochSeconds at) {
  int count = 0;
  s.sql() << "SELECT COUNT(*) FROM staff_absences WHERE org_id = :o AND staff_id = :s AND id = "
             ":id AND deleted_at IS NULL",
      use(org_id), use(staff_id), use(absence_id), into(count);
  if (count == 0) return false;
  s.sql() << "UPDATE staff_absences SET deleted_at = :at WHERE org_id = :o AND id = :id", use(at),
      use(org_id), use(absence_id);
  return true;
}

std::vector<ClosedDay> SqlStaffStore::ClosedDays(db::Session& s, Id org_id, Id branch_id) {
  ClosedDay d;
  soci::statement st = (s.sql().prepare << "SELECT date, reason FROM branch_closed_days WHERE "
                                           "org_id = :o AND branch_id = :b ORDER BY date",
                        use(org_id), use(branch_id), into(d.date), into(d.reason));
  st.execute();
  std::vector<ClosedDay> out;
  while (st.fetch()) out.push_back(d);
  return out;
}

void SqlStaffStore::SetClosedDays(db::Session& s, Id org_id, Id branch_id,
                                  const std::vector<ClosedDay>& days) {
  s.sql() << "DELETE FROM branch_closed_days WHERE org_id = :o AND branch_id = :b", use(org_id),
      use(branch_id);
  for (const auto& d : days) {
    s.sql() << "INSERT INTO branch_closed_days (org_id, branch_id, date, reason) VALUES (:o, :b, "
               ":d, :r) ON CONFLICT DO NOTHING",
        use(org_id), use(branch_id), use(d.date), use(d.reason);
  }
}

void SqlStaffStore::SetCalendarToken(db::Session& s, Id org_id, Id staff_id,
                                     const std::string& token) {
  s.sql() << "UPDATE staff SET calendar_token = :t WHERE org_id = :o AND id = :id", use(token),
      use(org_id), use(staff_id);
}

std::optional<std::string> SqlStaffStore::CalendarToken(db::Session& s, Id org_id, Id staff_id) {
  std::string token;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT calendar_token FROM staff WHERE org_id = :o AND id = :id", use(org_id),
      use(staff_id), into(token, ind);
  if (ind != soci::i_ok || token.empty()) return std::nullopt;
  return token;
}

std::optional<std::pair<Id, Id>> SqlStaffStore::FindByCalendarToken(db::Session& s,
                                                                    const std::string& token) {
  Id org_id = 0, staff_id = 0;
  soci::indicator ind = soci::i_null;
  s.sql() << "SELECT org_id, id FROM staff WHERE calendar_token = :t", use(token),
      into(org_id, ind), into(staff_id);
  if (ind != soci::i_ok || !s.sql().got_data()) return std::nullopt;
  return std::make_pair(org_id, staff_id);
}

void SqlStaffStore::AddEvent(db::Session& s, Id org_id, const StaffEvent& e) {
  s.sql() << "INSERT INTO staff_events (org_id, staff_id, kind, details_json, at) VALUES (:o, "
             ":s, :k, :d, :at)",
      use(org_id), use(e.staff_id), use(e.kind), use(e.details_json), use(e.at);
}

std::vector<StaffEvent> SqlStaffStore::Events(db::Session& s, Id org_id, std::optional<Id> staff_id,
                                              int limit) {
  StaffEvent e;
  const Id staff = staff_id.value_or(0);
  const int any = staff_id ? 0 : 1;
  soci::statement st =
      (s.sql().prepare << "SELECT id, staff_id, kind, details_json, at FROM staff_events WHERE "
                          "org_id = :o AND (:any = 1 OR staff_id = :s) ORDER BY id DESC LIMIT :l",
       use(org_id), use(any), use(staff), use(limit), into(e.id), into(e.staff_id), into(e.kind),
       into(e.details_json), into(e.at));
  st.execute();
  std::vector<StaffEvent> out;
  while (st.fetch()) out.push_back(e);
  return out;
}

}  // namespace kvitka::staff

namespace kvitka::staff {

Id SqlStaffStore::InsertPhoto(db::Session& s, const StaffPhoto& p) {
  Id id = 0;
  s.sql() << "INSERT INTO staff_photos (org_id, staff_id, content_type, size, storage_key, "
             "created_at) VALUES (:o, :m, :t, :sz, :k, :at) RETURNING id",
      soci::use(p.org_id), soci::use(p.staff_id), soci::use(p.content_type), soci::use(p.size),
      soci::use(p.storage_key), soci::use(p.created_at), soci::into(id);
  return id;
}

std::optional<StaffPhoto> SqlStaffStore::PublicPhoto(db::Session& s, Id staff_id) {
  StaffPhoto p;
  s.sql() << "SELECT f.id, f.org_id, f.staff_id, f.content_type, f.size, f.storage_key, "
             "f.created_at FROM staff m JOIN staff_photos f ON f.org_id = m.org_id AND f.id = "
             "m.photo_file_id AND f.staff_id = m.id WHERE m.id = :m AND m.archived = 0 AND "
             "m.online_booking = 1",
      soci::use(staff_id), soci::into(p.id), soci::into(p.org_id), soci::into(p.staff_id),
      soci::into(p.content_type), soci::into(p.size), soci::into(p.storage_key),
      soci::into(p.created_at);
  if (!s.sql().got_data()) return std::nullopt;
  return p;
}

}  // namespace kvitka::staff
