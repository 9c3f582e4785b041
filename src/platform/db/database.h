// The database: a pool of connections and units of work (transactions) over SQLite or
// PostgreSQL. Callers see no SOCI: stores get a Session (platform/db/session.h) inside Write/Read.
#pragma once

#include <memory>
#include <string>
#include <type_traits>

#include "core/result.h"

namespace kvitka::db {

enum class Dialect { kSqlite, kPostgresql };

struct DatabaseUrl {
  Dialect dialect = Dialect::kSqlite;
  std::string connect;  // a file path for SQLite, a libpq connection string for PostgreSQL
};

// "sqlite:PATH", "sqlite://PATH", "postgresql://...", "postgres://..."; an error text otherwise.
Result<DatabaseUrl, std::string> ParseDatabaseUrl(const std::string& url);

// Creates an empty database on a PostgreSQL server (tests, tooling). `name` must be an
// identifier of lower-case letters, digits and underscores.
void CreatePostgresqlDatabase(const std::string& admin_url, const std::string& name);

class Session;  // a leased connection inside a transaction; defined in session.h

enum class TxMode { kRead, kWrite };

// One open transaction; rolls back on destruction unless committed.
class Transaction {
 public:
  virtual ~Transaction() = default;
  virtual Session& session() = 0;
  virtual void Commit() = 0;
};

template <class T>
struct IsResult : std::false_type {};
template <class T, class E>
struct IsResult<Result<T, E>> : std::true_type {};

class Database {
 public:
  virtual ~Database() = default;

  // Opens a pool; creates the SQLite file (and its folder) when missing.
  static std::unique_ptr<Database> Open(const DatabaseUrl& url, std::size_t pool_size = 8);

  virtual Dialect dialect() const = 0;
  virtual std::unique_ptr<Transaction> Begin(TxMode mode) = 0;
  // True when a trivial query answers (health probes).
  virtual bool Ping() = 0;
  // Flushes the SQLite write-ahead log into the main file (no-op on PostgreSQL).
  virtual void Checkpoint() = 0;

  // Runs `work(Session&)` in one write transaction (SQLite: BEGIN IMMEDIATE). Commits when work
  // returns normally (and, for a Result, when it is ok); rolls back on an error or exception.
  template <class F>
  auto Write(F&& work) {
    return Run(TxMode::kWrite, std::forward<F>(work));
  }
  template <class F>
  auto Read(F&& work) {
    return Run(TxMode::kRead, std::forward<F>(work));
  }

 private:
  template <class F>
  auto Run(TxMode mode, F&& work) {
    auto tx = Begin(mode);
    using R = std::invoke_result_t<F, Session&>;
    if constexpr (std::is_void_v<R>) {
      work(tx->session());
      tx->Commit();
    } else {
      R result = work(tx->session());
      if constexpr (IsResult<R>::value) {
        if (result.ok()) tx->Commit();
      } else {
        tx->Commit();
      }
      return result;
    }
  }
};

}  // namespace kvitka::db
