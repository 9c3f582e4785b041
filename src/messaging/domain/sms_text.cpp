#include "messaging/domain/sms_text.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>

namespace kvitka::messaging {
namespace {

// Characters of the GSM 03.38 basic set outside ASCII.
constexpr std::array<char32_t, 39> kBasicNonAscii = {
    U'£', U'¥', U'è', U'é', U'ù', U'ì', U'ò', U'Ç', U'Ø', U'ø', U'Å', U'å', U'Δ',
    U'Φ', U'Γ', U'Λ', U'Ω', U'Π', U'Ψ', U'Σ', U'Θ', U'Ξ', U'Æ', U'æ', U'ß', U'É',
    U'¤', U'¡', U'Ä', U'Ö', U'Ñ', U'Ü', U'§', U'¿', U'ä', U'ö', U'ñ', U'ü', U'à'};

// Septets a code point takes in GSM 03.38 (1 basic, 2 extension table), 0 when it has none.
int GsmSeptets(char32_t c) {
  if (c < 0x80) {
    switch (c) {
      case '\n':
      case '\r':
        return 1;
      case '\f':
      case '^':
      case '{':
      case '}':
      case '\\':
      case '[':
      case ']':
      case '~':
      case '|':
        return 2;
      case '`':
        return 0;
      default:
        return c >= 0x20 && c < 0x7F ? 1 : 0;
    }
  }
  if (c == U'€') return 2;
  return std::find(kBasicNonAscii.begin(), kBasicNonAscii.end(), c) != kBasicNonAscii.end() ? 1 : 0;
}

// Calls `f(code_point)` for each character; a malformed sequence is U+FFFD.
template <class F>
void ForEachCodePoint(std::string_view text, F f) {
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(text.size());
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    f(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
}

int Ucs2Units(char32_t c) { return c > 0xFFFF ? 2 : 1; }

// Parts of a split text: characters fill a part in order, one that does not fit whole starts
// the next part.
template <class Units>
int CountParts(std::string_view text, int per_part, Units units_of) {
  int parts = 1;
  int used = 0;
  ForEachCodePoint(text, [&](char32_t c) {
    const int units = units_of(c);
    if (used + units > per_part) {
      ++parts;
      used = 0;
    }
    used += units;
  });
  return parts;
}

}  // namespace

const char* SmsEncodingName(SmsEncoding encoding) {
  return encoding == SmsEncoding::kGsm7 ? "gsm7" : "ucs2";
}

SmsSize MeasureSms(std::string_view text) {
  int septets = 0;
  int utf16 = 0;
  bool gsm = true;
  ForEachCodePoint(text, [&](char32_t c) {
    const int s = GsmSeptets(c);
    if (s == 0) gsm = false;
    septets += s;
    utf16 += Ucs2Units(c);
  });
  SmsSize size;
  if (gsm) {
    size.encoding = SmsEncoding::kGsm7;
    size.units = septets;
    size.units_per_part = septets > kGsmSinglePart ? kGsmMultiPart : kGsmSinglePart;
    if (septets > kGsmSinglePart) {
      size.parts = CountParts(text, kGsmMultiPart, GsmSeptets);
    } else {
      size.parts = septets > 0 ? 1 : 0;
    }
  } else {
    size.encoding = SmsEncoding::kUcs2;
    size.units = utf16;
    size.units_per_part = utf16 > kUcs2SinglePart ? kUcs2MultiPart : kUcs2SinglePart;
    size.parts = utf16 > kUcs2SinglePart ? CountParts(text, kUcs2MultiPart, Ucs2Units) : 1;
  }
  return size;
}

}  // namespace kvitka::messaging
