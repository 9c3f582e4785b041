#include "core/text.h"

#include <unicode/coll.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>
#include <mutex>

namespace kvitka {

bool IsValidUtf8(std::string_view text) {
  int32_t i = 0;
  const auto length = static_cast<int32_t>(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::size_t Utf8Length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string Trim(std::string_view text) {
  const char* ws = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(ws);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(ws);
  return std::string(text.substr(first, last - first + 1));
}

std::string SortKey(std::string_view text) {
  thread_local std::unique_ptr<icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> c(
        icu::Collator::createInstance(icu::Locale("uk", "UA"), status));
    if (U_FAILURE(status)) c.reset();
    return c;
  }();
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (!collator) return FoldCase(text);
  const int32_t size = collator->getSortKey(u, nullptr, 0);
  std::string key(static_cast<std::size_t>(size), '\0');
  collator->getSortKey(u, reinterpret_cast<uint8_t*>(key.data()), size);
  if (!key.empty() && key.back() == '\0') key.pop_back();
  return key;
}

bool IsHexColor(std::string_view value) {
  if (value.size() != 7 || value[0] != '#') return false;
  for (char c : value.substr(1)) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  }
  return true;
}

std::string FoldCase(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

namespace {

// ICU transliterators are not thread-safe for concurrent use: one per thread.
icu::Transliterator* SlugTransliterator() {
  thread_local std::unique_ptr<icu::Transliterator> transliterator = [] {
    UErrorCode status = U_ZERO_ERROR;
    // Ukrainian rules first so that "и" -> "y", "і" -> "i", "ї" -> "i" as in the national table.
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
      status = U_ZERO_ERROR;
      t.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD,
                                                  status));
    }
    if (U_FAILURE(status)) t.reset();
    return t;
  }();
  return transliterator.get();
}

}  // namespace

std::string Slugify(std::string_view text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (auto* t = SlugTransliterator()) t->transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  std::string slug;
  bool dash = false;
  for (char c : latin) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (dash && !slug.empty()) slug += '-';
      slug += c;
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !slug.empty()) slug += '-';
      slug += static_cast<char>(c - 'A' + 'a');
      dash = false;
    } else {
      dash = true;
    }
  }
  if (slug.size() > 60) slug.resize(60);
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug;
}

}  // namespace kvitka
