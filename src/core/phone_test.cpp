#include "core/phone.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(Phone, EveryCommonUkrainianFormIsTheSameNumber) {
  for (const char* form : {"067 123 45 67", "+38 (067) 123-45-67", "380671234567",
                           "8 067 123 45 67", "0671234567", "+380671234567", "(067)1234567"}) {
    EXPECT_EQ(NormalizePhone(form, "UA"), "+380671234567") << form;
  }
}

TEST(Phone, OtherCountriesAndRegions) {
  EXPECT_EQ(NormalizePhone("+48 512 345 678", "UA"), "+48512345678");
  EXPECT_EQ(NormalizePhone("512 345 678", "PL"), "+48512345678");
}

TEST(Phone, RefusesWhatIsNotAPhone) {
  for (const char* bad :
       {"", "123", "hello", "067 123", "+380 00 000 00 00", "0671234567890123456"}) {
    EXPECT_FALSE(NormalizePhone(bad, "UA")) << bad;
  }
}

TEST(Phone, NationalDigitsForSearch) {
  EXPECT_EQ(NationalDigits("+380671234567"), "0671234567");
  EXPECT_EQ(DigitsOf("+38 (067) 12"), "3806712");
}

}  // namespace
}  // namespace kvitka
