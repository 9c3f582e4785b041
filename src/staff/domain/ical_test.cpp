#include "staff/domain/ical.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::staff {
namespace {

EpochSeconds At(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

std::vector<std::string> SplitCrlf(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  for (std::size_t end; (end = text.find("\r\n", pos)) != std::string::npos; pos = end + 2) {
    lines.push_back(text.substr(pos, end - pos));
  }
  lines.push_back(text.substr(pos));
  return lines;
}

std::string Unfold(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

TEST(RenderCalendar, WritesAFeedWithUtcTimesAndCrlf) {
  const CalendarEvent shift{"42-1795417200@kvitka",
                            {At("2026-11-23T07:00:00Z"), At("2026-11-23T16:00:00Z")},
                            "Робоча зміна — Kvitka Demo",
                            "Зал 1, крісло 2"};
  const std::string feed = RenderCalendar("Олена; графік", {shift}, At("2026-11-20T10:30:05Z"));
  EXPECT_EQ(feed,
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//Kvitka//Schedule//UK\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\n"
            "X-WR-CALNAME:Олена\\; графік\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:42-1795417200@kvitka\r\n"
            "DTSTAMP:20261120T103005Z\r\n"
            "DTSTART:20261123T070000Z\r\n"
            "DTEND:20261123T160000Z\r\n"
            "SUMMARY:Робоча зміна — Kvitka Demo\r\n"
            "DESCRIPTION:Зал 1\\, крісло 2\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
}

TEST(RenderCalendar, AnEmptyFeedIsStillACalendar) {
  const std::string feed = RenderCalendar("Kvitka", {}, 0);
  EXPECT_EQ(feed.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_TRUE(feed.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_TRUE(feed.ends_with("X-WR-CALNAME:Kvitka\r\nEND:VCALENDAR\r\n"));
}

TEST(RenderCalendar, EscapesTextValues) {
  CalendarEvent e{"1@kvitka", {0, 3600}, "a\\b;c,d", "line one\nline two\r\nthree\rfour\x01"};
  const std::string feed = RenderCalendar("n", {e}, 0);
  EXPECT_NE(feed.find("\r\nSUMMARY:a\\\\b\\;c\\,d\r\n"), std::string::npos);
  EXPECT_NE(feed.find("\r\nDESCRIPTION:line one\\nline two\\nthree\\nfour\r\n"), std::string::npos);
  EXPECT_NE(feed.find("DTSTART:19700101T000000Z"), std::string::npos);
  EXPECT_NE(feed.find("DTEND:19700101T010000Z"), std::string::npos);
}

TEST(RenderCalendar, LongCyrillicTextFoldsWithoutBreakingCharacters) {
  std::string description;
  for (int i = 0; i < 6; ++i) description += "Манікюр, педикюр і корекція брів у майстра Олени. ";
  const CalendarEvent e{"7@kvitka", {0, 60}, "Зміна", description};
  const std::string feed =
      RenderCalendar("Розклад майстра Олени Коваленко-Шевченко, Поділ", {e}, 0);
  const auto lines = SplitCrlf(feed);
  int continuations = 0;
  for (const auto& line : lines) {
    EXPECT_LE(line.size(), 75u) << line;
    if (line.starts_with(" ")) {
      ++continuations;
      ASSERT_GT(line.size(), 1u);
      EXPECT_FALSE(IsContinuationByte(line[1])) << line;
    }
  }
  EXPECT_GE(continuations, 8);
  EXPECT_NE(Unfold(feed).find("X-WR-CALNAME:Розклад майстра Олени Коваленко-Шевченко\\, Поділ\r\n"),
            std::string::npos);
}

TEST(FoldLine, KeepsShortLinesAndFoldsAt75Octets) {
  const std::string exactly(75, 'a');
  EXPECT_EQ(FoldLine(exactly), exactly);
  EXPECT_EQ(FoldLine(exactly + "b"), exactly + "\r\n b");
  // Continuation lines hold 74 octets after their space.
  const std::string long_line = exactly + std::string(74, 'b') + "c";
  EXPECT_EQ(FoldLine(long_line), exactly + "\r\n " + std::string(74, 'b') + "\r\n c");
  EXPECT_EQ(FoldLine(""), "");
}

TEST(FoldLine, NeverSplitsAUtf8Sequence) {
  // 74 ASCII octets, then a two-octet letter straddling the 75th octet.
  const std::string line = std::string(74, 'a') + "ї" + "b";
  EXPECT_EQ(FoldLine(line), std::string(74, 'a') + "\r\n їb");
  for (const std::string unit : {"ї", "—", "🌸"}) {  // 2, 3 and 4 octets
    std::string text = "SUMMARY:";
    for (int i = 0; i < 100; ++i) text += unit;
    const std::string folded = FoldLine(text);
    EXPECT_EQ(Unfold(folded), text);
    const auto parts = SplitCrlf(folded);
    EXPECT_GT(parts.size(), 2u);
    for (std::size_t k = 0; k < parts.size(); ++k) {
      EXPECT_LE(parts[k].size(), 75u);
      const std::string body = parts[k].substr(k == 0 ? 8 : 1);  // whole letters only
      EXPECT_EQ(body.size() % unit.size(), 0u) << unit;
      EXPECT_FALSE(IsContinuationByte(body.front()));
    }
  }
}

}  // namespace
}  // namespace kvitka::staff
