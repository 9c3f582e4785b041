#include <gtest/gtest.h>
#include <soci/postgresql/soci-postgresql.h>

#include "platform/db/embedded_file.h"
#include "platform/db/test_database.h"

namespace kvitka::db {
namespace {

class DatabaseTest : public ::testing::TestWithParam<Dialect> {};

TEST_P(DatabaseTest, MigrationsAreAppliedOnce) {
  auto db = OpenTestDatabase(GetParam());
  EXPECT_TRUE(Migrate(*db).empty());  // a second run applies nothing
  const int applied = db->Read([](Session& s) {
    int n = 0;
    s.sql() << "SELECT COUNT(*) FROM schema_migrations", soci::into(n);
    return n;
  });
  EXPECT_EQ(applied, static_cast<int>(EmbeddedMigrations().size()));
}

TEST_P(DatabaseTest, WriteCommitsAndRollsBackOnErrorResult) {
  auto db = OpenTestDatabase(GetParam());
  db->Write([](Session& s) { s.ExecuteScript("CREATE TABLE t (v BIGINT)"); });
  Result<Done, int> failed = db->Write([](Session& s) -> Result<Done, int> {
    s.sql() << "INSERT INTO t (v) VALUES (1)";
    return Fail(7);
  });
  EXPECT_FALSE(failed.ok());
  db->Write([](Session& s) { s.sql() << "INSERT INTO t (v) VALUES (2)"; });
  EXPECT_THROW(db->Write([](Session& s) {
    s.sql() << "INSERT INTO t (v) VALUES (3)";
    throw std::runtime_error("boom");
  }),
               std::runtime_error);
  const long long sum = db->Read([](Session& s) {
    long long total = 0;
    s.sql() << "SELECT COALESCE(SUM(v), 0) FROM t", soci::into(total);
    return total;
  });
  EXPECT_EQ(sum, 2);
}

TEST_P(DatabaseTest, PingAnswers) {
  auto db = OpenTestDatabase(GetParam());
  EXPECT_TRUE(db->Ping());
}

INSTANTIATE_TEST_SUITE_P(Dialects, DatabaseTest, ::testing::ValuesIn(TestDialects()), DialectName);

TEST(DatabaseUrl, ParsesBothDialects) {
  auto sqlite = ParseDatabaseUrl("sqlite:data/kvitka.db");
  ASSERT_TRUE(sqlite.ok());
  EXPECT_EQ(sqlite->dialect, Dialect::kSqlite);
  EXPECT_EQ(sqlite->connect, "data/kvitka.db");
  auto pg = ParseDatabaseUrl("postgresql://kvitka@127.0.0.1:5432/kvitka");
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(pg->dialect, Dialect::kPostgresql);
  EXPECT_FALSE(ParseDatabaseUrl("mysql://x").ok());
  EXPECT_FALSE(ParseDatabaseUrl("sqlite:").ok());
}

TEST(MigrationScript, ReplacesPlaceholdersPerDialect) {
  EXPECT_EQ(MigrationScript("0001_a.sql", "id {{id}}", Dialect::kSqlite),
            "id INTEGER PRIMARY KEY AUTOINCREMENT");
  EXPECT_NE(MigrationScript("0001_a.sql", "id {{id}}", Dialect::kPostgresql).find("IDENTITY"),
            std::string::npos);
  EXPECT_EQ(MigrationScript("0002_b.postgresql.sql", "x", Dialect::kSqlite), "");
  EXPECT_EQ(MigrationScript("0002_b.sqlite.sql", "x", Dialect::kSqlite), "x");
}

}  // namespace
}  // namespace kvitka::db
