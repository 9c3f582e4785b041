// Internal: turns the bytes of an uploaded text file into UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "platform/sheets/sheets.h"

namespace kvitka::sheets::internal {

// UTF-8 (BOM stripped), UTF-16LE/BE with a BOM (or without one when every other byte is
// NUL), else Windows-1251 when the bytes are not UTF-8. Damaged UTF-8 (mostly valid, a few
// bad bytes) and undecodable bytes are kBadEncoding; known binary formats are kNotCsv.
Result<std::string, SheetError> DecodeText(std::string_view bytes);

// Windows-1251 / UTF-16 bytes to UTF-8 through ICU; false when a byte sequence is invalid.
bool ConvertToUtf8(const char* charset, std::string_view bytes, std::string* out);

}  // namespace kvitka::sheets::internal
