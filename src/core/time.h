// Instants, civil dates and IANA time zones (Howard Hinnant's date/tz over the system tzdata).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace kvitka {

// "2026-11-22T13:00:00Z"
std::string FormatRfc3339Utc(EpochSeconds instant);

// Accepts RFC 3339 with "Z" or a numeric offset; nullopt when malformed.
std::optional<EpochSeconds> ParseRfc3339(std::string_view text);

// The canonical name of an IANA zone ("Europe/Kiev" -> "Europe/Kyiv"), nullopt if unknown.
std::optional<std::string> CanonicalTimeZone(std::string_view name);

// ISO 3166 region of a zone ("Europe/Kyiv" -> "UA"), empty when the zone has none (UTC).
std::string RegionOfTimeZone(std::string_view canonical_zone);

}  // namespace kvitka
