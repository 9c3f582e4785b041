// Instants, civil dates and IANA time zones (Howard Hinnant's date/tz over the system tzdata).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace kvitka {

// "2026-11-22T13:00:00Z"
std::string FormatRfc3339Utc(EpochSeconds instant);

// "2026-11-23T09:00:00+02:00": the instant with the zone's offset at that moment (UTC "Z"
// when the zone is unknown).
std::string FormatRfc3339InZone(EpochSeconds instant, std::string_view zone);

// Accepts RFC 3339 with "Z" or a numeric offset; nullopt when malformed.
std::optional<EpochSeconds> ParseRfc3339(std::string_view text);

// The canonical name of an IANA zone ("Europe/Kiev" -> "Europe/Kyiv"), nullopt if unknown.
std::optional<std::string> CanonicalTimeZone(std::string_view name);

// ISO 3166 region of a zone ("Europe/Kyiv" -> "UA"), empty when the zone has none (UTC).
std::string RegionOfTimeZone(std::string_view canonical_zone);

// The civil date "YYYY-MM-DD" of an instant in a zone (UTC when the zone is unknown).
std::string CivilDate(EpochSeconds instant, std::string_view zone);

// The first instant of a civil date "YYYY-MM-DD" in a zone (on a day that starts inside a
// daylight-saving gap, the earliest instant that exists); nullopt for a malformed date.
std::optional<EpochSeconds> StartOfDay(std::string_view date, std::string_view zone);

// A civil date moved by whole days ("2026-12-31" + 1 -> "2027-01-01"); unchanged if malformed.
std::string AddDays(std::string_view date, int days);

// Whole days from `from` to `to` (both "YYYY-MM-DD"); nullopt when either is malformed.
std::optional<int> DaysBetween(std::string_view from, std::string_view to);

// Minutes since the local midnight of the instant in the zone (UTC when the zone is unknown).
int LocalMinutes(EpochSeconds instant, std::string_view zone);

// The instant at which the local clock of the zone reads `minutes` after midnight of `date`:
// a time inside a spring-forward gap moves to the end of the gap; a time that occurs twice in
// autumn takes the earlier instant. nullopt for a malformed date.
std::optional<EpochSeconds> LocalInstant(std::string_view date, int minutes, std::string_view zone);

// The zone's UTC offset in minutes from each instant on, covering [from, to): the offset in force
// at `from` first, then every change before `to` (a single {from, 0} for an unknown zone).
std::vector<std::pair<EpochSeconds, int>> UtcOffsets(std::string_view zone, EpochSeconds from,
                                                     EpochSeconds to);

// A civil date moved by whole years ("2024-02-29" - 1 year -> "2023-02-28").
std::string AddYears(std::string_view date, int years);

}  // namespace kvitka
