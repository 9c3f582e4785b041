// Money: an integer count of minor units (kopiyky) in a currency. No floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kvitka {

struct Money {
  std::int64_t minor = 0;
  std::string currency;  // ISO 4217, "UAH"

  friend bool operator==(const Money&, const Money&) = default;
};

// True for an active ISO 4217 currency code ("UAH", "EUR", "PLN", ...).
bool IsKnownCurrency(std::string_view code);

}  // namespace kvitka
