// How an SMS travels and what it costs: GSM 03.38 7-bit when every character is in the GSM
// alphabet (basic set or extension table), UCS-2 otherwise (Cyrillic, emoji, typographic
// quotes), and how many parts a long text is split into. Pure: no I/O.
#pragma once

#include <string_view>

namespace kvitka::messaging {

enum class SmsEncoding { kGsm7, kUcs2 };

// "gsm7", "ucs2".
const char* SmsEncodingName(SmsEncoding encoding);

struct SmsSize {
  SmsEncoding encoding = SmsEncoding::kGsm7;
  int units = 0;             // GSM septets (an extension character takes 2) or UTF-16 code units
  int parts = 0;             // 0 for an empty text
  int units_per_part = 160;  // 160 / 70 for one part, 153 / 67 when the text is split

  friend bool operator==(const SmsSize&, const SmsSize&) = default;
};

inline constexpr int kGsmSinglePart = 160;
inline constexpr int kGsmMultiPart = 153;
inline constexpr int kUcs2SinglePart = 70;
inline constexpr int kUcs2MultiPart = 67;

// The encoding, length and parts of a UTF-8 text as a gateway will send it. A split never
// cuts an extension character's escape pair or a UTF-16 surrogate pair, so such a character
// at a boundary moves to the next part. Malformed UTF-8 counts as U+FFFD (UCS-2).
SmsSize MeasureSms(std::string_view text);

}  // namespace kvitka::messaging
