#include "clients/domain/client_rules.h"

#include <gtest/gtest.h>

namespace kvitka::clients {
namespace {

TEST(ClientRules, NormalizesPhonesAndDropsDuplicates) {
  Client c;
  c.first_name = "Олена";
  c.phones = {"067 123 45 67", "+38 (067) 123-45-67", "050 111 22 33"};
  EXPECT_TRUE(NormalizeClient(c, "UA", "2026-11-22").empty());
  EXPECT_EQ(c.phones, (std::vector<std::string>{"+380671234567", "+380501112233"}));
}

TEST(ClientRules, NamesTheBadFields) {
  Client c;
  c.phones = {"12", "067 123 45 67"};
  c.email = "not-an-email";
  c.birthday = "2030-01-01";
  c.gender = "robot";
  c.discount_percent = 150;
  auto errors = NormalizeClient(c, "UA", "2026-11-22");
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field + ":" + e.code);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"first_name:required", "phones[0]:invalid_phone",
                                      "email:invalid_email", "birthday:invalid_date",
                                      "gender:invalid_value", "discount_percent:out_of_range"}));
}

TEST(ClientRules, BirthdaysMustBeRealDates) {
  EXPECT_TRUE(IsPlausibleBirthday("1990-05-17", "2026-11-22"));
  EXPECT_TRUE(IsPlausibleBirthday("2000-02-29", "2026-11-22"));
  EXPECT_FALSE(IsPlausibleBirthday("2001-02-29", "2026-11-22"));
  EXPECT_FALSE(IsPlausibleBirthday("1899-12-31", "2026-11-22"));
  EXPECT_FALSE(IsPlausibleBirthday("17.05.1990", "2026-11-22"));
}

TEST(ClientRules, DisplayNameFollowsTheOrganizationsOrder) {
  Client c;
  c.first_name = "Олена";
  c.last_name = "Коваленко";
  EXPECT_EQ(DisplayName(c, NameOrder::kFirstLast), "Олена Коваленко");
  EXPECT_EQ(DisplayName(c, NameOrder::kLastFirst), "Коваленко Олена");
  c.last_name.clear();
  EXPECT_EQ(DisplayName(c, NameOrder::kLastFirst), "Олена");
}

TEST(ClientRules, SearchTextHasFoldedNamesAndBothPhoneForms) {
  Client c;
  c.first_name = "ОЛЕГ";
  c.last_name = "Мельник";
  c.phones = {"+380671234567"};
  const auto text = SearchText(c);
  EXPECT_NE(text.find("олег мельник"), std::string::npos);
  EXPECT_NE(text.find("380671234567"), std::string::npos);
  EXPECT_NE(text.find("0671234567"), std::string::npos);
}

TEST(ClientRules, MastersSeeNoContactsAndErasureKeepsNothingPersonal) {
  Client c;
  c.first_name = "Олена";
  c.last_name = "Коваленко";
  c.middle_name = "Петрівна";
  c.email = "olena@example.com";
  c.phones = {"+380671234567"};
  c.stats.visits = 7;
  Client hidden = c;
  HideContacts(hidden);
  EXPECT_TRUE(hidden.contacts_hidden);
  EXPECT_TRUE(hidden.phones.empty() && hidden.email.empty() && hidden.last_name.empty() &&
              hidden.middle_name.empty());
  EXPECT_EQ(hidden.first_name, "Олена");
  Erase(c);
  EXPECT_TRUE(c.erased);
  EXPECT_EQ(c.first_name, "—");
  EXPECT_TRUE(c.phones.empty());
  EXPECT_EQ(c.stats.visits, 7);
}

}  // namespace
}  // namespace kvitka::clients
