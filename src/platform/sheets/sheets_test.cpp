// CSV reading and writing, and the formula-injection guard.
#include "platform/sheets/sheets.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kvitka::sheets {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows Csv(std::string_view bytes) {
  auto table = ReadCsv(bytes);
  EXPECT_TRUE(table.ok());
  return table ? table->rows : Rows{};
}

SheetError CsvError(std::string_view bytes, std::size_t max_rows = 1'000'000) {
  auto table = ReadCsv(bytes, max_rows);
  EXPECT_FALSE(table.ok());
  return table ? SheetError::kEmpty : table.error();
}

TEST(ReadCsv, QuotedFieldsEscapesAndLineBreaksInside) {
  EXPECT_EQ(Csv("name,note\r\n\"Smith, Anna\",\"said \"\"hi\"\"\nand left\"\r\n"),
            (Rows{{"name", "note"}, {"Smith, Anna", "said \"hi\"\nand left"}}));
  EXPECT_EQ(Csv("a,\"\",c\n"), (Rows{{"a", "", "c"}}));
  // Text after a closing quote is kept; quotes inside an unquoted field are literal.
  EXPECT_EQ(Csv("\"ab\"c,d\"e\n"), (Rows{{"abc", "d\"e"}}));
}

TEST(ReadCsv, AcceptsCrLfLfAndCrLineEnds) {
  EXPECT_EQ(Csv("a,b\r\nc,d\ne,f\rg,h"), (Rows{{"a", "b"}, {"c", "d"}, {"e", "f"}, {"g", "h"}}));
}

TEST(ReadCsv, DetectsTheSeparator) {
  EXPECT_EQ(Csv("Ім'я;Телефон;Сума\nОлена;+380671234567;1,5\n"),
            (Rows{{"Ім'я", "Телефон", "Сума"}, {"Олена", "+380671234567", "1,5"}}));
  EXPECT_EQ(Csv("a\tb, c\n1\t2\n"), (Rows{{"a", "b, c"}, {"1", "2"}}));
  EXPECT_EQ(Csv("a,b\n\"x;y\",2\n"), (Rows{{"a", "b"}, {"x;y", "2"}}));
  EXPECT_EQ(Csv("one column\nsecond\n"), (Rows{{"one column"}, {"second"}}));
  // Excel with a Ukrainian locale: ';' with ragged rows, decimal commas in the data.
  EXPECT_EQ(Csv("a;b;c\n1,5;2\n3;4,25;5;6\n")[1], (std::vector<std::string>{"1,5", "2"}));
}

TEST(ReadCsv, StripsUtf8Bom) {
  EXPECT_EQ(Csv("\xEF\xBB\xBFІм'я,Телефон\r\n"), (Rows{{"Ім'я", "Телефон"}}));
}

TEST(ReadCsv, DecodesWindows1251) {
  // "Ім'я;Телефон\r\nОлена;067" as Ukrainian Excel saves it.
  const std::string cp1251 =
      "\xB2\xEC'\xFF;\xD2\xE5\xEB\xE5\xF4\xEE\xED\r\n\xCE\xEB\xE5\xED\xE0;067\r\n";
  EXPECT_EQ(Csv(cp1251), (Rows{{"Ім'я", "Телефон"}, {"Олена", "067"}}));
}

TEST(ReadCsv, DecodesUtf16WithBom) {
  const std::u16string text = u"Ім'я\tТелефон\r\nОлена\t067\r\n";
  std::string little_endian = "\xFF\xFE";
  std::string big_endian = "\xFE\xFF";
  for (char16_t unit : text) {
    little_endian.push_back(static_cast<char>(unit & 0xFF));
    little_endian.push_back(static_cast<char>(unit >> 8));
    big_endian.push_back(static_cast<char>(unit >> 8));
    big_endian.push_back(static_cast<char>(unit & 0xFF));
  }
  const Rows expected{{"Ім'я", "Телефон"}, {"Олена", "067"}};
  EXPECT_EQ(Csv(little_endian), expected);
  EXPECT_EQ(Csv(big_endian), expected);
  EXPECT_EQ(Csv(little_endian.substr(2)), expected);  // no BOM: NULs give it away
  EXPECT_EQ(CsvError(little_endian.substr(0, 7)), SheetError::kBadEncoding);  // odd length
}

TEST(ReadCsv, RejectsDamagedUtf8) {
  std::string text;
  for (int i = 0; i < 20; ++i) text += "Олена;Петренко\n";
  text += "\xD0\n";  // a character cut in half
  EXPECT_EQ(CsvError(text), SheetError::kBadEncoding);
}

TEST(ReadCsv, DropsTrailingBlankLinesAndKeepsRowLengths) {
  EXPECT_EQ(Csv("a;b;c\n1;2\n\n3;4;5;6\n\r\n;;\n\n"),
            (Rows{{"a", "b", "c"}, {"1", "2"}, {}, {"3", "4", "5", "6"}}));
}

TEST(ReadCsv, ReportsEmptyBinaryAndTooLarge) {
  EXPECT_EQ(CsvError(""), SheetError::kEmpty);
  EXPECT_EQ(CsvError("\xEF\xBB\xBF"), SheetError::kEmpty);
  EXPECT_EQ(CsvError("\r\n\n;;;\n"), SheetError::kEmpty);
  EXPECT_EQ(CsvError(std::string("PK\x03\x04\x14\x00", 6)), SheetError::kNotCsv);
  EXPECT_EQ(CsvError("%PDF-1.7\n"), SheetError::kNotCsv);
  EXPECT_EQ(CsvError(std::string(200, '\x01') + "a,b"), SheetError::kNotCsv);
  EXPECT_EQ(CsvError("a\nb\nc\n", 2), SheetError::kTooLarge);
  EXPECT_TRUE(ReadCsv("a\nb\n\n\n\n", 2).ok());  // trailing blank lines do not count
}

TEST(ReadCsv, SurvivesHostileInput) {
  EXPECT_EQ(Csv("a,\"unterminated\nstill, the field"),
            (Rows{{"a", "unterminated\nstill, the field"}}));
  EXPECT_EQ(Csv(std::string("a\0b,c\n", 6)), (Rows{{"ab", "c"}}));
  EXPECT_EQ(CsvError("\""), SheetError::kEmpty);
  const std::string long_line(1 << 20, 'x');
  const Rows rows = Csv(long_line + ";" + long_line);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].size(), 2u);
  EXPECT_EQ(rows[0][1].size(), long_line.size());
  std::string quotes(1 << 20, '"');
  EXPECT_TRUE(ReadCsv(quotes).ok());
  EXPECT_TRUE(ReadCsv(quotes + "x").ok());
}

TEST(WriteCsv, WritesBomCommasQuotesAndCrLf) {
  const Table table{{{"Ім'я", "Нотатка"}, {"Smith, Anna", "said \"hi\"\nbye"}, {"", "x"}, {""}}};
  EXPECT_EQ(WriteCsv(table),
            "\xEF\xBB\xBFІм'я,Нотатка\r\n\"Smith, Anna\",\"said \"\"hi\"\"\nbye\"\r\n,x\r\n"
            "\"\"\r\n");
}

TEST(WriteCsv, RoundTripsThroughReadCsv) {
  const Table table{{{"Ім'я", "Телефон", "Нотатка", "Порожня"},
                     {"Олена", "380671234567", "рядок 1\r\nрядок 2", ""},
                     {"\"Квітка\"", "", "a,b;c\td", "x"},
                     {"лише одна"},
                     {"", "", "", "останній"}}};
  auto read = ReadCsv(WriteCsv(table));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows, table.rows);
}

TEST(SafeCell, GuardsFormulaStarts) {
  EXPECT_EQ(SafeCell("=HYPERLINK(\"http://x\",\"y\")"), "'=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(SafeCell("+380671234567"), "'+380671234567");  // phones too, by design
  EXPECT_EQ(SafeCell("-5"), "'-5");
  EXPECT_EQ(SafeCell("@SUM(A1:A2)"), "'@SUM(A1:A2)");
  EXPECT_EQ(SafeCell("\tcmd"), "'\tcmd");
  EXPECT_EQ(SafeCell("\r=1"), "'\r=1");
  EXPECT_EQ(SafeCell("   =1+1"), "'   =1+1");
  EXPECT_EQ(SafeCell("Олена"), "Олена");
  EXPECT_EQ(SafeCell("a=b"), "a=b");
  EXPECT_EQ(SafeCell("0671234567"), "0671234567");
  EXPECT_EQ(SafeCell(""), "");
  EXPECT_EQ(SafeCell("   "), "   ");
}

TEST(SafeCell, UnguardUndoesOnlyTheGuard) {
  EXPECT_EQ(UnguardCell(SafeCell("+380671234567")), "+380671234567");
  EXPECT_EQ(UnguardCell("'quoted'"), "'quoted'");
  EXPECT_EQ(UnguardCell("'"), "'");
  EXPECT_EQ(UnguardCell("plain"), "plain");
}

TEST(WriteCsv, GuardsFormulaInjection) {
  const Table table{
      {{"=HYPERLINK(\"http://evil\",\"click\")", "+380671234567", "-5", "@SUM(A1)", "Олена"}}};
  auto read = ReadCsv(WriteCsv(table));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows[0],
            (std::vector<std::string>{"'=HYPERLINK(\"http://evil\",\"click\")", "'+380671234567",
                                      "'-5", "'@SUM(A1)", "Олена"}));
}

}  // namespace
}  // namespace kvitka::sheets
