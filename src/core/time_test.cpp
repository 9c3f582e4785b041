#include "core/time.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(Rfc3339, FormatsUtcWithZ) { EXPECT_EQ(FormatRfc3339Utc(0), "1970-01-01T00:00:00Z"); }

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

}  // namespace
}  // namespace kvitka
