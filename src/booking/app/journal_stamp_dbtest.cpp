// Every table the journal is read from bumps the organization's journal stamp (migration 0008)
// on INSERT, UPDATE and DELETE; every other table with an org_id is known not to be shown.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "booking/app/booking_fixture.h"
#include "platform/db/session.h"

namespace kvitka::booking {
namespace {

class JournalStampTest : public BookingFixture {
 protected:
  std::int64_t Stamp(Id org_id) {
    return db_->Read([&](db::Session& s) { return journal_stamps_.Stamp(s, org_id); });
  }
  static constexpr const char* kDay = "2026-11-23";
};

// Each table of the migration's list bumps the stamp on INSERT, UPDATE and DELETE, one
// statement at a time: this fails for any missing trigger. Rows are copies of the fixture's.
TEST_P(JournalStampTest, EveryJournalTableBumpsTheStamp) {
  // Rows in every table: a visit, a class, a tag on the client, an absence, a closed day.
  ASSERT_TRUE(
      appointments_.Create(owner_, Booking(client_, haircut_, masters_[0], "2026-11-23T08:00:00Z"))
          .ok());
  GroupEventInput in;
  in.branch_id = branch_;
  in.service_id = yoga_;
  in.staff_id = masters_[1];
  in.start = At("2026-11-23T13:00:00Z");
  ASSERT_TRUE(groups_.Save(owner_, std::nullopt, in).ok());
  auto tag = tags_.Create(owner_, {"VIP", "#ff0000"});
  ASSERT_TRUE(tag.ok());
  clients::ClientPatch patch;
  patch.tag_ids = std::vector<Id>{tag->id};
  ASSERT_TRUE(clients_.Update(owner_, client_, patch).ok());
  staff::Absence off;
  off.from = off.to = kDay;
  ASSERT_TRUE(staff_.AddAbsence(owner_, masters_[0], off).ok());
  ASSERT_TRUE(staff_.SetClosedDays(owner_, branch_, {{"2026-12-31", ""}}).ok());
  const Id other_org = ActorOf(SignUp("other@example.com", "Other")).org_id;

  const std::string other = std::to_string(other_client_);
  struct Table {
    const char* name;
    std::map<std::string, std::string> copy;  // column -> value of the copy (unique keys)
    std::string where;                        // the copy; empty: the highest id
  };
  const std::vector<Table> tables = {
      {"branches", {{"slug", "'copy-slug'"}}, ""},
      {"staff", {}, ""},
      {"staff_absences", {}, ""},
      {"branch_closed_days", {{"date", "'2031-01-01'"}}, "date = '2031-01-01'"},
      {"appointments", {}, ""},
      {"appointment_items", {}, ""},
      {"group_events", {}, ""},
      {"clients", {}, ""},
      {"client_phones", {{"phone", "'+380990000001'"}}, "phone = '+380990000001'"},
      {"client_tag_links", {{"client_id", other}}, "client_id = " + other},
      {"client_tags", {{"name", "'copy'"}}, ""},
  };
  const std::string org = std::to_string(owner_.org_id);
  for (const auto& t : tables) {
    SCOPED_TRACE(t.name);
    std::vector<std::string> columns;
    db_->Read([&](db::Session& s) {
      const std::string name = t.name;
      const std::string sql =
          s.postgresql() ? "SELECT column_name FROM information_schema.columns WHERE table_name = "
                           ":t AND table_schema = current_schema() ORDER BY ordinal_position"
                         : "SELECT name FROM pragma_table_info(:t) ORDER BY cid";
      std::string column;
      soci::statement st = (s.sql().prepare << sql, soci::use(name), soci::into(column));
      st.execute();
      while (st.fetch()) columns.push_back(column);
    });
    const bool has_id = std::find(columns.begin(), columns.end(), "id") != columns.end();
    std::string names, values;
    for (const auto& c : columns) {
      if (c == "id") continue;
      names += (names.empty() ? "" : ", ") + c;
      values += (values.empty() ? "" : ", ") + (t.copy.count(c) ? t.copy.at(c) : c);
    }
    const std::string pick =
        has_id ? "id = (SELECT MIN(id) FROM " + std::string(t.name) + " WHERE org_id = " + org + ")"
               : "org_id = " + org;
    const std::string copy =
        t.where.empty() ? "id = (SELECT MAX(id) FROM " + std::string(t.name) + ")" : t.where;
    const std::vector<std::pair<std::string, std::string>> statements = {
        {"INSERT", "INSERT INTO " + std::string(t.name) + " (" + names + ") SELECT " + values +
                       " FROM " + t.name + " WHERE " + pick + " LIMIT 1"},
        {"UPDATE", "UPDATE " + std::string(t.name) + " SET org_id = org_id WHERE " + copy},
        {"DELETE", "DELETE FROM " + std::string(t.name) + " WHERE " + copy},
    };
    for (const auto& [kind, sql] : statements) {
      SCOPED_TRACE(kind + ": " + sql);
      const auto stamp = Stamp(owner_.org_id), others = Stamp(other_org);
      long long rows = 0;
      db_->Write([&](db::Session& s) {
        soci::statement st = (s.sql().prepare << sql);
        st.execute(true);
        rows = st.get_affected_rows();
      });
      EXPECT_EQ(rows, 1);
      EXPECT_EQ(Stamp(owner_.org_id), stamp + 1);
      EXPECT_EQ(Stamp(other_org), others);  // per organization
    }
  }
}

// The journal reads no other table with an org_id than those of the list: a new table must be
// put on one side (and, when the journal shows it, get its triggers in migration 0008).
TEST_P(JournalStampTest, EveryTableIsOnOneSideOfTheList) {
  const std::set<std::string> shown = {"branches",           "staff",        "staff_absences",
                                       "branch_closed_days", "appointments", "appointment_items",
                                       "group_events",       "clients",      "client_phones",
                                       "client_tag_links",   "client_tags"};
  const std::set<std::string> not_shown = {
      // identity
      "memberships", "sessions", "invitations", "audit_log",
      // clients: the journal's client brief reads only the tables above
      "client_files", "client_segments", "client_imports", "client_settings",
      // catalog: the journal shows the service names copied into its own rows
      "service_categories", "services", "service_rooms", "service_staff", "rooms",
      // staff
      "staff_events",
      // booking
      "time_holds", "waitlist", "booking_requests", "booking_events",
      // online booking (0007)
      "online_booking_rules", "manage_tokens", "staff_photos",
      // messaging (0009)
      "message_channel_settings", "message_templates",
      // messaging (0010)
      "message_outbox", "received_messages", "client_chat_links", "chat_link_tokens",
      "client_channel_orders", "messaging_rules", "bot_polls",
      // campaigns (0013)
      "campaigns", "opt_out_tokens",
      // masters' Telegram chats (0016)
      "staff_chat_links",
      // feedback (0012)
      "feedback", "feedback_staff",
      // tasks (0011)
      "tasks", "task_booking_days",
      // the stamps themselves
      "journal_stamps"};
  std::vector<std::string> tables;
  db_->Read([&](db::Session& s) {
    const std::string sql =
        s.postgresql() ? "SELECT table_name FROM information_schema.columns WHERE column_name = "
                         "'org_id' AND table_schema = current_schema()"
                       : "SELECT m.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE "
                         "m.type = 'table' AND c.name = 'org_id'";
    std::string table;
    soci::statement st = (s.sql().prepare << sql, soci::into(table));
    st.execute();
    while (st.fetch()) tables.push_back(table);
  });
  EXPECT_GE(tables.size(), shown.size());
  for (const auto& table : tables) {
    EXPECT_TRUE(shown.count(table) || not_shown.count(table)) << table << " is on neither side";
  }
}

INSTANTIATE_TEST_SUITE_P(Dialects, JournalStampTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::booking
