#include "core/money.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(Currency, KnowsActiveIsoCodes) {
  EXPECT_TRUE(IsKnownCurrency("UAH"));
  EXPECT_TRUE(IsKnownCurrency("EUR"));
  EXPECT_TRUE(IsKnownCurrency("PLN"));
  EXPECT_TRUE(IsKnownCurrency("USD"));
}

TEST(Currency, RefusesEverythingElse) {
  EXPECT_FALSE(IsKnownCurrency("uah"));
  EXPECT_FALSE(IsKnownCurrency("XXX"));
  EXPECT_FALSE(IsKnownCurrency("UA"));
  EXPECT_FALSE(IsKnownCurrency(""));
}

}  // namespace
}  // namespace kvitka
