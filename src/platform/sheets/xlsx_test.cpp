// .xlsx writing and reading: round trips, a hand-made workbook, hostile archives.
#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "platform/sheets/sheets.h"

namespace kvitka::sheets {
namespace {

using Rows = std::vector<std::vector<std::string>>;
using Parts = std::map<std::string, std::string>;

// A zip archive in memory holding `parts`.
std::string Zip(const Parts& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &error);
  EXPECT_NE(archive, nullptr);
  zip_source_keep(source);
  for (const auto& [name, content] : parts) {
    zip_source_t* file = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), file, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(index, 0);
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 1);
  }
  EXPECT_EQ(zip_close(archive), 0);
  std::string bytes;
  zip_stat_t stat;
  EXPECT_EQ(zip_source_stat(source, &stat), 0);
  EXPECT_EQ(zip_source_open(source), 0);
  bytes.resize(stat.size);
  EXPECT_EQ(zip_source_read(source, bytes.data(), bytes.size()),
            static_cast<zip_int64_t>(bytes.size()));
  zip_source_close(source);
  zip_source_free(source);
  zip_error_fini(&error);
  return bytes;
}

// One part of a zip archive in memory.
std::string Unzip(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) return {};
  std::string content;
  if (zip_file_t* file = zip_fopen(archive, name, 0)) {
    char buffer[4096];
    zip_int64_t n;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) content.append(buffer, n);
    zip_fclose(file);
  }
  zip_discard(archive);
  return content;
}

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook whose first sheet (in workbook order) is xl/worksheets/data.xml.
Parts Workbook(const std::string& sheet_xml, const std::string& strings_xml = "",
               const std::string& styles_xml = "", bool date1904 = false) {
  const std::string rel = kRel;
  Parts parts;
  parts["_rels/.rels"] = "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Type=\"" +
                         rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";
  parts["xl/workbook.xml"] =
      std::string(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook "
          "xmlns=\"") +
      kMain + "\" xmlns:r=\"" + rel + "\"><workbookPr date1904=\"" + (date1904 ? "1" : "0") +
      "\"/><sheets><sheet name=\"Клієнти\" sheetId=\"2\" r:id=\"rId7\"/>"
      "<sheet name=\"Інше\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      "<Relationships><Relationship Id=\"rId1\" Type=\"" + rel +
      "/worksheet\" Target=\"worksheets/other.xml\"/><Relationship Id=\"rId7\" Type=\"" + rel +
      "/worksheet\" Target=\"/xl/worksheets/data.xml\"/><Relationship Id=\"rId8\" Type=\"" + rel +
      "/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId9\" Type=\"" + rel +
      "/styles\" Target=\"styles.xml\"/></Relationships>";
  parts["xl/worksheets/other.xml"] =
      "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>wrong sheet</t></is>"
      "</c></row></sheetData></worksheet>";
  parts["xl/worksheets/data.xml"] = sheet_xml;
  if (!strings_xml.empty()) parts["xl/sharedStrings.xml"] = strings_xml;
  if (!styles_xml.empty()) parts["xl/styles.xml"] = styles_xml;
  return parts;
}

std::string Sheet(const std::string& rows) {
  return std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + rows +
         "</sheetData></worksheet>";
}

const char kStyles[] =
    "<styleSheet><numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"dd.mm.yyyy\"/>"
    "<numFmt numFmtId=\"165\" formatCode=\"[h]:mm\"/>"
    "<numFmt numFmtId=\"166\" formatCode=\"#,##0.00&quot;₴&quot;\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
    "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\" applyNumberFormat=\"1\"/>"
    "<xf numFmtId=\"164\"/><xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>";

const char kStrings[] =
    "<sst count=\"4\"><si><t>Телефон</t></si><si><t>День народження</t></si>"
    "<si><r><t>Ім</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">'я </t></r>"
    "<rPh sb=\"0\" eb=\"1\"><t>reading aid</t></rPh></si>"
    "<si><t>line_x000D_\nbreak &amp; &lt;tag&gt;</t></si></sst>";

TEST(ReadXlsx, ReadsAHandMadeWorkbook) {
  const std::string sheet = Sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>380671234567</v></c><c r=\"B2\" s=\"1\"><v>33333</v></c>"
      "<c r=\"C2\" t=\"inlineStr\"><is><t>Олена</t></is></c><c r=\"D2\" s=\"2\"><v>45000.75</v>"
      "</c><c r=\"E2\" s=\"3\"><v>1.5</v></c><c r=\"F2\" s=\"4\"><v>1250.5</v></c></row>"
      "<row r=\"3\"><c r=\"A3\"><v>3.80671234567E+11</v></c><c r=\"B3\" t=\"b\"><v>1</v></c>"
      "<c r=\"C3\"><f>0.1+0.2</f><v>0.30000000000000004</v></c><c r=\"D3\" t=\"str\">"
      "<f>A1&amp;\"x\"</f><v>Телефонx</v></c><c r=\"E3\" t=\"e\"><v>#N/A</v></c></row>"
      "<row r=\"5\"><c r=\"C5\" t=\"s\"><v>3</v></c></row>"
      "<row r=\"6\" s=\"1\" customFormat=\"1\"/><row r=\"7\"><c r=\"B7\" s=\"1\"/></row>");
  auto table = ReadXlsx(Zip(Workbook(sheet, kStrings, kStyles)));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows,
            (Rows{{"Телефон", "День народження", "Ім'я "},
                  {"380671234567", "1991-04-05", "Олена", "2023-03-15", "36:00", "1250.5"},
                  {"380671234567", "TRUE", "0.3", "Телефонx", "#N/A"},
                  {},
                  {"", "", "line\r\nbreak & <tag>"}}));
}

TEST(ReadXlsx, Uses1904DatesWhenTheWorkbookSaysSo) {
  const std::string sheet = Sheet("<row><c s=\"1\"><v>0</v></c><c s=\"1\"><v>1</v></c></row>");
  auto table = ReadXlsx(Zip(Workbook(sheet, "", kStyles, /*date1904=*/true)));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows, (Rows{{"1904-01-01", "1904-01-02"}}));
}

TEST(ReadXlsx, ReadsPrefixedElementsAndCellsWithoutReferences) {
  const std::string sheet = std::string("<x:worksheet xmlns:x=\"") + kMain +
                            "\"><x:sheetData><x:row><x:c t=\"inlineStr\"><x:is><x:t>a</x:t>"
                            "</x:is></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row>"
                            "<x:c r=\"C2\"><x:v>3</x:v></x:c><x:c><x:v>4</x:v></x:c></x:row>"
                            "</x:sheetData></x:worksheet>";
  auto table = ReadXlsx(Zip(Workbook(sheet)));
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->rows, (Rows{{"a", "2"}, {"", "", "3", "4"}}));
}

TEST(WriteXlsx, RoundTripsThroughReadXlsx) {
  const Table table{{{"Ім'я", "Телефон", "Нотатка", "Дата"},
                     {"Олена Петренко", "380671234567", "", "2024-03-01"},
                     {"", "0067", "рядок 1\nрядок 2", "  пробіли  "},
                     {"Tom & \"Jerry\" <x>", "12345678901234567890", "_x0041_x0042_", "last"},
                     {},
                     {"", "", "", "кінець"}}};
  const std::string xlsx = WriteXlsx(table, "Клієнти");
  auto read = ReadXlsx(xlsx);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows, table.rows);
}

TEST(WriteXlsx, GuardsFormulasAndWritesThemAsText) {
  const Table table{{{"=1+1", "+380671234567", "-5", "@SUM(A1)", "=HYPERLINK(\"x\",\"y\")"}}};
  const std::string xlsx = WriteXlsx(table, "Sheet");
  auto read = ReadXlsx(xlsx);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows,
            (Rows{{"'=1+1", "'+380671234567", "'-5", "'@SUM(A1)", "'=HYPERLINK(\"x\",\"y\")"}}));
  const std::string sheet = Unzip(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos);
}

TEST(WriteXlsx, BoldFrozenHeaderNamedSheetAndColumnWidths) {
  const Table table{{{"Ім'я", "Телефон"}, {"Олена", "380671234567"}}};
  const std::string xlsx = WriteXlsx(table, "Клієнти");
  const std::string sheet = Unzip(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("state=\"frozen\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("ySplit=\"1\""), std::string::npos);
  EXPECT_NE(sheet.find("<col "), std::string::npos);
  EXPECT_NE(sheet.find("<c r=\"A1\" s=\"1\""), std::string::npos);
  EXPECT_EQ(sheet.find("<c r=\"A2\" s="), std::string::npos);
  EXPECT_NE(Unzip(xlsx, "xl/styles.xml").find("<b/>"), std::string::npos);
  EXPECT_NE(Unzip(xlsx, "xl/workbook.xml").find("name=\"Клієнти\""), std::string::npos);
}

TEST(WriteXlsx, MakesAnySheetNameValid) {
  const Table table{{{"a"}}};
  std::string workbook =
      Unzip(WriteXlsx(table, "'Звіт: 2024/03 [*?] і ще дуже довга назва'"), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Звіт_ 2024_03 ____ і ще дуже д\""), std::string::npos)
      << workbook;
  workbook = Unzip(WriteXlsx(table, ""), "xl/workbook.xml");
  EXPECT_NE(workbook.find("name=\"Sheet1\""), std::string::npos);
}

TEST(WriteXlsx, CleansWhatExcelCannotHold) {
  const Table table{
      {{std::string("a\0b", 3), "bad \xFF utf8", std::string(40000, 'x'), "bell\x07 and\x1B"}}};
  auto read = ReadXlsx(WriteXlsx(table, "Sheet"));
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->rows[0][0], "ab");
  EXPECT_EQ(read->rows[0][1], "bad \xEF\xBF\xBD utf8");
  EXPECT_EQ(read->rows[0][2].size(), 32767u);
  EXPECT_EQ(read->rows[0][3], "bell\x07 and\x1B");
}

TEST(WriteXlsx, WritesAnEmptyTable) {
  EXPECT_EQ(ReadXlsx(WriteXlsx(Table{}, "Sheet")).error(), SheetError::kEmpty);
}

TEST(ReadXlsx, RejectsWhatIsNotAnXlsx) {
  EXPECT_EQ(ReadXlsx("").error(), SheetError::kNotXlsx);
  EXPECT_EQ(ReadXlsx("garbage bytes, not a zip").error(), SheetError::kNotXlsx);
  EXPECT_EQ(ReadXlsx(WriteCsv(Table{{{"a", "b"}}})).error(), SheetError::kNotXlsx);
  std::mt19937 random(42);
  std::string noise(4096, '\0');
  for (char& c : noise) c = static_cast<char>(random());
  EXPECT_EQ(ReadXlsx(noise).error(), SheetError::kNotXlsx);
  EXPECT_EQ(ReadXlsx(Zip({{"hello.txt", "hello"}})).error(), SheetError::kNotXlsx);
  const std::string xlsx = WriteXlsx(Table{{{"a", "b"}}}, "Sheet");
  EXPECT_EQ(ReadXlsx(xlsx.substr(0, xlsx.size() / 2)).error(), SheetError::kNotXlsx);
  EXPECT_EQ(ReadXlsx(Zip(Workbook("<worksheet><sheetData><row><c"))).error(), SheetError::kNotXlsx);
  EXPECT_EQ(ReadXlsx(Zip(Workbook(Sheet("")))).error(), SheetError::kEmpty);
}

TEST(ReadXlsx, SurvivesDamagedArchivesAndXml) {
  const std::string xlsx = WriteXlsx(Table{{{"Ім'я", "Телефон"}, {"Олена", "+380"}}}, "S");
  std::mt19937 random(7);
  for (int i = 0; i < 300; ++i) {
    std::string damaged = xlsx;
    for (int j = 0; j < 4; ++j) damaged[random() % damaged.size()] = static_cast<char>(random());
    (void)ReadXlsx(damaged);
  }
  const std::string sheet = Sheet(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>2</v></c><c r=\"B1\" s=\"1\"><v>33333</v></c>"
      "<c r=\"C1\" t=\"inlineStr\"><is><r><t>x &amp; &#1111; &#x10FFFF; &#xD800;</t></r></is></c>"
      "<!-- c --><c r=\"D1\"><v><![CDATA[5]]></v></c></row>");
  for (std::size_t cut = 0; cut < sheet.size(); cut += 3) {
    (void)ReadXlsx(Zip(Workbook(sheet.substr(0, cut), kStrings, kStyles)));
    (void)ReadXlsx(Zip(Workbook(sheet, std::string(kStrings).substr(0, cut), kStyles)));
    (void)ReadXlsx(Zip(Workbook(sheet, kStrings, std::string(kStyles).substr(0, cut))));
  }
}

TEST(ReadXlsx, RefusesZipBombsAndHugeGrids) {
  const std::string bomb = "<worksheet><sheetData>" + std::string(201u << 20, ' ') + "</sheetData>";
  EXPECT_EQ(ReadXlsx(Zip(Workbook(bomb))).error(), SheetError::kTooLarge);
  std::string sparse;
  for (int r = 1; r <= 1000; ++r) {
    sparse += "<row><c r=\"XFD" + std::to_string(r) + "\" t=\"b\"><v>1</v></c></row>";
  }
  EXPECT_EQ(ReadXlsx(Zip(Workbook(Sheet(sparse)))).error(), SheetError::kTooLarge);
  const std::string rows = "<row><c><v>1</v></c></row><row><c><v>2</v></c></row>";
  EXPECT_EQ(ReadXlsx(Zip(Workbook(Sheet(rows))), 1).error(), SheetError::kTooLarge);
  EXPECT_TRUE(ReadXlsx(Zip(Workbook(Sheet(rows))), 2).ok());
}

}  // namespace
}  // namespace kvitka::sheets
