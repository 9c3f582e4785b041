#include "platform/sheets/text_decoding.h"

#include <unicode/ucnv.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace kvitka::sheets::internal {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// Files people send instead of CSV: zip (.xlsx, .ods), OLE (.xls, .doc), PDF, images.
bool IsKnownBinary(std::string_view bytes) {
  static constexpr std::array<std::string_view, 7> kSignatures = {
      std::string_view("PK\x03\x04", 4),
      "\xD0\xCF\x11\xE0",
      "%PDF-",
      "\x89PNG",
      "GIF8",
      "\xFF\xD8\xFF",
      std::string_view("\x1F\x8B\x08", 3)};
  for (std::string_view signature : kSignatures) {
    if (StartsWith(bytes, signature)) return true;
  }
  return false;
}

struct Utf8Census {
  std::size_t invalid = 0;    // bytes that start no valid sequence
  std::size_t multibyte = 0;  // valid sequences of 2-4 bytes
};

Utf8Census CountUtf8(std::string_view text) {
  Utf8Census census;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  int64_t i = 0;
  while (i < length) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    // U8_NEXT works on int32_t offsets: look at a short window around this sequence.
    const auto window = static_cast<int32_t>(std::min<int64_t>(4, length - i));
    int32_t j = 0;
    UChar32 c;
    U8_NEXT(s + i, j, window, c);
    if (c < 0) {
      ++census.invalid;
    } else {
      ++census.multibyte;
    }
    i += j;
  }
  return census;
}

// UTF-16 without a BOM: NULs in every other byte (ASCII separators and digits) and never in
// the others.
const char* GuessBomlessUtf16(std::string_view bytes) {
  const std::size_t pairs = std::min<std::size_t>(bytes.size(), 512) / 2;
  if (pairs < 2 || bytes.size() % 2 != 0) return nullptr;
  std::size_t even_nuls = 0;
  std::size_t odd_nuls = 0;
  for (std::size_t i = 0; i < pairs; ++i) {
    even_nuls += bytes[2 * i] == '\0';
    odd_nuls += bytes[2 * i + 1] == '\0';
  }
  if (odd_nuls >= 2 && odd_nuls * 4 >= pairs && even_nuls == 0) return "UTF-16LE";
  if (even_nuls >= 2 && even_nuls * 4 >= pairs && odd_nuls == 0) return "UTF-16BE";
  return nullptr;
}

Result<std::string, SheetError> Convert(const char* charset, std::string_view bytes) {
  std::string out;
  if (!ConvertToUtf8(charset, bytes, &out)) return Fail(SheetError::kBadEncoding);
  return out;
}

}  // namespace

bool ConvertToUtf8(const char* charset, std::string_view bytes, std::string* out) {
  out->clear();
  if (bytes.empty()) return true;
  if (bytes.size() > INT32_MAX / 2) return false;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, decltype(&ucnv_close)> converter(ucnv_open(charset, &status),
                                                               &ucnv_close);
  if (U_FAILURE(status)) return false;
  ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  // Both charsets give at most one UTF-16 unit per byte.
  std::vector<UChar> units(bytes.size() + 1);
  const int32_t unit_count =
      ucnv_toUChars(converter.get(), units.data(), static_cast<int32_t>(units.size()), bytes.data(),
                    static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  int32_t utf8_length = 0;
  u_strToUTF8(nullptr, 0, &utf8_length, units.data(), unit_count, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return false;
  status = U_ZERO_ERROR;
  out->resize(static_cast<std::size_t>(utf8_length));
  u_strToUTF8(out->data(), utf8_length, nullptr, units.data(), unit_count, &status);
  return U_SUCCESS(status) || status == U_STRING_NOT_TERMINATED_WARNING;
}

Result<std::string, SheetError> DecodeText(std::string_view bytes) {
  if (IsKnownBinary(bytes)) return Fail(SheetError::kNotCsv);
  if (StartsWith(bytes, kUtf8Bom)) {
    bytes.remove_prefix(kUtf8Bom.size());
    if (CountUtf8(bytes).invalid > 0) return Fail(SheetError::kBadEncoding);
    return std::string(bytes);
  }
  if (StartsWith(bytes, "\xFF\xFE")) return Convert("UTF-16LE", bytes.substr(2));
  if (StartsWith(bytes, "\xFE\xFF")) return Convert("UTF-16BE", bytes.substr(2));
  if (const char* utf16 = GuessBomlessUtf16(bytes)) {
    std::string text;
    if (ConvertToUtf8(utf16, bytes, &text)) return text;
  }
  const Utf8Census census = CountUtf8(bytes);
  if (census.invalid == 0) return std::string(bytes);
  // cp1251 Cyrillic is almost never valid UTF-8; UTF-8 with a few broken bytes is damaged.
  if (census.multibyte > 4 * census.invalid) return Fail(SheetError::kBadEncoding);
  return Convert("windows-1251", bytes);
}

}  // namespace kvitka::sheets::internal
