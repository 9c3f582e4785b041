#include "clients/app/clients_fixture.h"

namespace kvitka::clients {
namespace {

class ClientServiceTest : public ClientsFixture {};

TEST_P(ClientServiceTest, OnePhoneOneClient) {
  auto olena = Add("Олена", "Коваленко", {"067 123 45 67"});
  EXPECT_EQ(olena.phones, (std::vector<std::string>{"+380671234567"}));
  ClientPatch p;
  p.first_name = "Інша";
  p.phones = std::vector<std::string>{"+38 (067) 123-45-67"};
  auto taken = clients_.Create(owner_, p);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kPhoneTaken);
  EXPECT_EQ(taken.error().existing_id, olena.id);
  EXPECT_EQ(taken.error().existing_name, "Олена Коваленко");
  // Once archived, the number is free for a new card.
  ASSERT_TRUE(clients_.Archive(owner_, olena.id).ok());
  EXPECT_TRUE(clients_.Create(owner_, p).ok());
}

TEST_P(ClientServiceTest, SearchFindsNamePartsInAnyCaseAndPhoneDigits) {
  Add("Олена", "Коваленко", {"0671234567"});
  Add("ОЛЕГ", "Мельник", {"0501112233"});
  Add("Ірина", "Шевченко", {"0939998877"});
  Add("Olga", "Smith", {});
  EXPECT_EQ(Names(owner_, {{"q", "оле"}}), (std::vector<std::string>{"ОЛЕГ", "Олена"}));
  EXPECT_EQ(Names(owner_, {{"q", "вален"}}), (std::vector<std::string>{"Олена"}));
  EXPECT_EQ(Names(owner_, {{"q", "OLG"}}), (std::vector<std::string>{"Olga"}));
  EXPECT_EQ(Names(owner_, {{"q", "ол"}}), (std::vector<std::string>{"ОЛЕГ", "Олена"}));
  EXPECT_EQ(Names(owner_, {{"q", "998 87"}}), (std::vector<std::string>{"Ірина"}));
  EXPECT_EQ(Names(owner_, {{"q", "оле мельн"}}), (std::vector<std::string>{"ОЛЕГ"}));
  // Masters cannot find people by phone.
  EXPECT_TRUE(Names(master_, {{"q", "99887"}}).empty());
}

TEST_P(ClientServiceTest, MastersSeeNoContacts) {
  auto olena = Add("Олена", "Коваленко", {"0671234567"});
  auto seen = clients_.Get(master_, olena.id);
  ASSERT_TRUE(seen.ok());
  EXPECT_TRUE(seen->client.contacts_hidden);
  EXPECT_TRUE(seen->client.phones.empty());
  EXPECT_TRUE(seen->client.last_name.empty());
  auto listed = clients_.List(master_, {}, std::nullopt, 10, true);
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->items.front().contacts_hidden);
  EXPECT_EQ(clients_.Create(master_, {}).error().code, ErrorCode::kForbidden);
}

TEST_P(ClientServiceTest, FiltersCombine) {
  auto vip = tags_.Create(owner_, {std::string("VIP"), std::string("#e64980")});
  ASSERT_TRUE(vip.ok());
  auto olena = Add("Олена", "Коваленко", {});
  auto iryna = Add("Ірина", "Шевченко", {});
  Add("Максим", "Мельник", {});
  ClientPatch p;
  p.tag_ids = std::vector<Id>{vip->id};
  p.gender = "female";
  p.birthday = "1990-12-25";
  ASSERT_TRUE(clients_.Update(owner_, olena.id, p).ok());
  p.birthday = "2004-06-01";
  ASSERT_TRUE(clients_.Update(owner_, iryna.id, p).ok());
  const std::string tag = std::to_string(vip->id);
  EXPECT_EQ(Names(owner_, {{"tag_ids", tag}}), (std::vector<std::string>{"Ірина", "Олена"}));
  EXPECT_EQ(Names(owner_, {{"tag_ids", tag}, {"age_min", "30"}}),
            (std::vector<std::string>{"Олена"}));
  EXPECT_EQ(Names(owner_, {{"birthday_from", "12-20"}, {"birthday_to", "01-10"}}),
            (std::vector<std::string>{"Олена"}));
  EXPECT_EQ(Names(owner_, {{"gender", "female"}, {"q", "ірин"}}),
            (std::vector<std::string>{"Ірина"}));
  EXPECT_EQ(Names(owner_, {{"visits_min", "1"}}), (std::vector<std::string>{}));
  auto segment = tags_.CreateSegment(
      owner_, {std::string("VIP жінки"), Pairs{{"tag_ids", tag}, {"gender", "female"}}});
  ASSERT_TRUE(segment.ok());
  EXPECT_EQ(segment->clients, 2);
  EXPECT_EQ(Names(owner_, {{"segment_id", std::to_string(segment->id)}, {"q", "олен"}}),
            (std::vector<std::string>{"Олена"}));
}

TEST_P(ClientServiceTest, MergeMovesPhonesTagsAndNotes) {
  auto vip = tags_.Create(owner_, {std::string("VIP"), std::string("#e64980")});
  auto a = Add("Олена", "Коваленко", {"0671234567"});
  auto b = Add("Олена", "", {"0501112233"});
  ClientPatch p;
  p.tag_ids = std::vector<Id>{vip->id};
  p.notes = "Алергія на аміак";
  p.email = "olena@example.com";
  ASSERT_TRUE(clients_.Update(owner_, b.id, p).ok());
  auto merged = clients_.Merge(owner_, a.id, b.id);
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(merged->client.phones, (std::vector<std::string>{"+380671234567", "+380501112233"}));
  EXPECT_EQ(merged->client.email, "olena@example.com");
  EXPECT_EQ(merged->client.notes, "Алергія на аміак");
  ASSERT_EQ(merged->client.tags.size(), 1u);
  auto source = clients_.Get(owner_, b.id);
  EXPECT_TRUE(source->client.archived);
  EXPECT_EQ(source->client.merged_into_id, a.id);
}

TEST_P(ClientServiceTest, ErasureWipesThePersonButKeepsTheRecordAndTheAudit) {
  auto olena = Add("Олена", "Коваленко", {"0671234567"});
  auto erased = clients_.Erase(owner_, olena.id);
  ASSERT_TRUE(erased.ok());
  EXPECT_TRUE(erased->client.erased);
  EXPECT_EQ(erased->client.first_name, "—");
  EXPECT_TRUE(erased->client.phones.empty());
  EXPECT_TRUE(Names(owner_, {{"q", "олена"}}).empty());
  auto audit = team_.Audit(owner_, {.entity = "client", .entity_id = olena.id, .before_id = {}});
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "client.erase");
  for (const auto& e : *audit) {
    EXPECT_EQ(e.before_json.find("Олена"), std::string::npos) << e.action;
    EXPECT_EQ(e.after_json.find("Олена"), std::string::npos) << e.action;
  }
  // Only owners erase.
  auto admin = owner_;
  admin.role = identity::Role::kAdmin;
  EXPECT_EQ(clients_.Erase(admin, olena.id).error().code, ErrorCode::kForbidden);
}

TEST_P(ClientServiceTest, OrganizationsNeverSeeEachOthersClients) {
  auto olena = Add("Олена", "Коваленко", {"0671234567"});
  auto other = ActorOf(SignUp("b@example.com", "B"));
  EXPECT_EQ(clients_.Get(other, olena.id).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(Names(other, {{"q", "олена"}}).empty());
  ClientPatch p;
  p.first_name = "Олена";
  p.phones = std::vector<std::string>{"0671234567"};  // the same person, another salon
  EXPECT_TRUE(clients_.Create(other, p).ok());
}

INSTANTIATE_TEST_SUITE_P(Dialects, ClientServiceTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::clients
