// Spreadsheets for import and export: CSV and .xlsx read into and written from a table of
// UTF-8 strings. Readers never crash on hostile input; writers guard against formula injection.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kvitka::sheets {

// rows[0] is usually the header. Every cell is a UTF-8 string; rows keep their own lengths.
struct Table {
  std::vector<std::vector<std::string>> rows;
};

enum class SheetError {
  kEmpty,        // no data at all (empty file, only blank lines, an empty first sheet)
  kNotCsv,       // binary data (an .xlsx, .xls, PDF or image sent as CSV)
  kNotXlsx,      // not a readable .xlsx (not a zip, parts missing, malformed XML, encrypted)
  kTooLarge,     // more than max_rows rows, or an .xlsx that unpacks to more than 200 MiB
  kBadEncoding,  // neither UTF-8, UTF-16 with BOM nor Windows-1251
};

// Reads CSV (RFC 4180: "" escapes, line breaks inside quotes, CRLF/LF/CR line ends). The
// separator is detected among ',' ';' and tab from the first records. Encodings: UTF-8 (BOM
// stripped), UTF-16LE/BE with BOM, otherwise Windows-1251 when the bytes are not UTF-8.
// Blank lines inside the file become empty rows; trailing blank lines are dropped; NUL
// characters are removed. An unterminated quote takes the rest of the file as its field.
Result<Table, SheetError> ReadCsv(std::string_view bytes, std::size_t max_rows = 1'000'000);

// Reads the first worksheet of an .xlsx (in workbook order). Numbers come out as Excel shows
// them in General format without exponents for integers up to 1e21 ("380671234567"), dates as
// "YYYY-MM-DD" ("YYYY-MM-DD HH:MM[:SS]" when the cell has a time part), time-only formats as
// "H:MM[:SS]", booleans as "TRUE"/"FALSE", formulas as their cached value. Cells are placed by
// their reference; missing cells are "", trailing empty cells and trailing empty rows dropped.
Result<Table, SheetError> ReadXlsx(std::string_view bytes, std::size_t max_rows = 1'000'000);

// CSV for Excel: UTF-8 with BOM, ',' separator, RFC 4180 quoting, CRLF after every row.
// Every cell goes through SafeCell.
std::string WriteCsv(const Table& table);

// The bytes of an .xlsx with one worksheet named `sheet_name` (made valid for Excel: at most
// 31 characters, no []:*?/\), every cell a text cell passed through SafeCell, the first row
// bold and frozen, columns sized to their content. Cells longer than Excel's 32767 characters
// are cut. Throws std::length_error past Excel's 1048576 rows or 16384 columns (export such
// data as CSV) and std::runtime_error when the temporary file cannot be written.
std::string WriteXlsx(const Table& table, const std::string& sheet_name);

// Formula-injection guard (OWASP "CSV injection"): prefixes "'" when the cell starts with
// = + - @ tab or CR, also after leading spaces. Phones such as "+380671234567" and negative
// numbers are prefixed too; that is intended. Other text is returned unchanged.
std::string SafeCell(std::string_view cell);

// Undoes SafeCell for importers: "'+380671234567" -> "+380671234567". Text that SafeCell
// would not have produced ("'quoted'") is returned unchanged.
std::string_view UnguardCell(std::string_view cell);

}  // namespace kvitka::sheets
