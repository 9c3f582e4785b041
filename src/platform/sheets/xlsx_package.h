// Internal: the zip container of an .xlsx, read from memory with libzip, with a budget on the
// bytes it unpacks (zip bombs), and the relationship paths between its parts.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct zip;

namespace kvitka::sheets::internal {

enum class PartStatus { kOk, kMissing, kBad, kTooLarge };

class Package {
 public:
  // Null when the bytes are not a zip archive. `bytes` must outlive the package.
  static std::unique_ptr<Package> Open(std::string_view bytes, std::uint64_t unpack_budget);
  ~Package();
  Package(const Package&) = delete;
  Package& operator=(const Package&) = delete;

  // Unpacks a part (names compare without case) as UTF-8 XML text: a UTF-8 BOM is dropped,
  // UTF-16 is converted; text that is not UTF-8 is kBad. Each part spends the budget.
  PartStatus ReadXml(std::string_view name, std::string* out);

 private:
  explicit Package(zip* archive, std::uint64_t unpack_budget)
      : archive_(archive), budget_(unpack_budget) {}

  zip* archive_;
  std::uint64_t budget_;
};

// The part a relationship target points to, from the part that holds the relationship:
// ("xl/workbook.xml", "worksheets/sheet1.xml") -> "xl/worksheets/sheet1.xml"; absolute
// targets ("/xl/...") and ".." segments are resolved.
std::string ResolveTarget(std::string_view source_part, std::string_view target);

// The relationships part of a part: "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels".
std::string RelationshipsPart(std::string_view part);

}  // namespace kvitka::sheets::internal
