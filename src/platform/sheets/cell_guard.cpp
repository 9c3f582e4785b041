#include "platform/sheets/cell_guard.h"

#include <string>

#include "platform/sheets/sheets.h"

namespace kvitka::sheets {

namespace internal {

bool NeedsFormulaGuard(std::string_view cell) {
  const std::size_t first = cell.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  const char c = cell[first];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace internal

std::string SafeCell(std::string_view cell) {
  std::string guarded;
  if (internal::NeedsFormulaGuard(cell)) {
    guarded.reserve(cell.size() + 1);
    guarded.push_back('\'');
  }
  guarded.append(cell);
  return guarded;
}

std::string_view UnguardCell(std::string_view cell) {
  if (cell.size() > 1 && cell[0] == '\'' && internal::NeedsFormulaGuard(cell.substr(1))) {
    return cell.substr(1);
  }
  return cell;
}

}  // namespace kvitka::sheets
