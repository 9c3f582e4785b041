#include "identity/domain/validation.h"

#include <gtest/gtest.h>

namespace kvitka::identity {
namespace {

TEST(Email, NormalizesCaseAndSpaces) {
  EXPECT_EQ(NormalizeEmail("  Owner@Kvitka.Demo "), "owner@kvitka.demo");
}

TEST(Email, RefusesImplausibleAddresses) {
  for (const char* bad : {"", "a", "no-at", "@kvitka.demo", "a@", "a@b@c", "a b@c.d", "a@.c",
                          "a@c.", "a@c..d", "<a>@c.d"}) {
    EXPECT_FALSE(NormalizeEmail(bad)) << bad;
  }
}

TEST(Password, NeedsEightCharactersCountedAsLetters) {
  FieldErrors errors;
  CheckPassword("short", "password", errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].code, "too_short");
  errors.clear();
  CheckPassword("пароль12", "password", errors);  // 8 letters, 14 bytes
  EXPECT_TRUE(errors.empty());
}

TEST(Signup, ReportsEveryBadFieldAtOnce) {
  auto errors = CheckSignup("bad", "Mars/X", "QQQ", "short");
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].field, "email");
  EXPECT_EQ(errors[1].field, "timezone");
  EXPECT_EQ(errors[2].field, "currency");
  EXPECT_EQ(errors[3].field, "password");
  EXPECT_TRUE(CheckSignup("a@b.c", "Europe/Kiev", "UAH", "kvitka-demo").empty());
}

TEST(Slug, AcceptsOnlyCleanSlugs) {
  EXPECT_TRUE(IsValidSlug("kvitka-demo"));
  EXPECT_TRUE(IsValidSlug("salon1"));
  EXPECT_FALSE(IsValidSlug("Kvitka"));
  EXPECT_FALSE(IsValidSlug("-a"));
  EXPECT_FALSE(IsValidSlug("a--b"));
  EXPECT_FALSE(IsValidSlug(""));
  EXPECT_FALSE(IsValidSlug("квітка"));
}

}  // namespace
}  // namespace kvitka::identity
