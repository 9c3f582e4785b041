// The client list: search and filters turned into one SQL query per dialect.
#include "clients/store/sql_client_store.h"
#include "core/text.h"
#include "platform/db/session.h"

namespace kvitka::clients {

namespace {

// A WHERE clause with its parameters in order.
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
  std::string sql;
  bool fts = false;  // rows come from the SQLite full-text index `s`
  std::vector<std::string> texts_;
  std::vector<long long> numbers_;
  std::vector<int> order_;
};

// FTS5 phrase: the text in double quotes, quotes doubled.
std::string Phrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// LIKE pattern matching `text` anywhere, with % _ and \ escaped.
std::string Contains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// FROM and WHERE of a filtered list (rows are `c`).
Query Where(db::Session& s, Id org_id, const ClientFilter& f) {
  Query q;
  std::string fts;  // SQLite: the MATCH expression
  std::vector<std::string> likes;
  auto add_term = [&](const std::string& term) {
    if (s.postgresql() || Utf8Length(term) < 3) {
      likes.push_back(term);
    } else {
      fts += (fts.empty() ? "" : " AND ") + Phrase(term);
    }
  };
  for (const auto& word : f.search.words) add_term(word);
  if (!f.search.digits.empty()) add_term(f.search.digits);

  if (!fts.empty()) {
    // CROSS JOIN keeps the full-text index as the outer loop: it yields matches newest first
    // (ORDER BY s.rowid DESC), so a page stops after its first rows instead of scanning the
    // organization's clients.
    q.fts = true;
    q.sql =
        " FROM client_search s CROSS JOIN clients c ON c.id = s.rowid WHERE "
        "client_search MATCH ?";
    q.Text(fts);
    q.sql += " AND c.org_id = ?";
  } else {
    q.sql = " FROM clients c WHERE c.org_id = ?";
  }
  q.Number(org_id);
  for (const auto& term : likes) {
    q.sql += " AND c.search_text LIKE ? ESCAPE '\\'";
    q.Text(Contains(term));
  }
  if (f.search.nothing) q.sql += " AND 1 = 0";
  q.sql += " AND c.archived = ?";
  q.Number(f.archived ? 1 : 0);
  for (Id tag : f.tag_ids) {
    q.sql +=
        " AND EXISTS (SELECT 1 FROM client_tag_links l WHERE l.org_id = c.org_id AND "
        "l.client_id = c.id AND l.tag_id = ?)";
    q.Number(tag);
  }
  if (!f.gender.empty()) {
    q.sql += " AND c.gender = ?";
    q.Text(f.gender);
  }
  if (!f.source.empty()) {
    q.sql += " AND c.source = ?";
    q.Text(f.source);
  }
  if (f.consent == "sms") q.sql += " AND c.consent_sms = 1";
  if (f.consent == "telegram") q.sql += " AND c.consent_telegram = 1";
  if (f.consent == "viber") q.sql += " AND c.consent_viber = 1";
  if (f.consent == "email") q.sql += " AND c.consent_email = 1";
  if (f.born_on_or_after) {
    q.sql += " AND c.birthday <> '' AND c.birthday >= ?";
    q.Text(*f.born_on_or_after);
  }
  if (f.born_on_or_before) {
    q.sql += " AND c.birthday <> '' AND c.birthday <= ?";
    q.Text(*f.born_on_or_before);
  }
  if (f.birthday_from || f.birthday_to) {
    const std::string from = f.birthday_from.value_or("01-01");
    const std::string to = f.birthday_to.value_or("12-31");
    q.sql += from <= to ? " AND c.birthday <> '' AND substr(c.birthday, 6, 5) BETWEEN ? AND ?"
                        : " AND c.birthday <> '' AND (substr(c.birthday, 6, 5) >= ? OR "
                          "substr(c.birthday, 6, 5) <= ?)";
    q.Text(from);
    q.Text(to);
  }
  auto number = [&](const char* clause, const auto& value) {
    if (value) {
      q.sql += clause;
      q.Number(static_cast<long long>(*value));
    }
  };
  number(" AND c.created_at >= ?", f.created_from);
  number(" AND c.created_at < ?", f.created_before);
  number(" AND c.last_visit_at IS NOT NULL AND c.last_visit_at < ?", f.last_visit_before);
  number(" AND c.last_visit_at >= ?", f.last_visit_from);
  number(" AND c.visits_count >= ?", f.visits_min);
  number(" AND c.visits_count <= ?", f.visits_max);
  number(" AND c.total_spent >= ?", f.spent_min);
  number(" AND c.total_spent <= ?", f.spent_max);
  number(" AND c.no_shows_count >= ?", f.no_shows_min);
  return q;
}

// SOCI wants named or numbered placeholders: "?" -> ":p1", ":p2", ...
std::string Numbered(const std::string& sql) {
  std::string out;
  int n = 0;
  bool quoted = false;
  for (char c : sql) {
    if (c == '\'') quoted = !quoted;
    if (c == '?' && !quoted) {
      out += ":p" + std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::vector<Client> SqlClientStore::List(db::Session& s, Id org_id, const ClientFilter& filter,
                                         std::optional<Id> before_id, int limit) {
  Query q = Where(s, org_id, filter);
  const char* id = q.fts ? "s.rowid" : "c.id";
  if (before_id) {
    q.sql += std::string(" AND ") + id + " < ?";
    q.Number(*before_id);
  }
  q.sql += std::string(" ORDER BY ") + id + " DESC LIMIT ?";
  q.Number(limit);
  auto clients = FetchClients(s, Numbered(std::string("SELECT ") + kClientColumns + q.sql),
                              q.texts_, q.numbers_, q.order_);
  LoadPhonesAndTags(s, org_id, clients);
  return clients;
}

long long SqlClientStore::Count(db::Session& s, Id org_id, const ClientFilter& filter) {
  Query q = Where(s, org_id, filter);
  long long count = 0;
  soci::statement st(s.sql());
  st.exchange(soci::into(count));
  for (int k : q.order_) {
    if (k >= 0) {
      st.exchange(soci::use(q.texts_[k]));
    } else {
      st.exchange(soci::use(q.numbers_[-1 - k]));
    }
  }
  st.alloc();
  st.prepare(Numbered("SELECT COUNT(*)" + q.sql));
  st.define_and_bind();
  st.execute(true);
  return count;
}

}  // namespace kvitka::clients
