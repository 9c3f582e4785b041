#include "clients/domain/client_filter.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace kvitka::clients {
namespace {

const FilterContext kKyiv{"2026-11-22", "Europe/Kyiv", 1795352400};

TEST(Search, PhoneFragmentsSearchDigitsAndNamesAreFolded) {
  EXPECT_EQ(ParseSearch("067 123").digits, "067123");
  EXPECT_EQ(ParseSearch("+38 (067)").digits, "38067");
  EXPECT_TRUE(ParseSearch("12").digits.empty());  // fewer than 3 digits
  auto names = ParseSearch("  ОЛЕ  Ков ");
  EXPECT_EQ(names.words, (std::vector<std::string>{"оле", "ков"}));
  EXPECT_TRUE(ParseSearch("   ").empty());
}

TEST(Filter, ParsesEveryKeyAndIgnoresOthers) {
  Pairs query = {{"q", "оле"},
                 {"tag_ids", "3,5"},
                 {"gender", "female"},
                 {"age_min", "20"},
                 {"age_max", "30"},
                 {"birthday_from", "12-20"},
                 {"birthday_to", "01-10"},
                 {"source", "instagram"},
                 {"consent", "sms"},
                 {"created_from", "2026-11-01"},
                 {"created_to", "2026-11-22"},
                 {"visits_min", "0"},
                 {"spent_max", "100000"},
                 {"no_shows_min", "1"},
                 {"sleeping_days", "60"},
                 {"limit", "20"},
                 {"cursor", "c5"}};
  auto f = ParseClientFilter(query, kKyiv);
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(f->tag_ids, (std::vector<Id>{3, 5}));
  EXPECT_EQ(f->born_on_or_before, "2006-11-22");
  EXPECT_EQ(f->born_on_or_after, "1995-11-23");
  EXPECT_EQ(f->birthday_from, "12-20");
  EXPECT_EQ(f->created_from, StartOfDay("2026-11-01", "Europe/Kyiv"));
  EXPECT_EQ(f->created_before, StartOfDay("2026-11-23", "Europe/Kyiv"));
  EXPECT_EQ(f->last_visit_before, 1795352400 - 60L * 86400);
  EXPECT_EQ(f->spent_max, 100000);
}

TEST(Filter, NamesEveryBadKey) {
  Pairs query = {{"tag_ids", "3,x"},         {"gender", "robot"},           {"age_min", "-1"},
                 {"birthday_from", "13-01"}, {"created_from", "yesterday"}, {"archived", "maybe"}};
  auto f = ParseClientFilter(query, kKyiv);
  ASSERT_FALSE(f.ok());
  std::vector<std::string> keys;
  for (const auto& e : f.error()) keys.push_back(e.field);
  EXPECT_EQ(keys, (std::vector<std::string>{"tag_ids", "gender", "age_min", "birthday_from",
                                            "created_from", "archived"}));
}

TEST(Filter, SegmentsKeepOnlyFilterKeysAndRequestsNarrowThem) {
  Pairs saved = FilterPairs({{"limit", "5"}, {"gender", "female"}, {"tag_ids", "1"}});
  EXPECT_EQ(saved, (Pairs{{"tag_ids", "1"}, {"gender", "female"}}));
  auto segment = ParseClientFilter(saved, kKyiv);
  auto request = ParseClientFilter({{"q", "оле"}, {"tag_ids", "2"}}, kKyiv);
  auto combined = Combine(*segment, *request);
  EXPECT_EQ(combined.gender, "female");
  EXPECT_EQ(combined.tag_ids, (std::vector<Id>{1, 2}));
  EXPECT_EQ(combined.search.words, (std::vector<std::string>{"оле"}));
}

}  // namespace
}  // namespace kvitka::clients
