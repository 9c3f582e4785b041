#include "core/time.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(Rfc3339, FormatsUtcWithZ) { EXPECT_EQ(FormatRfc3339Utc(0), "1970-01-01T00:00:00Z"); }

TEST(Rfc3339, FormatsAndParsesBackAcrossCenturiesAndBeforeTheEpoch) {
  EXPECT_EQ(FormatRfc3339Utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(FormatRfc3339Utc(951782400), "2000-02-29T00:00:00Z");
  for (EpochSeconds t = -2'000'000'000; t < 4'000'000'000; t += 7'777'777) {
    EXPECT_EQ(ParseRfc3339(FormatRfc3339Utc(t)), t);
    EXPECT_EQ(CivilDate(t, "UTC"), FormatRfc3339Utc(t).substr(0, 10));
  }
}

TEST(Rfc3339, ParsesZuluAndOffsets) {
  EXPECT_EQ(ParseRfc3339("2026-11-22T13:00:00Z"), 1795352400);
  EXPECT_EQ(ParseRfc3339("2026-11-22T15:00:00+02:00"), 1795352400);
  EXPECT_EQ(ParseRfc3339("2026-11-22T13:00:00z"), 1795352400);
}

TEST(Rfc3339, RejectsMalformed) {
  EXPECT_FALSE(ParseRfc3339(""));
  EXPECT_FALSE(ParseRfc3339("2026-11-22"));
  EXPECT_FALSE(ParseRfc3339("2026-11-22T13:00:00"));
  EXPECT_FALSE(ParseRfc3339("2026-13-22T13:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-11-22T13:00:00Zjunk"));
}

TEST(TimeZone, KievIsStoredAsKyiv) {
  EXPECT_EQ(CanonicalTimeZone("Europe/Kiev"), "Europe/Kyiv");
  EXPECT_EQ(CanonicalTimeZone("Europe/Kyiv"), "Europe/Kyiv");
  EXPECT_EQ(CanonicalTimeZone("Europe/Warsaw"), "Europe/Warsaw");
}

TEST(TimeZone, UnknownZonesAreRefused) {
  EXPECT_FALSE(CanonicalTimeZone("Mars/Olympus"));
  EXPECT_FALSE(CanonicalTimeZone(""));
  EXPECT_FALSE(CanonicalTimeZone("../../etc/passwd"));
}

TEST(TimeZone, RegionOfZone) {
  EXPECT_EQ(RegionOfTimeZone("Europe/Kyiv"), "UA");
  EXPECT_EQ(RegionOfTimeZone("Europe/Warsaw"), "PL");
  EXPECT_EQ(RegionOfTimeZone("UTC"), "");
}

TEST(CivilDate, FollowsTheZone) {
  // 2026-11-21T23:30:00Z is already the 22nd in Kyiv (UTC+2).
  EXPECT_EQ(CivilDate(1795303800, "Europe/Kyiv"), "2026-11-22");
  EXPECT_EQ(CivilDate(1795303800, "UTC"), "2026-11-21");
}

TEST(StartOfDay, IsMidnightInTheZoneAcrossDaylightSaving) {
  EXPECT_EQ(StartOfDay("2026-11-22", "Europe/Kyiv"),
            1795352400 - 15 * 3600);  // 22:00Z the day before
  // 2026-03-29 starts at 00:00 EET (UTC+2): the change to summer time happens at 03:00.
  EXPECT_EQ(StartOfDay("2026-03-29", "Europe/Kyiv"),
            StartOfDay("2026-03-28", "UTC").value() + 22 * 3600);
  EXPECT_FALSE(StartOfDay("2026-02-30", "Europe/Kyiv"));
  EXPECT_FALSE(StartOfDay("yesterday", "Europe/Kyiv"));
}

TEST(Rfc3339, FormatsWithTheZonesOffset) {
  EXPECT_EQ(FormatRfc3339InZone(1795352400, "Europe/Kyiv"), "2026-11-22T15:00:00+02:00");
  EXPECT_EQ(FormatRfc3339InZone(1782986400, "Europe/Kyiv"), "2026-07-02T13:00:00+03:00");
  EXPECT_EQ(FormatRfc3339InZone(0, "Nowhere"), "1970-01-01T00:00:00Z");
}

TEST(AddYears, ClampsLeapDays) {
  EXPECT_EQ(AddYears("2024-02-29", -1), "2023-02-28");
  EXPECT_EQ(AddYears("2026-11-22", -30), "1996-11-22");
}

TEST(AddDays, CrossesMonthsAndYears) {
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDays("2024-03-01", -1), "2024-02-29");
  EXPECT_EQ(DaysBetween("2026-11-22", "2026-12-22"), 30);
  EXPECT_FALSE(DaysBetween("2026-11-22", "bad").has_value());
}

TEST(LocalInstant, HandlesBothDaylightSavingDaysInKyiv) {
  // 2027-03-28: 03:00 -> 04:00 local; 10:00 local is 07:00Z.
  EXPECT_EQ(LocalInstant("2027-03-28", 10 * 60, "Europe/Kyiv"),
            *ParseRfc3339("2027-03-28T07:00:00Z"));
  // 03:30 does not exist: the end of the gap (04:00 local = 01:00Z).
  EXPECT_EQ(LocalInstant("2027-03-28", 210, "Europe/Kyiv"), *ParseRfc3339("2027-03-28T01:00:00Z"));
  // 2026-10-25: 04:00 -> 03:00 local; 03:30 happens twice, the earlier is 00:30Z.
  EXPECT_EQ(LocalInstant("2026-10-25", 210, "Europe/Kyiv"), *ParseRfc3339("2026-10-25T00:30:00Z"));
  EXPECT_EQ(LocalInstant("2026-10-25", 600, "Europe/Kyiv"), *ParseRfc3339("2026-10-25T08:00:00Z"));
  EXPECT_EQ(LocalMinutes(*ParseRfc3339("2026-10-25T08:00:00Z"), "Europe/Kyiv"), 600);
  EXPECT_EQ(LocalMinutes(*ParseRfc3339("2027-03-28T07:00:00Z"), "Europe/Kyiv"), 600);
}

TEST(UtcOffsets, ListsTheChangesInsideTheWindow) {
  const auto from = *ParseRfc3339("2026-10-01T00:00:00Z");
  const auto to = *ParseRfc3339("2026-11-01T00:00:00Z");
  const auto offsets = UtcOffsets("Europe/Kyiv", from, to);
  ASSERT_EQ(offsets.size(), 2u);
  EXPECT_EQ(offsets[0], std::make_pair(from, 180));
  EXPECT_EQ(offsets[1], std::make_pair(*ParseRfc3339("2026-10-25T01:00:00Z"), 120));
  EXPECT_EQ(UtcOffsets("Nowhere/City", from, to).size(), 1u);
}

}  // namespace
}  // namespace kvitka
