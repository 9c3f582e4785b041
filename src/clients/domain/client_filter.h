// Which clients a list, an export or a segment means: search text and combinable filters.
// Parsed from key/value pairs (a query string, or a saved segment) by pure rules.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/field_error.h"
#include "core/id.h"
#include "core/result.h"

namespace kvitka::clients {

using Pairs = std::vector<std::pair<std::string, std::string>>;

// What `q` searches for.
struct SearchTerms {
  std::vector<std::string> words;  // folded name fragments
  std::string digits;              // 3+ digits of a phone, when q is a phone fragment
  bool nothing = false;            // the viewer may not search this way: no client matches
  bool empty() const { return words.empty() && digits.empty() && !nothing; }
};

SearchTerms ParseSearch(std::string_view q);

struct ClientFilter {
  SearchTerms search;
  std::vector<Id> tag_ids;  // has all of them
  std::string gender;
  std::string source;
  std::string consent;                           // sms, telegram, viber, email
  std::optional<std::string> born_on_or_after;   // from age_max, YYYY-MM-DD
  std::optional<std::string> born_on_or_before;  // from age_min
  std::optional<std::string> birthday_from;      // MM-DD, may wrap over the new year
  std::optional<std::string> birthday_to;
  std::optional<EpochSeconds> created_from;
  std::optional<EpochSeconds> created_before;  // exclusive
  std::optional<EpochSeconds> last_visit_before;
  std::optional<EpochSeconds> last_visit_from;
  std::optional<int> visits_min;
  std::optional<int> visits_max;
  std::optional<std::int64_t> spent_min;
  std::optional<std::int64_t> spent_max;
  std::optional<int> no_shows_min;
  std::optional<Id> segment_id;
  bool archived = false;
};

// The keys a filter understands (the list query, exports and segments share them).
inline constexpr const char* kFilterKeys[] = {"q",
                                              "tag_ids",
                                              "gender",
                                              "age_min",
                                              "age_max",
                                              "birthday_from",
                                              "birthday_to",
                                              "source",
                                              "consent",
                                              "created_from",
                                              "created_to",
                                              "last_visit_before",
                                              "last_visit_after",
                                              "visits_min",
                                              "visits_max",
                                              "spent_min",
                                              "spent_max",
                                              "no_shows_min",
                                              "sleeping_days",
                                              "segment_id",
                                              "archived"};

struct FilterContext {
  std::string today;  // YYYY-MM-DD in the organization's zone
  std::string zone;   // IANA zone for day boundaries
  EpochSeconds now = 0;
};

// Unknown keys are ignored (the list query also carries limit, cursor, ...). Errors name the key.
Result<ClientFilter, FieldErrors> ParseClientFilter(const Pairs& pairs,
                                                    const FilterContext& context);

// Only the filter keys of `pairs`, in a stable order (what a segment stores).
Pairs FilterPairs(const Pairs& pairs);

// A saved segment's filter with the request's own keys on top.
ClientFilter Combine(ClientFilter segment, const ClientFilter& request);

}  // namespace kvitka::clients
