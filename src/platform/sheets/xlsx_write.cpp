// Writing a Table as an .xlsx with libxlsxwriter (constant-memory mode, through a temp file).
#include <stdlib.h>  // mkdtemp
#include <unicode/utf8.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "core/text.h"
#include "platform/sheets/cell_guard.h"
#include "platform/sheets/sheets.h"
#include "platform/sheets/xml_reader.h"

namespace kvitka::sheets {
namespace {

constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for a cell's text
constexpr std::size_t kWidthSampleRows = 1000;

// A private directory (mode 0700, random name) for the workbook and libxlsxwriter's own
// temporary files; removed with everything in it.
class TempDirectory {
 public:
  TempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kvitka-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp " + pattern);
    }
    path_ = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Cuts UTF-8 text to at most `max_chars` code points.
void TruncateChars(std::string* text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text->size(); ++i) {
    if ((static_cast<unsigned char>((*text)[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max_chars) {
      text->resize(i);
      return;
    }
  }
}

// A name Excel accepts: no []:*?/\ or control characters, not starting or ending with an
// apostrophe, 1 to 31 characters, not "History".
std::string ExcelSheetName(std::string_view requested) {
  std::string name;
  if (IsValidUtf8(requested)) {
    for (char c : requested) {
      if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
        name.push_back('_');
      } else if (static_cast<unsigned char>(c) >= 0x20) {
        name.push_back(c);
      }
    }
  }
  TruncateChars(&name, 31);
  while (!name.empty() && name.front() == '\'') name.erase(0, 1);
  while (!name.empty() && name.back() == '\'') name.pop_back();
  if (name.empty() || FoldCase(name) == "history") return "Sheet1";
  return name;
}

// Invalid UTF-8 sequences become U+FFFD.
std::string RepairUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    internal::AppendUtf8(c < 0 ? 0xFFFD : static_cast<char32_t>(c), &out);
  }
  return out;
}

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Position of the next text that readers would take for an _xHHHH_ escape, or npos.
std::size_t FindEscapeLookalike(std::string_view text, std::size_t from = 0) {
  for (std::size_t at = text.find("_x", from); at != std::string_view::npos;
       at = text.find("_x", at + 1)) {
    if (at + 7 <= text.size() && text[at + 6] == '_' && IsHex(text[at + 2]) &&
        IsHex(text[at + 3]) && IsHex(text[at + 4]) && IsHex(text[at + 5])) {
      return at;
    }
  }
  return std::string_view::npos;
}

// "_x0041_" as text is written "_x005F_x0041_" (an escaped '_'), as Excel does.
void EscapeLookalikes(std::string* text) {
  std::size_t at = FindEscapeLookalike(*text);
  if (at == std::string::npos) return;
  std::string escaped;
  std::size_t done = 0;
  // The closing "_" of one may open the next: "_x0041_x0042_".
  for (; at != std::string::npos; at = FindEscapeLookalike(*text, at + 6)) {
    escaped.append(*text, done, at + 1 - done);
    escaped.append("x005F_");
    done = at + 1;
  }
  escaped.append(*text, done);
  *text = std::move(escaped);
}

// Text as a cell may hold it: guarded, valid UTF-8 without NULs, within Excel's length.
// Returns the cell's own characters (no copy) in the common case.
const char* CellText(const std::string& cell, std::string* scratch) {
  const bool valid = IsValidUtf8(cell);
  if (valid && cell.size() <= kMaxCellChars && !internal::NeedsFormulaGuard(cell) &&
      cell.find('\0') == std::string::npos && FindEscapeLookalike(cell) == std::string::npos) {
    return cell.c_str();
  }
  *scratch = SafeCell(valid ? cell : RepairUtf8(cell));
  std::erase(*scratch, '\0');
  EscapeLookalikes(scratch);
  TruncateChars(scratch, kMaxCellChars);
  return scratch->c_str();
}

double ColumnWidth(const std::vector<std::vector<std::string>>& rows, std::size_t column) {
  std::size_t widest = 0;
  const std::size_t sample = std::min(rows.size(), kWidthSampleRows);
  for (std::size_t r = 0; r < sample; ++r) {
    if (column < rows[r].size()) widest = std::max(widest, Utf8Length(rows[r][column]));
  }
  return static_cast<double>(std::clamp<std::size_t>(widest + 2, 8, 60));
}

std::string ReadFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  std::string bytes(std::filesystem::file_size(path), '\0');
  if (!file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    throw std::runtime_error("cannot read the written workbook " + path);
  }
  return bytes;
}

void Check(lxw_error error, const char* what) {
  if (error != LXW_NO_ERROR) {
    throw std::runtime_error(std::string("libxlsxwriter: ") + what + ": " + lxw_strerror(error));
  }
}

}  // namespace

std::string WriteXlsx(const Table& table, const std::string& sheet_name) {
  const auto& rows = table.rows;
  std::size_t columns = 0;
  for (const auto& row : rows) columns = std::max(columns, row.size());
  if (rows.size() > LXW_ROW_MAX || columns > LXW_COL_MAX) {
    throw std::length_error("table exceeds Excel's 1048576 rows or 16384 columns");
  }

  TempDirectory directory;
  const std::string path = directory.path() + "/table.xlsx";
  std::string tmpdir = directory.path();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = tmpdir.data();
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) throw std::runtime_error("libxlsxwriter: cannot create a workbook");
  // workbook_close writes and frees; it must run on every path.
  struct Closer {
    lxw_workbook* workbook;
    ~Closer() {
      if (workbook != nullptr) workbook_close(workbook);
    }
  } closer{workbook};

  const std::string name = ExcelSheetName(sheet_name);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name.c_str());
  if (sheet == nullptr) sheet = workbook_add_worksheet(workbook, nullptr);
  if (sheet == nullptr) throw std::runtime_error("libxlsxwriter: cannot add a worksheet");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);

  for (std::size_t c = 0; c < columns; ++c) {
    const auto column = static_cast<lxw_col_t>(c);
    Check(worksheet_set_column(sheet, column, column, ColumnWidth(rows, c), nullptr), "set_column");
  }
  if (!rows.empty()) worksheet_freeze_panes(sheet, 1, 0);

  std::string scratch;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    lxw_format* format = r == 0 ? bold : nullptr;
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      if (rows[r][c].empty()) continue;
      Check(worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                   CellText(rows[r][c], &scratch), format),
            "write_string");
    }
  }
  closer.workbook = nullptr;
  Check(workbook_close(workbook), "close");
  return ReadFile(path);
}

}  // namespace kvitka::sheets
