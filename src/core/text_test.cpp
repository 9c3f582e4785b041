#include "core/text.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

TEST(Text, CountsCharactersNotBytes) {
  EXPECT_EQ(Utf8Length("Олена"), 5u);
  EXPECT_EQ(Utf8Length("abc"), 3u);
}

TEST(Text, ValidatesUtf8) {
  EXPECT_TRUE(IsValidUtf8("Квітка"));
  EXPECT_FALSE(IsValidUtf8(std::string("\xff\xfe", 2)));
  EXPECT_FALSE(IsValidUtf8(std::string("\xd0", 1)));
}

TEST(Text, FoldsCyrillicAndLatin) {
  EXPECT_EQ(FoldCase("ОЛЕГ"), "олег");
  EXPECT_EQ(FoldCase("Їжак"), "їжак");
  EXPECT_EQ(FoldCase("Kvitka"), "kvitka");
}

TEST(Text, Trims) {
  EXPECT_EQ(Trim("  a b \n"), "a b");
  EXPECT_EQ(Trim("   "), "");
}

TEST(Text, SortKeysFollowTheUkrainianAlphabet) {
  EXPECT_LT(SortKey("Анна"), SortKey("Ірина"));
  EXPECT_LT(SortKey("Ірина"), SortKey("Максим"));
  EXPECT_LT(SortKey("Євген"), SortKey("Жанна"));
  EXPECT_LT(SortKey("анна"), SortKey("Богдан"));
}

TEST(Text, HexColors) {
  EXPECT_TRUE(IsHexColor("#e64980"));
  EXPECT_TRUE(IsHexColor("#ABCDEF"));
  EXPECT_FALSE(IsHexColor("e64980"));
  EXPECT_FALSE(IsHexColor("#e6498"));
  EXPECT_FALSE(IsHexColor("#gggggg"));
}

TEST(Slug, TransliteratesUkrainian) {
  EXPECT_EQ(Slugify("Квітка Поділ"), "kvitka-podil");
  EXPECT_EQ(Slugify("Kvitka Demo"), "kvitka-demo");
  EXPECT_EQ(Slugify("  --Салон краси, 1!  "), "salon-krasy-1");
  EXPECT_EQ(Slugify("!!!"), "");
}

}  // namespace
}  // namespace kvitka
