#include "clients/app/clients_fixture.h"

namespace kvitka::clients {
namespace {

class ExchangeTest : public ClientsFixture {};

TEST_P(ExchangeTest, ImportsWithPreviewMappingDuplicatesAndRejections) {
  Add("Олена", "Стара", {"0671234567"});
  const std::string csv =
      "Ім'я;Прізвище;Телефон;День народження;Теги\n"
      "Олена;Коваленко;067 123 45 67;17.05.1990;VIP\n"
      "Ірина;Шевченко;050 111 22 33;;Нова\n"
      "Максим;;12;;\n"
      ";;;;\n"
      "Богдан;Мельник;093 999 88 77;31.02.1990;\n";
  auto preview = exchange_.Preview(owner_, SheetFormat::kCsv, csv);
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->total_rows, 5u);
  EXPECT_EQ(preview->mapping,
            (std::vector<std::string>{"first_name", "last_name", "phones", "birthday", "tags"}));
  auto report = exchange_.Run(owner_, preview->import_id, {preview->mapping, false, false});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->created, 1u);
  EXPECT_EQ(report->skipped, 1u);
  ASSERT_EQ(report->rejected.size(), 2u);
  EXPECT_EQ(report->rejected[0].row, 4u);
  EXPECT_EQ(report->rejected[0].errors[0].field, "phones[0]");
  EXPECT_EQ(report->rejected[1].row, 6u);
  EXPECT_EQ(Names(owner_, {}), (std::vector<std::string>{"Ірина", "Олена"}));
  // An import runs once.
  EXPECT_EQ(
      exchange_.Run(owner_, preview->import_id, {preview->mapping, false, false}).error().code,
      ErrorCode::kImportUsed);
}

TEST_P(ExchangeTest, UpdatesDuplicatesWhenAskedAndDryRunChangesNothing) {
  Add("Олена", "", {"0671234567"});
  const std::string csv =
      "Name,Last name,Phone\nОлена,Коваленко,0671234567\nНова,Клієнтка,0501112233\n";
  auto preview = exchange_.Preview(owner_, SheetFormat::kCsv, csv);
  ASSERT_TRUE(preview.ok());
  auto dry = exchange_.Run(owner_, preview->import_id, {preview->mapping, true, true});
  ASSERT_TRUE(dry.ok());
  EXPECT_EQ(dry->updated, 1u);
  EXPECT_EQ(dry->created, 1u);
  EXPECT_EQ(Names(owner_, {}).size(), 1u);
  auto real = exchange_.Run(owner_, preview->import_id, {preview->mapping, true, false});
  ASSERT_TRUE(real.ok());
  auto olena = clients_.List(owner_, {{"q", "0671234567"}}, std::nullopt, 5, false);
  EXPECT_EQ(olena->items.front().last_name, "Коваленко");
  EXPECT_EQ(Names(owner_, {}).size(), 2u);
}

TEST_P(ExchangeTest, UnreadableFilesChangeNothing) {
  auto preview = exchange_.Preview(owner_, SheetFormat::kXlsx, "this is not a spreadsheet");
  ASSERT_FALSE(preview.ok());
  EXPECT_EQ(preview.error().code, ErrorCode::kUnreadableFile);
  EXPECT_EQ(exchange_.Run(owner_, "unknown", {{"first_name"}, false, false}).error().code,
            ErrorCode::kNotFound);
}

TEST_P(ExchangeTest, ExportsAreSafeAgainstFormulas) {
  ClientPatch p;
  p.first_name = "=HYPERLINK(\"http://evil\")";
  p.notes = "+1 звичайний текст";
  ASSERT_TRUE(clients_.Create(owner_, p).ok());
  auto csv = exchange_.Export(owner_, {}, SheetFormat::kCsv, "uk");
  ASSERT_TRUE(csv.ok());
  EXPECT_EQ(csv->rows, 1u);
  EXPECT_NE(csv->bytes.find("Ім'я"), std::string::npos);
  EXPECT_EQ(csv->bytes.find(",=HYPERLINK"), std::string::npos);
  EXPECT_NE(csv->bytes.find("'=HYPERLINK"), std::string::npos);
  auto xlsx = exchange_.Export(owner_, {}, SheetFormat::kXlsx, "en");
  ASSERT_TRUE(xlsx.ok());
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");
}

INSTANTIATE_TEST_SUITE_P(Dialects, ExchangeTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::clients
