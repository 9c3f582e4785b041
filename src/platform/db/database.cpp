#include "platform/db/database.h"

#include <postgresql/libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "platform/db/session.h"

namespace kvitka::db {

Result<DatabaseUrl, std::string> ParseDatabaseUrl(const std::string& url) {
  auto starts = [&](std::string_view prefix) { return url.rfind(prefix, 0) == 0; };
  if (starts("sqlite://")) {
    if (url.size() == 9) return Fail(std::string("the sqlite URL needs a file path"));
    return DatabaseUrl{Dialect::kSqlite, url.substr(9)};
  }
  if (starts("sqlite:")) {
    if (url.size() == 7) return Fail(std::string("the sqlite URL needs a file path"));
    return DatabaseUrl{Dialect::kSqlite, url.substr(7)};
  }
  if (starts("postgresql://") || starts("postgres://")) {
    return DatabaseUrl{Dialect::kPostgresql, url};
  }
  return Fail(std::string("database URL must start with sqlite: or postgresql://"));
}

namespace {

// SOCI re-parses PostgreSQL connection strings as key=value pairs, which breaks libpq URIs:
// turn "postgresql://user@host:port/db?opt=x" into "user='user' host='host' ...".
std::string PostgresqlKeywords(const std::string& connect) {
  if (connect.rfind("postgres", 0) != 0) return connect;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(connect.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "invalid PostgreSQL URL";
    PQfreemem(error);
    throw std::invalid_argument(message);
  }
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    std::string value;
    for (const char* c = o->val; *c; ++c) {
      if (*c == '\\' || *c == '\'') value += '\\';
      value += *c;
    }
    out += std::string(out.empty() ? "" : " ") + o->keyword + "='" + value + "'";
  }
  PQconninfoFree(options);
  return out;
}

}  // namespace

void CreatePostgresqlDatabase(const std::string& admin_url, const std::string& name) {
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      throw std::invalid_argument("bad database name: " + name);
    }
  }
  soci::session sql(soci::postgresql, PostgresqlKeywords(admin_url));
  sql << "CREATE DATABASE " + name;
}

void Session::ExecuteScript(const std::string& script) {
  if (dialect_ == Dialect::kSqlite) {
    auto* backend = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend());
    char* error = nullptr;
    if (sqlite_api::sqlite3_exec(backend->conn_, script.c_str(), nullptr, nullptr, &error) !=
        SQLITE_OK) {
      std::string message = error ? error : "unknown sqlite error";
      sqlite_api::sqlite3_free(error);
      throw std::runtime_error("sqlite: " + message);
    }
    return;
  }
  auto* backend = static_cast<soci::postgresql_session_backend*>(sql_.get_backend());
  PGresult* result = PQexec(backend->conn_, script.c_str());
  const auto status = PQresultStatus(result);
  std::string message = PQresultErrorMessage(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    throw std::runtime_error("postgresql: " + message);
  }
}

namespace {

class PooledTransaction final : public Transaction {
 public:
  // `writer` (SQLite writes): held from before a connection is leased until the end, so that
  // writers of this process queue here instead of sleeping in SQLite's busy handler.
  PooledTransaction(soci::connection_pool& pool, Dialect dialect, TxMode mode, std::mutex* writer)
      : writer_lock_(writer ? std::unique_lock<std::mutex>(*writer)
                            : std::unique_lock<std::mutex>()),
        sql_(pool),
        session_(sql_, dialect) {
    if (dialect == Dialect::kSqlite) {
      // IMMEDIATE takes the write lock up front, so read-then-write never deadlocks.
      sql_ << (mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
    } else {
      sql_ << (mode == TxMode::kWrite ? "BEGIN" : "BEGIN READ ONLY");
    }
  }
  ~PooledTransaction() override {
    if (!done_) {
      try {
        sql_ << "ROLLBACK";
      } catch (...) {
        // A failed rollback leaves the connection to be reset by the server; nothing to add.
      }
    }
  }
  Session& session() override { return session_; }
  void Commit() override {
    sql_ << "COMMIT";
    done_ = true;
  }

 private:
  std::unique_lock<std::mutex> writer_lock_;
  soci::session sql_;
  Session session_;
  bool done_ = false;
};

// Each SQLite connection is used by one thread at a time (a unit of work leases it from the
// pool), so SQLite's own per-call connection mutex is not needed: multi-thread mode. It can only
// be chosen before SQLite initializes; when that already happened the call is refused and the
// serialized default stays (correct, a little slower).
void UseSqliteMultiThreadMode() {
  static std::once_flag once;
  std::call_once(once, [] { (void)sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD); });
}

class PooledDatabase final : public Database {
 public:
  PooledDatabase(const DatabaseUrl& url, std::size_t pool_size)
      : dialect_(url.dialect), pool_(pool_size) {
    if (dialect_ == Dialect::kSqlite) UseSqliteMultiThreadMode();
    if (dialect_ == Dialect::kSqlite) {
      const std::filesystem::path path(url.connect);
      if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
    }
    for (std::size_t i = 0; i < pool_size; ++i) {
      soci::session& sql = pool_.at(i);
      if (dialect_ == Dialect::kSqlite) {
        sql.open(soci::sqlite3, "db=\"" + url.connect + "\" timeout=15 shared_cache=false");
        sql << "PRAGMA journal_mode=WAL";
        sql << "PRAGMA synchronous=FULL";
        sql << "PRAGMA foreign_keys=ON";
        sql << "PRAGMA busy_timeout=15000";
      } else {
        sql.open(soci::postgresql, PostgresqlKeywords(url.connect));
        sql << "SET TIME ZONE 'UTC'";
        sql << "SET client_min_messages TO WARNING";
      }
    }
  }

  Dialect dialect() const override { return dialect_; }

  std::unique_ptr<Transaction> Begin(TxMode mode) override {
    const bool sqlite_write = dialect_ == Dialect::kSqlite && mode == TxMode::kWrite;
    return std::make_unique<PooledTransaction>(pool_, dialect_, mode,
                                               sqlite_write ? &writer_ : nullptr);
  }

  bool Ping() override {
    try {
      soci::session sql(pool_);
      int one = 0;
      sql << "SELECT 1", soci::into(one);
      return one == 1;
    } catch (const std::exception&) {
      return false;
    }
  }

  void Checkpoint() override {
    if (dialect_ != Dialect::kSqlite) return;
    soci::session sql(pool_);
    sql << "PRAGMA wal_checkpoint(TRUNCATE)";
  }

 private:
  Dialect dialect_;
  soci::connection_pool pool_;
  std::mutex writer_;
};

}  // namespace

std::unique_ptr<Database> Database::Open(const DatabaseUrl& url, std::size_t pool_size) {
  return std::make_unique<PooledDatabase>(url, pool_size);
}

}  // namespace kvitka::db
