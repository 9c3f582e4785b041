// Reading the first worksheet of an .xlsx into a Table.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "platform/sheets/sheets.h"
#include "platform/sheets/xlsx_package.h"
#include "platform/sheets/xlsx_values.h"
#include "platform/sheets/xml_reader.h"

namespace kvitka::sheets {
namespace {

using internal::NumberKind;
using internal::Package;
using internal::PartStatus;
using internal::XmlReader;
using Event = XmlReader::Event;

constexpr std::uint64_t kUnpackBudget = 200ull << 20;  // 200 MiB over all parts read
// Empty cells the reader may add to place cells at their columns, beyond two per value.
constexpr std::size_t kPaddingBudget = 4'000'000;

SheetError ToError(PartStatus status) {
  return status == PartStatus::kTooLarge ? SheetError::kTooLarge : SheetError::kNotXlsx;
}

template <class T>
bool ParseNumber(std::string_view text, T* value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

struct Relationship {
  std::string id;
  std::string type;
  std::string target;  // resolved part name
};

std::vector<Relationship> ReadRelationships(std::string_view xml, std::string_view source_part) {
  std::vector<Relationship> relationships;
  XmlReader reader(xml);
  for (Event event = reader.Next(); event != Event::kFinish && event != Event::kError;
       event = reader.Next()) {
    if (event != Event::kStart || reader.name() != "Relationship") continue;
    Relationship relationship;
    std::string target;
    reader.Attribute("Id", &relationship.id);
    reader.Attribute("Type", &relationship.type);
    if (!reader.Attribute("Target", &target)) continue;
    relationship.target = internal::ResolveTarget(source_part, target);
    relationships.push_back(std::move(relationship));
  }
  return relationships;
}

struct Workbook {
  bool date1904 = false;
  std::vector<std::string> sheet_ids;  // relationship ids, in workbook order
};

Workbook ReadWorkbook(std::string_view xml) {
  Workbook workbook;
  XmlReader reader(xml);
  std::string value;
  for (Event event = reader.Next(); event != Event::kFinish && event != Event::kError;
       event = reader.Next()) {
    if (event != Event::kStart) continue;
    if (reader.name() == "workbookPr" && reader.Attribute("date1904", &value)) {
      workbook.date1904 = value == "1" || value == "true";
    } else if (reader.name() == "sheet" && reader.Attribute("id", &value)) {
      workbook.sheet_ids.push_back(value);
    }
  }
  return workbook;
}

// The number kind of every cell style (cellXfs index).
std::vector<NumberKind> ReadStyles(std::string_view xml) {
  std::unordered_map<int, std::string> custom_formats;
  std::vector<int> format_ids;
  XmlReader reader(xml);
  std::string value;
  bool in_cell_xfs = false;
  for (Event event = reader.Next(); event != Event::kFinish && event != Event::kError;
       event = reader.Next()) {
    if (event == Event::kEnd && reader.name() == "cellXfs") in_cell_xfs = false;
    if (event != Event::kStart) continue;
    int id = 0;
    if (reader.name() == "cellXfs") {
      in_cell_xfs = true;
    } else if (reader.name() == "numFmt" && reader.Attribute("numFmtId", &value) &&
               ParseNumber(value, &id) && reader.Attribute("formatCode", &value)) {
      custom_formats[id] = value;
    } else if (in_cell_xfs && reader.name() == "xf") {
      if (!reader.Attribute("numFmtId", &value) || !ParseNumber(value, &id)) id = 0;
      format_ids.push_back(id);
    }
  }
  std::vector<NumberKind> kinds;
  kinds.reserve(format_ids.size());
  for (int id : format_ids) {
    const auto custom = custom_formats.find(id);
    kinds.push_back(custom != custom_formats.end() ? internal::ClassifyFormatCode(custom->second)
                                                   : internal::ClassifyBuiltinFormat(id));
  }
  return kinds;
}

// All strings in one buffer: a hostile part of a million `<si/>` costs 4 bytes each.
class SharedStrings {
 public:
  std::string_view Get(std::size_t index) const {
    if (index + 1 >= ends_.size()) return {};
    return std::string_view(text_).substr(ends_[index], ends_[index + 1] - ends_[index]);
  }

  void Read(std::string_view xml) {
    XmlReader reader(xml);
    bool in_item = false;
    int phonetic_depth = 0;  // <rPh> runs hold a reading aid, not the text
    int text_depth = 0;
    std::string item;
    for (Event event = reader.Next(); event != Event::kFinish && event != Event::kError;
         event = reader.Next()) {
      const std::string_view name = reader.name();
      if (event == Event::kStart) {
        if (name == "si") {
          in_item = true;
          item.clear();
        } else if (name == "rPh") {
          ++phonetic_depth;
        } else if (name == "t") {
          ++text_depth;
        }
      } else if (event == Event::kEnd) {
        if (name == "si" && in_item) {
          in_item = false;
          internal::DecodeOoxmlEscapes(&item);
          text_.append(item);
          ends_.push_back(static_cast<std::uint32_t>(text_.size()));
        } else if (name == "rPh" && phonetic_depth > 0) {
          --phonetic_depth;
        } else if (name == "t" && text_depth > 0) {
          --text_depth;
        }
      } else if (event == Event::kText && in_item && text_depth > 0 && phonetic_depth == 0) {
        item.append(reader.text());
      }
    }
  }

 private:
  std::string text_;
  std::vector<std::uint32_t> ends_{0};
};

struct SheetContext {
  const SharedStrings* strings;
  const std::vector<NumberKind>* styles;
  bool date1904;
  std::size_t max_rows;
};

// One <c> element as it is read.
struct Cell {
  std::size_t row = 0;
  std::size_t column = 0;
  std::string type;
  std::size_t style = 0;
  std::string value;        // <v>
  std::string inline_text;  // <is><t>
};

std::string CellText(Cell& cell, const SheetContext& context) {
  const std::string& type = cell.type;
  if (type == "s") {
    std::size_t index = 0;
    if (!ParseNumber(cell.value, &index)) return {};
    return std::string(context.strings->Get(index));
  }
  if (type == "inlineStr") {
    std::string& text = cell.inline_text.empty() ? cell.value : cell.inline_text;
    internal::DecodeOoxmlEscapes(&text);
    return std::move(text);
  }
  if (type == "str" || type == "e") {
    internal::DecodeOoxmlEscapes(&cell.value);
    return std::move(cell.value);
  }
  if (type == "b") {
    if (cell.value.empty()) return {};
    return cell.value == "1" || cell.value == "true" ? "TRUE" : "FALSE";
  }
  if (type == "d") {  // ISO 8601 text; midnight is a plain date
    if (cell.value.size() > 10 && cell.value[10] == 'T' &&
        cell.value.compare(11, 8, "00:00:00") == 0) {
      cell.value.resize(10);
    }
    return std::move(cell.value);
  }
  if (cell.value.empty()) return {};
  const NumberKind kind =
      cell.style < context.styles->size() ? (*context.styles)[cell.style] : NumberKind::kNumber;
  return internal::FormatNumberCell(cell.value, kind, context.date1904);
}

Result<Table, SheetError> ReadSheet(std::string_view xml, const SheetContext& context) {
  Table table;
  std::size_t values = 0;
  std::size_t padding = 0;
  std::size_t next_row = 0;
  std::size_t next_column = 0;
  bool in_cell = false;
  bool in_value = false;
  int text_depth = 0;
  int phonetic_depth = 0;
  Cell cell;
  std::string attribute;
  XmlReader reader(xml);
  for (Event event = reader.Next(); event != Event::kFinish; event = reader.Next()) {
    if (event == Event::kError) return Fail(SheetError::kNotXlsx);
    const std::string_view name = reader.name();
    if (event == Event::kText) {
      if (in_value) {
        cell.value.append(reader.text());
      } else if (in_cell && text_depth > 0 && phonetic_depth == 0) {
        cell.inline_text.append(reader.text());
      }
    } else if (event == Event::kStart) {
      if (name == "row") {
        std::size_t r = 0;
        if (reader.Attribute("r", &attribute) && ParseNumber(attribute, &r) && r >= 1 &&
            r <= 1048576) {
          next_row = r - 1;
        }
        next_column = 0;
      } else if (name == "c") {
        in_cell = true;
        cell = Cell{};
        if (!reader.Attribute("r", &attribute) ||
            !internal::ParseCellReference(attribute, &cell.row, &cell.column)) {
          cell.row = next_row;
          cell.column = next_column;
        }
        if (!reader.Attribute("t", &cell.type)) cell.type.clear();
        if (reader.Attribute("s", &attribute) && !ParseNumber(attribute, &cell.style)) {
          cell.style = 0;
        }
        next_column = cell.column + 1;
      } else if (in_cell && name == "v") {
        in_value = true;
      } else if (in_cell && name == "t") {
        ++text_depth;
      } else if (in_cell && name == "rPh") {
        ++phonetic_depth;
      }
    } else if (event == Event::kEnd) {
      if (name == "v") {
        in_value = false;
      } else if (name == "t" && text_depth > 0) {
        --text_depth;
      } else if (name == "rPh" && phonetic_depth > 0) {
        --phonetic_depth;
      } else if (name == "row") {
        ++next_row;
      } else if (name == "c" && in_cell) {
        in_cell = false;
        std::string text = CellText(cell, context);
        if (text.empty()) continue;
        if (cell.row >= context.max_rows) return Fail(SheetError::kTooLarge);
        if (table.rows.size() <= cell.row) table.rows.resize(cell.row + 1);
        std::vector<std::string>& row = table.rows[cell.row];
        if (row.size() <= cell.column) {
          padding += cell.column - row.size();
          if (padding > kPaddingBudget + 2 * values) return Fail(SheetError::kTooLarge);
          row.resize(cell.column + 1);
        }
        if (row[cell.column].empty()) ++values;
        row[cell.column] = std::move(text);
      }
    }
  }
  if (table.rows.empty()) return Fail(SheetError::kEmpty);
  return table;
}

}  // namespace

Result<Table, SheetError> ReadXlsx(std::string_view bytes, std::size_t max_rows) {
  std::unique_ptr<Package> package = Package::Open(bytes, kUnpackBudget);
  if (!package) return Fail(SheetError::kNotXlsx);
  std::string xml;

  std::string workbook_part = "xl/workbook.xml";
  if (package->ReadXml("_rels/.rels", &xml) == PartStatus::kOk) {
    for (const auto& relationship : ReadRelationships(xml, "")) {
      if (relationship.type.ends_with("/officeDocument")) workbook_part = relationship.target;
    }
  }
  if (PartStatus status = package->ReadXml(workbook_part, &xml); status != PartStatus::kOk) {
    return Fail(ToError(status));
  }
  const Workbook workbook = ReadWorkbook(xml);
  if (PartStatus status = package->ReadXml(internal::RelationshipsPart(workbook_part), &xml);
      status != PartStatus::kOk) {
    return Fail(ToError(status));
  }
  const std::vector<Relationship> relationships = ReadRelationships(xml, workbook_part);

  // The first sheet that is a worksheet (not a chart sheet); shared strings; styles.
  std::string sheet_part;
  for (const std::string& id : workbook.sheet_ids) {
    for (const Relationship& relationship : relationships) {
      if (relationship.id == id && relationship.type.ends_with("/worksheet")) {
        sheet_part = relationship.target;
        break;
      }
    }
    if (!sheet_part.empty()) break;
  }
  if (sheet_part.empty()) return Fail(SheetError::kNotXlsx);
  std::string strings_part = "xl/sharedStrings.xml";
  std::string styles_part = "xl/styles.xml";
  for (const Relationship& relationship : relationships) {
    if (relationship.type.ends_with("/sharedStrings")) strings_part = relationship.target;
    if (relationship.type.ends_with("/styles")) styles_part = relationship.target;
  }

  SharedStrings strings;
  if (PartStatus status = package->ReadXml(strings_part, &xml); status == PartStatus::kOk) {
    strings.Read(xml);
  } else if (status != PartStatus::kMissing) {
    return Fail(ToError(status));
  }
  std::vector<NumberKind> styles;
  if (PartStatus status = package->ReadXml(styles_part, &xml); status == PartStatus::kOk) {
    styles = ReadStyles(xml);
  } else if (status != PartStatus::kMissing) {
    return Fail(ToError(status));
  }
  if (PartStatus status = package->ReadXml(sheet_part, &xml); status != PartStatus::kOk) {
    return Fail(ToError(status));
  }
  return ReadSheet(xml, SheetContext{&strings, &styles, workbook.date1904, max_rows});
}

}  // namespace kvitka::sheets
