#include "tasks/store/sql_task_store.h"

#include "platform/db/session.h"

namespace kvitka::tasks {

using soci::into;
using soci::use;

namespace {

const char* const kColumns =
    "id, org_id, kind, status, priority, title, notes, due_at, assignee_user_id, client_id, "
    "appointment_id, branch_id, on_date, visit_count, auto_key, created_by, created_at, "
    "updated_at, done_at";

// A task's optional values as SOCI binds them.
struct Values {
  explicit Values(const Task& t)
      : kind(KindName(t.kind)),
        status(StatusName(t.status)),
        priority(PriorityName(t.priority)),
        assignee(t.assignee_user_id.value_or(0)),
        client(t.client_id.value_or(0)),
        appointment(t.appointment_id.value_or(0)),
        branch(t.branch_id.value_or(0)),
        created_by(t.created_by.value_or(0)),
        done_at(t.done_at.value_or(0)),
        auto_key(t.auto_key),
        assignee_ind(t.assignee_user_id ? soci::i_ok : soci::i_null),
        client_ind(t.client_id ? soci::i_ok : soci::i_null),
        appointment_ind(t.appointment_id ? soci::i_ok : soci::i_null),
        branch_ind(t.branch_id ? soci::i_ok : soci::i_null),
        created_by_ind(t.created_by ? soci::i_ok : soci::i_null),
        done_ind(t.done_at ? soci::i_ok : soci::i_null),
        key_ind(t.auto_key.empty() ? soci::i_null : soci::i_ok) {}
  std::string kind, status, priority;
  Id assignee, client, appointment, branch, created_by;
  EpochSeconds done_at;
  std::string auto_key;
  soci::indicator assignee_ind, client_ind, appointment_ind, branch_ind, created_by_ind, done_ind,
      key_ind;
};

// One task row bound to a statement.
struct Row {
  Task t;
  std::string kind, status, priority, auto_key;
  Id assignee = 0, client = 0, appointment = 0, branch = 0, created_by = 0;
  EpochSeconds done_at = 0;
  int visit_count = 0;
  soci::indicator assignee_ind = soci::i_null, client_ind = soci::i_null,
                  appointment_ind = soci::i_null, branch_ind = soci::i_null,
                  created_by_ind = soci::i_null, done_ind = soci::i_null, key_ind = soci::i_null;

  void Bind(soci::statement& st) {
    st.exchange(into(t.id));
    st.exchange(into(t.org_id));
    st.exchange(into(kind));
    st.exchange(into(status));
    st.exchange(into(priority));
    st.exchange(into(t.title));
    st.exchange(into(t.notes));
    st.exchange(into(t.due_at));
    st.exchange(into(assignee, assignee_ind));
    st.exchange(into(client, client_ind));
    st.exchange(into(appointment, appointment_ind));
    st.exchange(into(branch, branch_ind));
    st.exchange(into(t.date));
    st.exchange(into(visit_count));
    st.exchange(into(auto_key, key_ind));
    st.exchange(into(created_by, created_by_ind));
    st.exchange(into(t.created_at));
    st.exchange(into(t.updated_at));
    st.exchange(into(done_at, done_ind));
  }
  Task Get() const {
    Task out = t;
    out.kind = ParseKind(kind).value_or(TaskKind::kManual);
    out.status = ParseStatus(status).value_or(TaskStatus::kOpen);
    out.priority = ParsePriority(priority).value_or(Priority::kNormal);
    out.assignee_user_id = db::Optional(assignee, assignee_ind);
    out.client_id = db::Optional(client, client_ind);
    out.appointment_id = db::Optional(appointment, appointment_ind);
    out.branch_id = db::Optional(branch, branch_ind);
    out.created_by = db::Optional(created_by, created_by_ind);
    out.done_at = db::Optional(done_at, done_ind);
    out.visit_count = visit_count;
    out.auto_key = key_ind == soci::i_ok ? auto_key : "";
    return out;
  }
};

// A WHERE clause with its parameters in order (texts and numbers).
class Query {
 public:
  void Text(std::string value) {
    order_.push_back(static_cast<int>(texts_.size()));
    texts_.push_back(std::move(value));
  }
  void Number(long long value) {
    order_.push_back(-1 - static_cast<int>(numbers_.size()));
    numbers_.push_back(value);
  }
  // Binds the parameters to `st` in order (":p1", ":p2", ... in the text).
  void Bind(soci::statement& st) const {
    for (int k : order_) {
      if (k >= 0) {
        st.exchange(use(texts_[static_cast<std::size_t>(k)]));
      } else {
        st.exchange(use(numbers_[static_cast<std::size_t>(-1 - k)]));
      }
    }
  }
  // The next placeholder's name.
  std::string Next() const { return ":p" + std::to_string(order_.size() + 1); }

  std::string sql;

 private:
  std::vector<std::string> texts_;
  std::vector<long long> numbers_;
  std::vector<int> order_;
};

void AddNumber(Query& q, const std::string& clause_before, long long value,
               const std::string& clause_after = "") {
  q.sql += clause_before + q.Next() + clause_after;
  q.Number(value);
}

void AddText(Query& q, const std::string& clause_before, std::string value) {
  q.sql += clause_before + q.Next();
  q.Text(std::move(value));
}

void AddAssignee(Query& q, const AssigneeFilter& assignee) {
  switch (assignee.kind) {
    case AssigneeFilter::Kind::kAny:
      break;
    case AssigneeFilter::Kind::kUser:
      AddNumber(q, " AND assignee_user_id = ", assignee.user_id);
      break;
    case AssigneeFilter::Kind::kNobody:
      q.sql += " AND assignee_user_id IS NULL";
      break;
  }
}

std::vector<Task> Fetch(db::Session& s, const Query& q) {
  Row row;
  soci::statement st(s.sql());
  row.Bind(st);
  q.Bind(st);
  st.alloc();
  st.prepare(q.sql);
  st.define_and_bind();
  st.execute();
  std::vector<Task> out;
  while (st.fetch()) out.push_back(row.Get());
  return out;
}

// The filters of a list after "WHERE org_id = ?" (status aside).
void AddFilters(Query& q, const TaskFilter& f) {
  AddAssignee(q, f.assignee);
  if (f.client_id) AddNumber(q, " AND client_id = ", *f.client_id);
  if (f.kind) AddText(q, " AND kind = ", KindName(*f.kind));
  if (f.due_before) AddNumber(q, " AND due_at < ", *f.due_before);
}

}  // namespace

Id SqlTaskStore::Insert(db::Session& s, Task& t) {
  Values v(t);
  s.sql() << "INSERT INTO tasks (org_id, kind, status, priority, title, notes, due_at, "
             "assignee_user_id, client_id, appointment_id, branch_id, on_date, visit_count, "
             "auto_key, created_by, created_at, updated_at, done_at) VALUES (:o, :k, :st, :pr, "
             ":ti, :n, :due, :as, :cl, :ap, :br, :d, :vc, :key, :by, :ca, :ua, :done) "
             "RETURNING id",
      use(t.org_id), use(v.kind), use(v.status), use(v.priority), use(t.title), use(t.notes),
      use(t.due_at), use(v.assignee, v.assignee_ind), use(v.client, v.client_ind),
      use(v.appointment, v.appointment_ind), use(v.branch, v.branch_ind), use(t.date),
      use(t.visit_count), use(v.auto_key, v.key_ind), use(v.created_by, v.created_by_ind),
      use(t.created_at), use(t.updated_at), use(v.done_at, v.done_ind), into(t.id);
  return t.id;
}

std::optional<Id> SqlTaskStore::InsertAutomatic(db::Session& s, Task& t) {
  Values v(t);
  Id id = 0;
  s.sql() << "INSERT INTO tasks (org_id, kind, status, priority, title, notes, due_at, "
             "assignee_user_id, client_id, appointment_id, branch_id, on_date, visit_count, "
             "auto_key, created_by, created_at, updated_at, done_at) VALUES (:o, :k, :st, :pr, "
             ":ti, :n, :due, :as, :cl, :ap, :br, :d, :vc, :key, :by, :ca, :ua, :done) "
             "ON CONFLICT (org_id, kind, auto_key) DO NOTHING RETURNING id",
      use(t.org_id), use(v.kind), use(v.status), use(v.priority), use(t.title), use(t.notes),
      use(t.due_at), use(v.assignee, v.assignee_ind), use(v.client, v.client_ind),
      use(v.appointment, v.appointment_ind), use(v.branch, v.branch_ind), use(t.date),
      use(t.visit_count), use(v.auto_key, v.key_ind), use(v.created_by, v.created_by_ind),
      use(t.created_at), use(t.updated_at), use(v.done_at, v.done_ind), into(id);
  if (!s.sql().got_data()) return std::nullopt;
  t.id = id;
  return id;
}

void SqlTaskStore::Update(db::Session& s, const Task& t) {
  Values v(t);
  s.sql() << "UPDATE tasks SET status = :st, priority = :pr, title = :ti, notes = :n, due_at = "
             ":due, assignee_user_id = :as, updated_at = :ua, done_at = :done WHERE org_id = :o "
             "AND id = :id",
      use(v.status), use(v.priority), use(t.title), use(t.notes), use(t.due_at),
      use(v.assignee, v.assignee_ind), use(t.updated_at), use(v.done_at, v.done_ind), use(t.org_id),
      use(t.id);
}

std::optional<Task> SqlTaskStore::Find(db::Session& s, Id org_id, Id id) {
  Query q;
  q.sql = std::string("SELECT ") + kColumns + " FROM tasks WHERE org_id = ";
  AddNumber(q, "", org_id);
  AddNumber(q, " AND id = ", id);
  auto found = Fetch(s, q);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Task> SqlTaskStore::FindAutomatic(db::Session& s, Id org_id, TaskKind kind,
                                                const std::string& auto_key) {
  Query q;
  q.sql = std::string("SELECT ") + kColumns + " FROM tasks WHERE org_id = ";
  AddNumber(q, "", org_id);
  AddText(q, " AND kind = ", KindName(kind));
  AddText(q, " AND auto_key = ", auto_key);
  auto found = Fetch(s, q);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Task> SqlTaskStore::List(db::Session& s, Id org_id, const TaskFilter& filter,
                                     const std::optional<TaskCursor>& after, int limit) {
  // Two ordered parts: the open tasks by due time, then the others latest due first. A cursor
  // in the second part skips the first.
  std::vector<Task> out;
  const bool want_open = !filter.status || *filter.status == TaskStatus::kOpen;
  const bool want_closed = !filter.status || *filter.status != TaskStatus::kOpen;
  if (want_open && (!after || after->rank == 0)) {
    Query q;
    q.sql = std::string("SELECT ") + kColumns + " FROM tasks WHERE org_id = ";
    AddNumber(q, "", org_id);
    q.sql += " AND status = 'open'";
    AddFilters(q, filter);
    if (after) {
      AddNumber(q, " AND (due_at > ", after->due_at);
      AddNumber(q, " OR (due_at = ", after->due_at);
      AddNumber(q, " AND id > ", after->id, "))");
    }
    AddNumber(q, " ORDER BY due_at, id LIMIT ", limit);
    out = Fetch(s, q);
  }
  if (want_closed && static_cast<int>(out.size()) < limit) {
    Query q;
    q.sql = std::string("SELECT ") + kColumns + " FROM tasks WHERE org_id = ";
    AddNumber(q, "", org_id);
    if (filter.status) {
      AddText(q, " AND status = ", StatusName(*filter.status));
    } else {
      q.sql += " AND status <> 'open'";
    }
    AddFilters(q, filter);
    if (after && after->rank == 1) {
      AddNumber(q, " AND (due_at < ", after->due_at);
      AddNumber(q, " OR (due_at = ", after->due_at);
      AddNumber(q, " AND id < ", after->id, "))");
    }
    AddNumber(q, " ORDER BY due_at DESC, id DESC LIMIT ", limit - static_cast<int>(out.size()));
    for (auto& t : Fetch(s, q)) out.push_back(std::move(t));
  }
  return out;
}

TaskCounts SqlTaskStore::Count(db::Session& s, Id org_id, const AssigneeFilter& assignee,
                               EpochSeconds now, EpochSeconds end_of_day) {
  Query q;
  q.sql = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_at < ";
  AddNumber(q, "", now);
  q.sql += " THEN 1 ELSE 0 END), 0), COALESCE(SUM(CASE WHEN due_at >= ";
  AddNumber(q, "", now);
  AddNumber(q, " AND due_at < ", end_of_day);
  q.sql += " THEN 1 ELSE 0 END), 0), MAX(id) FROM tasks WHERE org_id = ";
  AddNumber(q, "", org_id);
  q.sql += " AND status = 'open'";
  AddAssignee(q, assignee);
  TaskCounts counts;
  Id newest = 0;
  soci::indicator newest_ind = soci::i_null;
  soci::statement st(s.sql());
  st.exchange(into(counts.open));
  st.exchange(into(counts.overdue));
  st.exchange(into(counts.due_today));
  st.exchange(into(newest, newest_ind));
  q.Bind(st);
  st.alloc();
  st.prepare(q.sql);
  st.define_and_bind();
  st.execute(true);
  counts.newest_id = db::Optional(newest, newest_ind);
  return counts;
}

void SqlTaskStore::NoteBookingDay(db::Session& s, Id org_id, Id branch_id,
                                  const std::string& date) {
  // Read first: once the day is noted, bookings of that day write nothing here (and never wait
  // for one another on this row).
  long long noted = 0;
  s.sql() << "SELECT COUNT(*) FROM task_booking_days WHERE org_id = :o AND branch_id = :b AND "
             "visit_date = :d",
      use(org_id), use(branch_id), use(date), into(noted);
  if (noted > 0) return;
  s.sql() << "INSERT INTO task_booking_days (org_id, branch_id, visit_date) VALUES (:o, :b, :d) "
             "ON CONFLICT (org_id, branch_id, visit_date) DO NOTHING",
      use(org_id), use(branch_id), use(date);
}

std::vector<TaskStore::BookingDay> SqlTaskStore::BookingDays(db::Session& s,
                                                             const std::string& from,
                                                             const std::string& to) {
  std::vector<BookingDay> out;
  BookingDay day;
  soci::statement st =
      (s.sql().prepare << "SELECT org_id, branch_id, visit_date FROM task_booking_days WHERE "
                          "visit_date >= :f AND visit_date <= :t ORDER BY visit_date, org_id, "
                          "branch_id",
       use(from), use(to), into(day.org_id), into(day.branch_id), into(day.date));
  st.execute();
  while (st.fetch()) out.push_back(day);
  return out;
}

void SqlTaskStore::ForgetBookingDaysBefore(db::Session& s, const std::string& date) {
  s.sql() << "DELETE FROM task_booking_days WHERE visit_date < :d", use(date);
}

}  // namespace kvitka::tasks
