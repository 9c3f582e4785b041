#include "clients/domain/client_filter.h"

#include <algorithm>
#include <charconv>

#include "clients/domain/client_rules.h"
#include "core/phone.h"
#include "core/text.h"
#include "core/time.h"

namespace kvitka::clients {

SearchTerms ParseSearch(std::string_view q) {
  SearchTerms terms;
  const std::string text = Trim(q);
  if (text.empty()) return terms;
  // A phone fragment: digits with the usual separators only.
  const bool phone_like = text.find_first_not_of("0123456789 +-()") == std::string::npos;
  const std::string digits = DigitsOf(text);
  if (phone_like && digits.size() >= 3) {
    terms.digits = digits;
    return terms;
  }
  if (phone_like && !digits.empty()) {
    terms.nothing = true;  // too short to look for a phone, and no name has digits
    return terms;
  }
  const std::string folded = FoldCase(text);
  std::size_t start = 0;
  while (start < folded.size()) {
    auto end = folded.find_first_of(" \t,", start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) terms.words.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  if (terms.words.size() > 5) terms.words.resize(5);
  return terms;
}

namespace {

template <class T>
std::optional<T> Number(std::string_view text) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

bool IsMonthDay(std::string_view md) {
  if (md.size() != 5 || md[2] != '-') return false;
  auto m = Number<int>(md.substr(0, 2));
  auto d = Number<int>(md.substr(3, 2));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m && d && *m >= 1 && *m <= 12 && *d >= 1 && *d <= kDays[*m - 1];
}

bool IsKey(std::string_view key) {
  return std::any_of(std::begin(kFilterKeys), std::end(kFilterKeys),
                     [&](const char* k) { return key == k; });
}

}  // namespace

Result<ClientFilter, FieldErrors> ParseClientFilter(const Pairs& pairs,
                                                    const FilterContext& context) {
  ClientFilter f;
  FieldErrors errors;
  auto bad = [&](const std::string& key, const char* code = "invalid_value") {
    errors.push_back({key, code});
  };
  auto count = [&](const std::string& key, const std::string& value, std::optional<int>& out) {
    auto n = Number<int>(value);
    if (!n || *n < 0 || *n > 1000000) return bad(key);
    out = *n;
  };
  auto money = [&](const std::string& key, const std::string& value,
                   std::optional<std::int64_t>& out) {
    auto n = Number<std::int64_t>(value);
    if (!n || *n < 0) return bad(key);
    out = *n;
  };
  auto day = [&](const std::string& key, const std::string& value, std::optional<EpochSeconds>& out,
                 int add_days) {
    auto start = StartOfDay(value, context.zone);
    if (!start) return bad(key, "invalid_date");
    out = add_days == 0 ? *start
                        : StartOfDay(CivilDate(*start + 36L * 3600, context.zone), context.zone)
                              .value_or(*start + 86400);
  };
  for (const auto& [key, value] : pairs) {
    if (!IsKey(key) || value.empty()) continue;
    if (key == "q") {
      if (Utf8Length(value) > 100) {
        bad(key, "too_long");
      } else {
        f.search = ParseSearch(value);
      }
    } else if (key == "tag_ids") {
      std::size_t start = 0;
      while (start <= value.size()) {
        auto end = value.find(',', start);
        if (end == std::string::npos) end = value.size();
        auto id = Number<Id>(std::string_view(value).substr(start, end - start));
        if (!id || *id <= 0) {
          bad(key);
          break;
        }
        if (f.tag_ids.size() < 20) f.tag_ids.push_back(*id);
        start = end + 1;
      }
    } else if (key == "gender") {
      if (!IsGender(value)) bad(key);
      f.gender = value;
    } else if (key == "source") {
      if (!IsSource(value)) bad(key);
      f.source = value;
    } else if (key == "consent") {
      if (value != "sms" && value != "telegram" && value != "viber" && value != "email") bad(key);
      f.consent = value;
    } else if (key == "age_min" || key == "age_max") {
      auto years = Number<int>(value);
      if (!years || *years < 0 || *years > 150) {
        bad(key);
      } else if (key == "age_min") {
        f.born_on_or_before = AddYears(context.today, -*years);
      } else {
        // Younger than age_max + 1: born after the day exactly age_max + 1 years ago.
        f.born_on_or_after = CivilDate(
            StartOfDay(AddYears(context.today, -(*years + 1)), "UTC").value_or(0) + 86400, "UTC");
      }
    } else if (key == "birthday_from" || key == "birthday_to") {
      if (!IsMonthDay(value)) {
        bad(key, "invalid_date");
      } else {
        (key == "birthday_from" ? f.birthday_from : f.birthday_to) = value;
      }
    } else if (key == "created_from") {
      day(key, value, f.created_from, 0);
    } else if (key == "created_to") {
      day(key, value, f.created_before, 1);
    } else if (key == "last_visit_before") {
      day(key, value, f.last_visit_before, 0);
    } else if (key == "last_visit_after") {
      day(key, value, f.last_visit_from, 1);
    } else if (key == "visits_min") {
      count(key, value, f.visits_min);
    } else if (key == "visits_max") {
      count(key, value, f.visits_max);
    } else if (key == "no_shows_min") {
      count(key, value, f.no_shows_min);
    } else if (key == "spent_min") {
      money(key, value, f.spent_min);
    } else if (key == "spent_max") {
      money(key, value, f.spent_max);
    } else if (key == "sleeping_days") {
      std::optional<int> days;
      count(key, value, days);
      if (days) {
        const EpochSeconds cutoff = context.now - static_cast<EpochSeconds>(*days) * 86400;
        f.last_visit_before = f.last_visit_before ? std::min(*f.last_visit_before, cutoff) : cutoff;
      }
    } else if (key == "segment_id") {
      auto id = Number<Id>(value);
      if (!id || *id <= 0) {
        bad(key);
      } else {
        f.segment_id = *id;
      }
    } else if (key == "archived") {
      if (value != "true" && value != "false") bad(key);
      f.archived = value == "true";
    }
  }
  if (!errors.empty()) return Fail(errors);
  return f;
}

Pairs FilterPairs(const Pairs& pairs) {
  Pairs out;
  for (const char* key : kFilterKeys) {
    if (std::string_view(key) == "segment_id") continue;
    for (const auto& [k, v] : pairs) {
      if (k == key && !v.empty()) {
        out.emplace_back(k, v);
        break;
      }
    }
  }
  return out;
}

ClientFilter Combine(ClientFilter segment, const ClientFilter& request) {
  if (!request.search.empty()) segment.search = request.search;
  for (Id tag : request.tag_ids) {
    if (std::find(segment.tag_ids.begin(), segment.tag_ids.end(), tag) == segment.tag_ids.end()) {
      segment.tag_ids.push_back(tag);
    }
  }
  auto take = [](auto& target, const auto& value) {
    if (value) target = value;
  };
  if (!request.gender.empty()) segment.gender = request.gender;
  if (!request.source.empty()) segment.source = request.source;
  if (!request.consent.empty()) segment.consent = request.consent;
  take(segment.born_on_or_after, request.born_on_or_after);
  take(segment.born_on_or_before, request.born_on_or_before);
  take(segment.birthday_from, request.birthday_from);
  take(segment.birthday_to, request.birthday_to);
  take(segment.created_from, request.created_from);
  take(segment.created_before, request.created_before);
  take(segment.last_visit_before, request.last_visit_before);
  take(segment.last_visit_from, request.last_visit_from);
  take(segment.visits_min, request.visits_min);
  take(segment.visits_max, request.visits_max);
  take(segment.spent_min, request.spent_min);
  take(segment.spent_max, request.spent_max);
  take(segment.no_shows_min, request.no_shows_min);
  segment.archived = request.archived;
  segment.segment_id.reset();
  return segment;
}

}  // namespace kvitka::clients
