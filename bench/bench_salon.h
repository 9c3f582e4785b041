// A salon with a generated client base for benchmarks, wired like the server.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "clients/app/client_service.h"
#include "clients/app/exchange_service.h"
#include "clients/domain/client_rules.h"
#include "clients/store/sql_client_catalog_store.h"
#include "clients/store/sql_client_store.h"
#include "core/secret.h"
#include "identity/app/auth_service.h"
#include "identity/app/branch_service.h"
#include "identity/store/sql_organization_store.h"
#include "identity/store/sql_session_store.h"
#include "identity/store/sql_user_store.h"
#include "platform/db/migrations.h"
#include "platform/files/file_storage.h"

namespace kvitka::bench {

inline constexpr const char* kFirstNames[] = {
    "Олена",   "Ірина",    "Наталія",  "Оксана",   "Тетяна", "Юлія",  "Анна",
    "Марія",   "Катерина", "Світлана", "Вікторія", "Дарина", "Софія", "Анастасія",
    "Людмила", "Галина",   "Ольга",    "Христина", "Яна",    "Алла",  "Олександр",
    "Андрій",  "Дмитро",   "Сергій",   "Максим",   "Іван",   "Олег",  "Тарас",
    "Богдан",  "Юрій",     "Olga",     "Anna",     "Maria",  "Iryna", "Kateryna"};
inline constexpr const char* kLastNames[] = {
    "Коваленко", "Бондаренко", "Ткаченко",   "Шевченко",  "Кравченко", "Олійник",    "Лисенко",
    "Руденко",   "Мельник",    "Савченко",   "Петренко",  "Мороз",     "Поліщук",    "Марченко",
    "Павленко",  "Гончаренко", "Кузьменко",  "Ковальчук", "Левченко",  "Литвиненко", "Романюк",
    "Остапчук",  "Кравчук",    "Захарченко", "Тимошенко", "Гнатюк",    "Федоренко",  "Онищенко",
    "Бойко",     "Ткачук",     "Sydorenko",  "Koval",     "Melnyk",    "Bondar",     "Shevchuk"};

// A distinct valid Ukrainian mobile number for every n.
inline std::string PhoneNumber(long n) {
  static constexpr const char* kOperators[] = {"50", "66", "67", "68", "73", "93",
                                               "95", "96", "97", "98", "99"};
  const long local = (n / 11 * 7919) % 10'000'000;
  std::string digits = std::to_string(local);
  return std::string("+380") + kOperators[n % 11] + std::string(7 - digits.size(), '0') + digits;
}

inline std::filesystem::path BenchDataDir() {
  const char* dir = std::getenv("KVITKA_BENCH_DATA");
  std::filesystem::path path = dir && *dir ? dir : "build-bench/data";
  std::filesystem::create_directories(path);
  return path;
}

struct BenchDatabase {
  std::unique_ptr<db::Database> db;
  std::filesystem::path file;  // empty for PostgreSQL
  bool fresh = true;
};

inline BenchDatabase SqliteBenchDatabase(const std::string& name, bool always_fresh = false) {
  const auto file = BenchDataDir() / name;
  if (always_fresh) std::filesystem::remove(file);
  const bool fresh = !std::filesystem::exists(file);
  auto db = db::Database::Open({db::Dialect::kSqlite, file.string()}, 4);
  db::Migrate(*db);
  return {std::move(db), file, fresh};
}

inline BenchDatabase PostgresqlBenchDatabase() {
  const std::string admin = std::getenv("KVITKA_BENCH_PG");
  const std::string name = "kvbench_" + std::to_string(std::random_device{}() % 1000000);
  db::CreatePostgresqlDatabase(admin, name);
  auto db = db::Database::Open(
      {db::Dialect::kPostgresql, admin.substr(0, admin.rfind('/') + 1) + name}, 4);
  db::Migrate(*db);
  return {std::move(db), {}, true};
}

class BenchSalon {
 public:
  BenchSalon(BenchDatabase database, long clients_count)
      : database_(std::move(database)),
        audit_(audit_store_, clock_),
        auth_(*database_.db, orgs_, users_, sessions_, audit_, clock_),
        branches_(*database_.db, orgs_, audit_, clock_),
        storage_(BenchDataDir() / "files"),
        deps_{*database_.db, client_store_, tags_,  segments_, files_, settings_,
              imports_,      storage_,      audit_, branches_, clock_},
        clients(deps_),
        exchange(deps_, clients) {
    if (database_.fresh) {
      identity::SignupInput signup{"Bench Salon",   "Bench", "Europe/Kyiv",
                                   "UAH",           "Owner", "owner@bench.kvitka",
                                   "bench-password"};
      auto grant = auth_.Signup(signup, "bench");
      if (!grant) throw std::runtime_error("bench signup failed");
      Generate(grant->view.org.id, clients_count);
    }
    auto orgs = auth_.FindOrganizations("Bench Salon");
    owner = identity::Actor::System(orgs.at(0).id);
  }

  void Drop() {
    database_.db.reset();
    if (!database_.file.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(database_.file.string() + suffix);
      }
    }
  }

 private:
  void Generate(Id org_id, long count) {
    std::mt19937 random(42);
    const long batch = 20'000;
    for (long start = 0; start < count; start += batch) {
      database_.db->Write([&](db::Session& s) {
        for (long i = start; i < std::min(count, start + batch); ++i) {
          clients::Client c;
          c.org_id = org_id;
          c.first_name = kFirstNames[random() % std::size(kFirstNames)];
          c.last_name = kLastNames[random() % std::size(kLastNames)];
          c.phones = {PhoneNumber(i)};
          c.created_at = c.updated_at = 1'700'000'000 + i;
          client_store_.Insert(s, c, clients::SearchText(c));
        }
      });
    }
  }

  BenchDatabase database_;
  SystemClock clock_;
  identity::SqlOrganizationStore orgs_;
  identity::SqlUserStore users_;
  identity::SqlSessionStore sessions_;
  identity::SqlAuditStore audit_store_;
  identity::AuditTrail audit_;
  identity::AuthService auth_;
  identity::BranchService branches_;
  clients::SqlClientStore client_store_;
  clients::SqlTagStore tags_;
  clients::SqlSegmentStore segments_;
  clients::SqlClientFileStore files_;
  clients::SqlClientSettingsStore settings_;
  clients::SqlImportStore imports_;
  files::DiskFileStorage storage_;
  clients::ClientDeps deps_;

 public:
  clients::ClientService clients;
  clients::ClientExchange exchange;
  identity::Actor owner;
};

}  // namespace kvitka::bench
