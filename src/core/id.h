// 64-bit identifiers of stored rows.
#pragma once

#include <cstdint>

namespace kvitka {

using Id = std::int64_t;

}  // namespace kvitka
