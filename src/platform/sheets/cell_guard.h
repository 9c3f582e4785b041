// Internal: the rule behind SafeCell, shared by both writers.
#pragma once

#include <string_view>

namespace kvitka::sheets::internal {

// True when a spreadsheet could read the cell as a formula: its first character, after
// leading spaces, is = + - @ tab or CR.
bool NeedsFormulaGuard(std::string_view cell);

}  // namespace kvitka::sheets::internal
