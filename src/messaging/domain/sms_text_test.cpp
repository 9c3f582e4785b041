#include "messaging/domain/sms_text.h"

#include <gtest/gtest.h>

#include <string>

namespace kvitka::messaging {
namespace {

std::string Repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

TEST(MessagingSms, EmptyTextHasNoParts) {
  EXPECT_EQ(MeasureSms(""), (SmsSize{SmsEncoding::kGsm7, 0, 0, 160}));
}

TEST(MessagingSms, LatinFitsOneGsmPartUpTo160) {
  EXPECT_EQ(MeasureSms(Repeat("a", 160)), (SmsSize{SmsEncoding::kGsm7, 160, 1, 160}));
  EXPECT_EQ(MeasureSms(Repeat("a", 161)), (SmsSize{SmsEncoding::kGsm7, 161, 2, 153}));
  EXPECT_EQ(MeasureSms(Repeat("a", 306)).parts, 2);
  EXPECT_EQ(MeasureSms(Repeat("a", 307)).parts, 3);
}

TEST(MessagingSms, CyrillicIsUcs2With70And67PerPart) {
  const std::string letter = "ї";
  EXPECT_EQ(MeasureSms(Repeat(letter, 70)), (SmsSize{SmsEncoding::kUcs2, 70, 1, 70}));
  EXPECT_EQ(MeasureSms(Repeat(letter, 71)), (SmsSize{SmsEncoding::kUcs2, 71, 2, 67}));
  EXPECT_EQ(MeasureSms(Repeat(letter, 134)), (SmsSize{SmsEncoding::kUcs2, 134, 2, 67}));
  EXPECT_EQ(MeasureSms(Repeat(letter, 135)), (SmsSize{SmsEncoding::kUcs2, 135, 3, 67}));
}

TEST(MessagingSms, OneCyrillicLetterTurnsTheWholeTextIntoUcs2) {
  const SmsSize size = MeasureSms(Repeat("a", 100) + "Ж");
  EXPECT_EQ(size.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(size.units, 101);
  EXPECT_EQ(size.parts, 2);
}

TEST(MessagingSms, ExtensionCharactersTakeTwoSeptets) {
  for (std::string_view c : {"€", "{", "}", "[", "]", "~", "^", "|", "\\"}) {
    const SmsSize size = MeasureSms(c);
    EXPECT_EQ(size.encoding, SmsEncoding::kGsm7) << c;
    EXPECT_EQ(size.units, 2) << c;
  }
  EXPECT_EQ(MeasureSms(Repeat("a", 158) + "€").parts, 1);  // 160 septets
  EXPECT_EQ(MeasureSms(Repeat("a", 159) + "€").parts, 2);  // 161 septets
}

TEST(MessagingSms, AnExtensionCharacterIsNotCutAtAPartBoundary) {
  // 152 + 2 septets: the euro sign does not fit into the first part's 153 and opens the second.
  const std::string text = Repeat("a", 152) + "€" + Repeat("a", 152);
  const SmsSize size = MeasureSms(text);
  EXPECT_EQ(size.units, 306);
  EXPECT_EQ(size.parts, 3);
  EXPECT_EQ(MeasureSms(Repeat("a", 151) + "€" + Repeat("a", 153)).parts, 2);
}

TEST(MessagingSms, GsmBasicSetBeyondAsciiStaysSevenBit) {
  const SmsSize size =
      MeasureSms("Café à Zürich: 5£, 3¥, Ñ§¿¡ ΔΦΓΛΩΠΨΣΘΞ\r\n@$_!\"#%&'()*+,-./:;<=>?");
  EXPECT_EQ(size.encoding, SmsEncoding::kGsm7);
  EXPECT_EQ(size.parts, 1);
}

TEST(MessagingSms, CharactersOutsideGsmNeedUcs2) {
  for (std::string_view text : {"`", "«hi»", "it’s", "—", "₴", "ç", "\t"}) {
    EXPECT_EQ(MeasureSms(text).encoding, SmsEncoding::kUcs2) << text;
  }
}

TEST(MessagingSms, EmojiTakesTwoUtf16Units) {
  EXPECT_EQ(MeasureSms("🌸"), (SmsSize{SmsEncoding::kUcs2, 2, 1, 70}));
  EXPECT_EQ(MeasureSms(Repeat("🌸", 35)).parts, 1);
  EXPECT_EQ(MeasureSms(Repeat("🌸", 36)).parts, 2);
  // 66 letters then an emoji: the surrogate pair would straddle the boundary at 67.
  EXPECT_EQ(MeasureSms(Repeat("ж", 66) + "🌸" + Repeat("ж", 66)).parts, 3);
  EXPECT_EQ(MeasureSms(Repeat("ж", 65) + "🌸" + Repeat("ж", 67)).parts, 2);
}

TEST(MessagingSms, MalformedUtf8CountsAsReplacementCharacter) {
  const SmsSize size = MeasureSms("ab\xff");
  EXPECT_EQ(size.encoding, SmsEncoding::kUcs2);
  EXPECT_EQ(size.units, 3);
}

TEST(MessagingSms, EncodingNames) {
  EXPECT_STREQ(SmsEncodingName(SmsEncoding::kGsm7), "gsm7");
  EXPECT_STREQ(SmsEncodingName(SmsEncoding::kUcs2), "ucs2");
}

}  // namespace
}  // namespace kvitka::messaging
