#include "clients/domain/import_rules.h"

#include <gtest/gtest.h>

namespace kvitka::clients {
namespace {

TEST(ImportMapping, GuessesFromUkrainianRussianAndEnglishHeaders) {
  EXPECT_EQ(GuessMapping({"Ім'я", "Прізвище", "Телефон", "Email", "День народження", "Примітка"}),
            (std::vector<std::string>{"first_name", "last_name", "phones", "email", "birthday",
                                      "notes"}));
  EXPECT_EQ(GuessMapping({"ФИО", "Мобильный телефон", "Пол", "Теги"}),
            (std::vector<std::string>{"full_name", "phones", "gender", "tags"}));
  EXPECT_EQ(GuessMapping({"Name", "Phone", "Phone 2", "Whatever"}),
            (std::vector<std::string>{"first_name", "phones", "phones", "ignore"}));
}

TEST(ImportRow, BuildsACardFromARow) {
  FieldErrors errors;
  auto imported = ClientFromRow({"Коваленко Олена Петрівна", "067 123 45 67; 050 111 22 33",
                                 "17.05.1990", "жін", "VIP, Постійна"},
                                {"full_name", "phones", "birthday", "gender", "tags"}, errors);
  ASSERT_TRUE(imported);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(imported->client.first_name, "Олена");
  EXPECT_EQ(imported->client.last_name, "Коваленко");
  EXPECT_EQ(imported->client.middle_name, "Петрівна");
  EXPECT_EQ(imported->client.phones.size(), 2u);
  EXPECT_EQ(imported->client.birthday, "1990-05-17");
  EXPECT_EQ(imported->client.gender, "female");
  EXPECT_EQ(imported->tag_names, (std::vector<std::string>{"VIP", "Постійна"}));
}

TEST(ImportRow, ReportsBadValuesAndSkipsEmptyRows) {
  FieldErrors errors;
  auto imported = ClientFromRow({"Олена", "32.13.1990"}, {"first_name", "birthday"}, errors);
  ASSERT_TRUE(imported);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "birthday");
  errors.clear();
  EXPECT_FALSE(ClientFromRow({"", "  "}, {"first_name", "phones"}, errors));
  EXPECT_TRUE(errors.empty());
}

TEST(ImportValues, BirthdaysAndGenders) {
  EXPECT_EQ(ParseBirthday("1990-05-17"), "1990-05-17");
  EXPECT_EQ(ParseBirthday("17/05/1990"), "1990-05-17");
  EXPECT_EQ(ParseBirthday("7.5.90"), "1990-05-07");
  EXPECT_EQ(ParseBirthday("soon"), "");
  EXPECT_EQ(ParseGender("Жіноча"), "female");
  EXPECT_EQ(ParseGender("муж"), "male");
  EXPECT_EQ(ParseGender("?"), "");
}

}  // namespace
}  // namespace kvitka::clients
