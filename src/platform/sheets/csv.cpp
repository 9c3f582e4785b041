// CSV reading (RFC 4180, lenient) and CSV writing for Excel.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "platform/sheets/cell_guard.h"
#include "platform/sheets/sheets.h"
#include "platform/sheets/text_decoding.h"

namespace kvitka::sheets {
namespace {

using Row = std::vector<std::string>;

// Splits decoded text into records. Never fails: an unterminated quote takes the rest of the
// text, text after a closing quote is kept literally ("ab"c -> abc).
class RecordReader {
 public:
  RecordReader(std::string_view text, char separator) : text_(text), separator_(separator) {}

  bool AtEnd() const { return pos_ >= text_.size(); }

  // Reads the next record into `fields`; a blank line gives no fields.
  void Next(Row* fields) {
    fields->clear();
    if (AtLineEnd()) {
      SkipLineEnd();
      return;
    }
    while (true) {
      fields->emplace_back();
      ReadField(&fields->back());
      if (pos_ < text_.size() && text_[pos_] == separator_) {
        ++pos_;
        continue;
      }
      SkipLineEnd();
      return;
    }
  }

 private:
  bool AtLineEnd() const {
    return pos_ < text_.size() && (text_[pos_] == '\r' || text_[pos_] == '\n');
  }

  void SkipLineEnd() {
    if (pos_ >= text_.size()) return;
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
  }

  void ReadField(std::string* out) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      ++pos_;
      while (true) {
        const std::size_t quote = text_.find('"', pos_);
        if (quote == std::string_view::npos) {
          out->append(text_.substr(pos_));
          pos_ = text_.size();
          return;
        }
        out->append(text_.substr(pos_, quote - pos_));
        pos_ = quote + 1;
        if (pos_ < text_.size() && text_[pos_] == '"') {
          out->push_back('"');
          ++pos_;
          continue;
        }
        break;
      }
    }
    const char stops[] = {separator_, '\r', '\n'};
    std::size_t end = text_.find_first_of(std::string_view(stops, 3), pos_);
    if (end == std::string_view::npos) end = text_.size();
    out->append(text_.substr(pos_, end - pos_));
    pos_ = end;
  }

  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
};

// Separator detection: the candidate that splits the first records into the same number (> 1)
// of fields wins, the most fields first; otherwise the one that splits the most records.
// Ties prefer tab, then ';' (Excel in Ukraine and Russia), then ','.
char DetectSeparator(std::string_view text) {
  constexpr std::size_t kSampleBytes = std::size_t{64} << 10;
  constexpr int kSampleRecords = 20;
  // Whole records only: cut at the last line break of the sample, or after the first line.
  std::string_view sample = text.substr(0, kSampleBytes);
  if (sample.size() < text.size()) {
    std::size_t line_break = sample.find_last_of("\r\n");
    if (line_break == std::string_view::npos) line_break = text.find_first_of("\r\n");
    sample = text.substr(0, line_break);
  }
  char best = ',';
  std::pair<int, std::size_t> best_score{0, 0};
  Row fields;
  for (char candidate : {'\t', ';', ','}) {
    RecordReader reader(sample, candidate);
    std::size_t min_fields = SIZE_MAX;
    std::size_t max_fields = 0;
    std::size_t split_records = 0;
    for (int i = 0; i < kSampleRecords && !reader.AtEnd(); ++i) {
      reader.Next(&fields);
      if (fields.empty()) continue;
      min_fields = std::min(min_fields, fields.size());
      max_fields = std::max(max_fields, fields.size());
      split_records += fields.size() > 1;
    }
    std::pair<int, std::size_t> score{0, 0};
    if (max_fields > 1 && min_fields == max_fields) {
      score = {2, max_fields};
    } else if (split_records > 0) {
      score = {1, split_records};
    }
    if (score > best_score) {
      best_score = score;
      best = candidate;
    }
  }
  return best;
}

bool IsBlank(const Row& row) {
  return std::all_of(row.begin(), row.end(), [](const std::string& s) { return s.empty(); });
}

// Control characters other than tab and line breaks: text files have next to none.
bool LooksBinary(std::string_view text) {
  std::size_t controls = 0;
  for (unsigned char c : text) {
    controls += (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F;
  }
  return controls > 8 && controls * 100 > text.size();
}

void AppendCsvField(std::string_view cell, std::string* out) {
  // ';' and tab are quoted too, so that separator detection reads our files back right.
  if (cell.find_first_of(",\"\r\n;\t") == std::string_view::npos) {
    out->append(cell);
    return;
  }
  out->push_back('"');
  for (char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

Result<Table, SheetError> ReadCsv(std::string_view bytes, std::size_t max_rows) {
  auto decoded = internal::DecodeText(bytes);
  if (!decoded) return Fail(decoded.error());
  std::string text = std::move(decoded).value();
  if (LooksBinary(text)) return Fail(SheetError::kNotCsv);
  std::erase(text, '\0');

  RecordReader reader(text, DetectSeparator(text));
  Table table;
  // Blank rows wait here until a row with data follows; trailing ones are dropped.
  std::vector<Row> blank_rows;
  bool too_many_blank = false;
  Row fields;
  while (!reader.AtEnd()) {
    reader.Next(&fields);
    if (IsBlank(fields)) {
      if (table.rows.size() + blank_rows.size() >= max_rows) {
        too_many_blank = true;
      } else {
        blank_rows.push_back(std::move(fields));
      }
      continue;
    }
    if (too_many_blank || table.rows.size() + blank_rows.size() >= max_rows) {
      return Fail(SheetError::kTooLarge);
    }
    for (Row& blank : blank_rows) table.rows.push_back(std::move(blank));
    blank_rows.clear();
    table.rows.push_back(std::move(fields));
  }
  if (table.rows.empty()) return Fail(SheetError::kEmpty);
  return table;
}

std::string WriteCsv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  for (const Row& row : table.rows) {
    if (row.size() == 1 && row[0].empty()) out += "\"\"";  // not a blank line
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i > 0) out.push_back(',');
      if (internal::NeedsFormulaGuard(row[i])) {
        AppendCsvField(SafeCell(row[i]), &out);
      } else {
        AppendCsvField(row[i], &out);
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace kvitka::sheets
