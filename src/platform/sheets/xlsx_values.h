// Internal: how .xlsx cell values become text (numbers, dates, references, escapes).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace kvitka::sheets::internal {

// What a number format shows.
enum class NumberKind { kNumber, kDate, kDateTime, kTime, kElapsedTime };

// Built-in formats: 14-17 dates, 22 date and time, 18-21 and 45-47 times (46 is [h]:mm:ss).
NumberKind ClassifyBuiltinFormat(int num_fmt_id);

// A custom format code: dates have d or y (or m without h and s); times have h or s; quoted
// text, escapes, [colors]/[$-locale] and AM/PM do not count; [h] [m] [s] are elapsed time.
NumberKind ClassifyFormatCode(std::string_view code);

// A stored number as Excel's General format shows it, but integers below 1e21 in full:
// "380671234567", "3.80671234567E+11" -> "380671234567", "0.30000000000000004" -> "0.3".
// Text that is not a number is returned as it is.
std::string FormatNumber(std::string_view raw);

// A stored number shown with a format: dates "YYYY-MM-DD" (1900 system with its fictional
// 1900-02-29, or the 1904 system), date-times "YYYY-MM-DD HH:MM[:SS]" (no time at midnight),
// times "H:MM[:SS]". Values no date can have fall back to FormatNumber.
std::string FormatNumberCell(std::string_view raw, NumberKind kind, bool date1904);

// "C5" -> row 4, column 2 (zero-based). False when malformed or outside Excel's grid.
bool ParseCellReference(std::string_view reference, std::size_t* row, std::size_t* column);

// Decodes OOXML's _xHHHH_ escapes of characters XML cannot carry ("_x000D_" -> "\r").
void DecodeOoxmlEscapes(std::string* text);

}  // namespace kvitka::sheets::internal
