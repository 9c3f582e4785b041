#include "feedback/store/sql_feedback_store.h"

#include <map>

#include "platform/db/session.h"

namespace kvitka::feedback {

using soci::into;
using soci::use;

namespace {

constexpr const char* kColumns =
    "SELECT f.id, f.appointment_id, f.client_id, f.branch_id, f.rating, f.nps, f.comment, "
    "f.visit_start, f.created_at, f.updated_at FROM feedback f ";

// The WHERE clause of a filter and its values, bound in the order they appear.
struct Where {
  std::string sql;
  std::vector<long long> values;
};

Where WhereOf(Id org_id, const FeedbackFilter& filter, std::optional<Id> before_id) {
  Where w{"WHERE f.org_id = :o", {static_cast<long long>(org_id)}};
  if (filter.branch_id) {
    w.sql += " AND f.branch_id = :b";
    w.values.push_back(*filter.branch_id);
  }
  if (filter.client_id) {
    w.sql += " AND f.client_id = :c";
    w.values.push_back(*filter.client_id);
  }
  if (filter.max_rating) {
    w.sql += " AND f.rating <= :r";
    w.values.push_back(*filter.max_rating);
  }
  if (filter.staff_id) {
    w.sql +=
        " AND f.id IN (SELECT fs.feedback_id FROM feedback_staff fs WHERE fs.org_id = :so AND "
        "fs.staff_id = :st)";
    w.values.push_back(org_id);
    w.values.push_back(*filter.staff_id);
  }
  if (before_id) {
    w.sql += " AND f.id < :before";
    w.values.push_back(*before_id);
  }
  return w;
}

// Runs kColumns + `tail` with `values` bound in order; the masters are read by the caller.
std::vector<Feedback> Query(db::Session& s, Id org_id, const std::string& tail,
                            const std::vector<long long>& values) {
  Feedback row;
  row.org_id = org_id;
  long long id = 0, appointment_id = 0, client_id = 0, branch_id = 0;
  long long visit_start = 0, created_at = 0, updated_at = 0;
  int rating = 0, nps = 0;
  soci::indicator nps_ind = soci::i_null;
  std::string comment;
  soci::statement st(s.sql());
  st.exchange(into(id));
  st.exchange(into(appointment_id));
  st.exchange(into(client_id));
  st.exchange(into(branch_id));
  st.exchange(into(rating));
  st.exchange(into(nps, nps_ind));
  st.exchange(into(comment));
  st.exchange(into(visit_start));
  st.exchange(into(created_at));
  st.exchange(into(updated_at));
  for (const auto& value : values) st.exchange(use(value));
  st.alloc();
  st.prepare(kColumns + tail);
  st.define_and_bind();
  st.execute();
  std::vector<Feedback> rows;
  while (st.fetch()) {
    row.id = id;
    row.appointment_id = appointment_id;
    row.client_id = client_id;
    row.branch_id = branch_id;
    row.answer.rating = rating;
    row.answer.nps = db::Optional(nps, nps_ind);
    row.answer.comment = comment;
    row.visit_start = visit_start;
    row.created_at = created_at;
    row.updated_at = updated_at;
    rows.push_back(row);
  }
  return rows;
}

// Fills each answer's masters (in the order of the visit's services).
void ReadMasters(db::Session& s, Id org_id, std::vector<Feedback>& rows) {
  if (rows.empty()) return;
  std::vector<Id> ids;
  ids.reserve(rows.size());
  for (const auto& f : rows) ids.push_back(f.id);
  const std::string set = db::IdSetValue(ids);
  long long feedback_id = 0, staff_id = 0;
  soci::statement st =
      (s.sql().prepare << "SELECT feedback_id, staff_id FROM feedback_staff WHERE org_id = :o AND "
                          "feedback_id IN " +
                              db::IdSet(s, ":ids") + " ORDER BY feedback_id, position",
       use(org_id), use(set), into(feedback_id), into(staff_id));
  st.execute();
  std::map<Id, std::vector<Id>> masters;
  while (st.fetch()) masters[feedback_id].push_back(staff_id);
  for (auto& f : rows) f.staff_ids = masters[f.id];
}

}  // namespace

std::optional<Feedback> SqlFeedbackStore::Find(db::Session& s, Id org_id, Id appointment_id) {
  auto rows = Query(s, org_id, "WHERE f.org_id = :o AND f.appointment_id = :a",
                    {static_cast<long long>(org_id), static_cast<long long>(appointment_id)});
  if (rows.empty()) return std::nullopt;
  ReadMasters(s, org_id, rows);
  return rows.front();
}

std::optional<Id> SqlFeedbackStore::Insert(db::Session& s, const Feedback& f) {
  int nps = f.answer.nps.value_or(0);
  soci::indicator nps_ind = f.answer.nps ? soci::i_ok : soci::i_null;
  long long id = 0;
  soci::indicator id_ind = soci::i_null;
  s.sql() << "INSERT INTO feedback (org_id, appointment_id, client_id, branch_id, rating, nps, "
             "comment, visit_start, created_at, updated_at) VALUES (:o, :a, :c, :b, :r, :n, :cm, "
             ":vs, :ca, :ua) ON CONFLICT (org_id, appointment_id) DO NOTHING RETURNING id",
      use(f.org_id), use(f.appointment_id), use(f.client_id), use(f.branch_id),
      use(f.answer.rating), use(nps, nps_ind), use(f.answer.comment), use(f.visit_start),
      use(f.created_at), use(f.updated_at), into(id, id_ind);
  if (!s.sql().got_data() || id_ind != soci::i_ok) return std::nullopt;
  for (std::size_t i = 0; i < f.staff_ids.size(); ++i) {
    const int position = static_cast<int>(i);
    s.sql() << "INSERT INTO feedback_staff (org_id, feedback_id, staff_id, position) VALUES (:o, "
               ":f, :s, :p)",
        use(f.org_id), use(id), use(f.staff_ids[i]), use(position);
  }
  return static_cast<Id>(id);
}

void SqlFeedbackStore::Update(db::Session& s, const Feedback& f) {
  int nps = f.answer.nps.value_or(0);
  soci::indicator nps_ind = f.answer.nps ? soci::i_ok : soci::i_null;
  s.sql() << "UPDATE feedback SET rating = :r, nps = :n, comment = :c, updated_at = :u WHERE "
             "org_id = :o AND id = :id",
      use(f.answer.rating), use(nps, nps_ind), use(f.answer.comment), use(f.updated_at),
      use(f.org_id), use(f.id);
}

std::vector<Feedback> SqlFeedbackStore::List(db::Session& s, Id org_id,
                                             const FeedbackFilter& filter,
                                             std::optional<Id> before_id, int limit) {
  auto where = WhereOf(org_id, filter, before_id);
  where.values.push_back(limit);
  auto rows = Query(s, org_id, where.sql + " ORDER BY f.id DESC LIMIT :limit", where.values);
  ReadMasters(s, org_id, rows);
  return rows;
}

Counts SqlFeedbackStore::Count(db::Session& s, Id org_id, const FeedbackFilter& filter) {
  const auto where = WhereOf(org_id, filter, std::nullopt);
  Counts c;
  long long values[10] = {};
  soci::statement st(s.sql());
  for (auto& v : values) st.exchange(into(v));
  for (const auto& value : where.values) st.exchange(use(value));
  st.alloc();
  st.prepare(
      "SELECT COUNT(*), COALESCE(SUM(f.rating), 0), "
      "COALESCE(SUM(CASE WHEN f.rating = 1 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN f.rating = 2 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN f.rating = 3 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN f.rating = 4 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN f.rating = 5 THEN 1 ELSE 0 END), 0), COUNT(f.nps), "
      "COALESCE(SUM(CASE WHEN f.nps >= 9 THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN f.nps <= 6 THEN 1 ELSE 0 END), 0) FROM feedback f " +
      where.sql);
  st.define_and_bind();
  st.execute(true);
  c.answers = values[0];
  c.rating_sum = values[1];
  for (int i = 0; i < 5; ++i) c.by_rating[i] = values[2 + i];
  c.nps_answers = values[7];
  c.promoters = values[8];
  c.detractors = values[9];
  return c;
}

}  // namespace kvitka::feedback
