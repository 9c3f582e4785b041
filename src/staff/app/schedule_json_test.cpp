#include "staff/app/schedule_json.h"

#include <gtest/gtest.h>

namespace kvitka::staff {
namespace {

TEST(ScheduleJson, TimesRoundTripIncludingPastMidnight) {
  EXPECT_EQ(TimeToMinutes("09:30"), 570);
  EXPECT_EQ(MinutesToTime(570), "09:30");
  EXPECT_EQ(MinutesToTime(1560), "02:00");
  EXPECT_FALSE(TimeToMinutes("25:00"));
  EXPECT_FALSE(TimeToMinutes("9:30"));
}

TEST(ScheduleJson, ReadsEveryPatternKindAndWritesItBack) {
  auto json = nlohmann::json::parse(R"({
    "patterns": [
      {"kind": "weekly", "valid_from": "2026-01-01", "valid_until": null,
       "weekdays": [[{"start": "09:00", "end": "13:00"}, {"start": "14:00", "end": "18:00"}],
                    [], [], [], [], [], []]},
      {"kind": "cycle", "valid_from": "2026-06-01",
       "cycle": [[{"start": "22:00", "end": "02:00"}], [], []]},
      {"kind": "even_dates", "valid_from": "2026-09-01", "day": [{"start": "10:00", "end": "19:00"}]}
    ],
    "exceptions": [{"date": "2026-12-31", "intervals": []}]
  })");
  FieldErrors errors;
  auto schedule = ScheduleFromJson(json, errors);
  EXPECT_TRUE(errors.empty());
  ASSERT_EQ(schedule.patterns.size(), 3u);
  EXPECT_EQ(schedule.patterns[0].weekdays[0][1], (DayInterval{840, 1080}));
  EXPECT_EQ(schedule.patterns[1].cycle[0][0], (DayInterval{1320, 1560}));
  EXPECT_EQ(schedule.patterns[2].kind, PatternKind::kEvenDates);
  EXPECT_TRUE(schedule.exceptions[0].plan.empty());
  EXPECT_EQ(ScheduleToJson(schedule)["patterns"][1]["cycle"][0][0]["end"], "02:00");
}

TEST(ScheduleJson, NamesBadFields) {
  auto json = nlohmann::json::parse(R"({"patterns": [{"kind": "monthly", "valid_from": 5},
    {"kind": "weekly", "valid_from": "2026-01-01", "weekdays": [[{"start": "9", "end": "10:00"}]]}]})");
  FieldErrors errors;
  ScheduleFromJson(json, errors);
  std::vector<std::string> fields;
  for (const auto& e : errors) fields.push_back(e.field + ":" + e.code);
  EXPECT_EQ(fields, (std::vector<std::string>{"patterns[0].valid_from:invalid_type",
                                              "patterns[0].kind:invalid_value",
                                              "patterns[1].weekdays[0][0]:invalid_interval"}));
}

}  // namespace
}  // namespace kvitka::staff
