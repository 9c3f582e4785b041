// How .xlsx values become text, and the streaming XML reader.
#include "platform/sheets/xlsx_values.h"

#include <gtest/gtest.h>

#include <string>

#include "platform/sheets/xml_reader.h"

namespace kvitka::sheets::internal {
namespace {

TEST(FormatNumber, ShowsIntegersInFullAndFractionsLikeExcel) {
  EXPECT_EQ(FormatNumber("380671234567"), "380671234567");
  EXPECT_EQ(FormatNumber("3.80671234567E+11"), "380671234567");
  EXPECT_EQ(FormatNumber("1E+18"), "1000000000000000000");
  EXPECT_EQ(FormatNumber("1.23456789012346E+18"), "1234567890123460000");
  EXPECT_EQ(FormatNumber("12345678901234567890"), "12345678901234567890");
  EXPECT_EQ(FormatNumber("0.30000000000000004"), "0.3");
  EXPECT_EQ(FormatNumber("-5"), "-5");
  EXPECT_EQ(FormatNumber("-2.5"), "-2.5");
  EXPECT_EQ(FormatNumber("42.0"), "42");
  EXPECT_EQ(FormatNumber("1.5E-7"), "1.5E-07");
  EXPECT_EQ(FormatNumber("1E+300"), "1E+300");
  EXPECT_EQ(FormatNumber("n/a"), "n/a");
}

TEST(FormatNumberCell, DatesIn1900And1904Systems) {
  EXPECT_EQ(FormatNumberCell("1", NumberKind::kDate, false), "1900-01-01");
  EXPECT_EQ(FormatNumberCell("59", NumberKind::kDate, false), "1900-02-28");
  EXPECT_EQ(FormatNumberCell("60", NumberKind::kDate, false), "1900-02-29");  // Lotus bug
  EXPECT_EQ(FormatNumberCell("61", NumberKind::kDate, false), "1900-03-01");
  EXPECT_EQ(FormatNumberCell("32874", NumberKind::kDate, false), "1990-01-01");
  EXPECT_EQ(FormatNumberCell("45000.75", NumberKind::kDate, false), "2023-03-15");
  EXPECT_EQ(FormatNumberCell("2958465", NumberKind::kDate, false), "9999-12-31");
  EXPECT_EQ(FormatNumberCell("0", NumberKind::kDate, true), "1904-01-01");
  EXPECT_EQ(FormatNumberCell("31412", NumberKind::kDate, true), "1990-01-01");
  EXPECT_EQ(FormatNumberCell("45000.5", NumberKind::kDateTime, false), "2023-03-15 12:00");
  EXPECT_EQ(FormatNumberCell("45000.3750115741", NumberKind::kDateTime, false),
            "2023-03-15 09:00:01");
  EXPECT_EQ(FormatNumberCell("45000", NumberKind::kDateTime, false), "2023-03-15");
  EXPECT_EQ(FormatNumberCell("0.375", NumberKind::kTime, false), "9:00");
  EXPECT_EQ(FormatNumberCell("1.5", NumberKind::kElapsedTime, false), "36:00");
  EXPECT_EQ(FormatNumberCell("-1", NumberKind::kDate, false), "-1");
  EXPECT_EQ(FormatNumberCell("3000000", NumberKind::kDate, false), "3000000");
  EXPECT_EQ(FormatNumberCell("x", NumberKind::kDate, false), "x");
}

TEST(ClassifyFormat, TellsDatesFromTimesAndNumbers) {
  EXPECT_EQ(ClassifyBuiltinFormat(14), NumberKind::kDate);
  EXPECT_EQ(ClassifyBuiltinFormat(22), NumberKind::kDateTime);
  EXPECT_EQ(ClassifyBuiltinFormat(20), NumberKind::kTime);
  EXPECT_EQ(ClassifyBuiltinFormat(49), NumberKind::kNumber);
  EXPECT_EQ(ClassifyFormatCode("dd.mm.yyyy"), NumberKind::kDate);
  EXPECT_EQ(ClassifyFormatCode("yyyy-mm-dd;@"), NumberKind::kDate);
  EXPECT_EQ(ClassifyFormatCode("mmmm"), NumberKind::kDate);
  EXPECT_EQ(ClassifyFormatCode("[$-422]d mmmm yyyy \"р.\""), NumberKind::kDate);
  EXPECT_EQ(ClassifyFormatCode("dd.mm.yyyy hh:mm"), NumberKind::kDateTime);
  EXPECT_EQ(ClassifyFormatCode("h:mm AM/PM"), NumberKind::kTime);
  EXPECT_EQ(ClassifyFormatCode("mm:ss"), NumberKind::kTime);
  EXPECT_EQ(ClassifyFormatCode("[h]:mm"), NumberKind::kElapsedTime);
  EXPECT_EQ(ClassifyFormatCode("[mm]:ss"), NumberKind::kElapsedTime);
  EXPECT_EQ(ClassifyFormatCode("#,##0.00\\ \"дн.\""), NumberKind::kNumber);
  EXPECT_EQ(ClassifyFormatCode("[Red]0.00;[Blue]-0.00"), NumberKind::kNumber);
  EXPECT_EQ(ClassifyFormatCode("General"), NumberKind::kNumber);
  EXPECT_EQ(ClassifyFormatCode("0.00E+00"), NumberKind::kNumber);
  EXPECT_EQ(ClassifyFormatCode("_-* #,##0\\ _₴_-"), NumberKind::kNumber);
}

TEST(ParseCellReference, ReadsColumnsAndRowsWithinExcelsGrid) {
  std::size_t row = 0;
  std::size_t column = 0;
  ASSERT_TRUE(ParseCellReference("C5", &row, &column));
  EXPECT_EQ(row, 4u);
  EXPECT_EQ(column, 2u);
  ASSERT_TRUE(ParseCellReference("XFD1048576", &row, &column));
  EXPECT_EQ(row, 1048575u);
  EXPECT_EQ(column, 16383u);
  ASSERT_TRUE(ParseCellReference("AA1", &row, &column));
  EXPECT_EQ(column, 26u);
  for (const char* bad : {"", "A", "1", "A0", "XFE1", "A1048577", "AAAA1", "A1B", "$A$1"}) {
    EXPECT_FALSE(ParseCellReference(bad, &row, &column)) << bad;
  }
}

TEST(DecodeOoxmlEscapes, DecodesCharacterEscapes) {
  std::string text = "a_x000D__x000A_b_x005F_x0041_ _xZZZZ_ _x00";
  DecodeOoxmlEscapes(&text);
  EXPECT_EQ(text, "a\r\nb_x0041_ _xZZZZ_ _x00");
}

TEST(XmlReader, ReadsElementsAttributesTextAndReferences) {
  XmlReader reader(
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><!-- note -->"
      "<x:a x:k='v &amp; w' n=\"1\"><b/>t &lt;&#1111;&#x41;&e;&#0;<![CDATA[<raw>]]></x:a>");
  using Event = XmlReader::Event;
  ASSERT_EQ(reader.Next(), Event::kStart);
  EXPECT_EQ(reader.name(), "a");
  std::string value;
  ASSERT_TRUE(reader.Attribute("k", &value));
  EXPECT_EQ(value, "v & w");
  ASSERT_TRUE(reader.QualifiedAttribute("x:k", &value));
  EXPECT_FALSE(reader.Attribute("missing", &value));
  ASSERT_EQ(reader.Next(), Event::kStart);
  EXPECT_EQ(reader.name(), "b");
  ASSERT_EQ(reader.Next(), Event::kEnd);
  EXPECT_EQ(reader.name(), "b");
  ASSERT_EQ(reader.Next(), Event::kText);
  EXPECT_EQ(reader.text(), "t <їA&e;");
  ASSERT_EQ(reader.Next(), Event::kText);
  EXPECT_EQ(reader.text(), "<raw>");
  ASSERT_EQ(reader.Next(), Event::kEnd);
  EXPECT_EQ(reader.name(), "a");
  EXPECT_EQ(reader.Next(), Event::kFinish);
  EXPECT_EQ(reader.Next(), Event::kFinish);
}

TEST(XmlReader, StopsOnMalformedMarkup) {
  for (const char* bad : {"<", "<a", "<a b>", "<a b=c>", "<a b=\"c>", "<!-- x", "<![CDATA[x",
                          "<?pi", "<a/", "< a>"}) {
    XmlReader reader(bad);
    XmlReader::Event event = reader.Next();
    while (event == XmlReader::Event::kStart || event == XmlReader::Event::kText) {
      event = reader.Next();
    }
    EXPECT_EQ(event, XmlReader::Event::kError) << bad;
  }
}

TEST(XmlReader, StaysLinearOnHostileInput) {
  const std::string many_ampersands = "<t>" + std::string(1 << 21, '&') + "</t>";
  XmlReader ampersands(many_ampersands);
  ASSERT_EQ(ampersands.Next(), XmlReader::Event::kStart);
  ASSERT_EQ(ampersands.Next(), XmlReader::Event::kText);
  EXPECT_EQ(ampersands.text().size(), 1u << 21);
  std::string declarations;
  for (int i = 0; i < 300000; ++i) declarations += "<!a>";
  declarations += "<b/>";
  XmlReader reader(declarations);
  EXPECT_EQ(reader.Next(), XmlReader::Event::kStart);
}

}  // namespace
}  // namespace kvitka::sheets::internal
