// Text rules shared by all modules (ICU): lengths in characters, case folding, slugs.
#pragma once

#include <string>
#include <string_view>

namespace kvitka {

// True when the bytes are well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Number of Unicode code points (what a person calls characters).
std::size_t Utf8Length(std::string_view text);

// Leading and trailing whitespace removed.
std::string Trim(std::string_view text);

// Case-folded text for comparisons and search ("ОЛЕНА" -> "олена").
std::string FoldCase(std::string_view text);

// A key that sorts names as people expect in Ukrainian (and Russian and Latin): "Анна" before
// "Ірина", case and accents ignored first.
std::string SortKey(std::string_view text);

// "#rrggbb".
bool IsHexColor(std::string_view value);

// A URL slug: transliterated to Latin, lower case, words joined by '-' ("Квітка Поділ" ->
// "kvitka-podil"). Empty when nothing usable remains.
std::string Slugify(std::string_view text);

}  // namespace kvitka
