#include "booking/domain/online_rules.h"

#include <gtest/gtest.h>

namespace kvitka::booking {
namespace {

constexpr EpochSeconds kHour = 3600;
// 2026-03-29 00:00 UTC: Kyiv moves from +02:00 to +03:00 at 01:00 UTC that day.
constexpr EpochSeconds kSpringDay = 1774742400;
const std::vector<std::pair<EpochSeconds, int>> kKyiv = {{0, 120}, {kSpringDay + kHour, 180}};

bool HasError(const FieldErrors& errors, const std::string& field) {
  for (const auto& e : errors) {
    if (e.field == field) return true;
  }
  return false;
}

TEST(OnlineRules, DefaultsAreValidAndBoundsNameTheirField) {
  EXPECT_TRUE(CheckOnlineRules({}).empty());
  OnlineRules r;
  r.lead_minutes = -1;
  r.horizon_days = 0;
  r.step_minutes = 7;
  r.cancel_deadline_minutes = kMaxRuleMinutes + 1;
  r.max_future_bookings = 0;
  r.message = std::string(501, 'a');
  const auto errors = CheckOnlineRules(r);
  for (const char* field : {"lead_minutes", "horizon_days", "step_minutes",
                            "cancel_deadline_minutes", "max_future_bookings", "message"}) {
    EXPECT_TRUE(HasError(errors, field)) << field;
  }
  r = {};
  r.message = std::string(250, 'x') + std::string(250, 'y');  // 500 characters are fine
  EXPECT_TRUE(CheckOnlineRules(r).empty());
}

TEST(OnlineRules, StepsFollowTheLocalClockOnBothSidesOfTheChange) {
  // 10:00 local before the change is 08:00 UTC; after it (next day) 07:00 UTC.
  const EpochSeconds ten_before = kSpringDay - 86400 + 8 * kHour;
  const EpochSeconds ten_after = kSpringDay + 86400 + 7 * kHour;
  EXPECT_TRUE(OnStep(ten_before, 60, kKyiv));
  EXPECT_TRUE(OnStep(ten_after, 60, kKyiv));
  EXPECT_FALSE(OnStep(ten_after + 15 * 60, 60, kKyiv));
  EXPECT_TRUE(OnStep(ten_after + 30 * 60, 30, kKyiv));
  EXPECT_FALSE(OnStep(ten_after + 20 * 60, 30, kKyiv));
  EXPECT_FALSE(OnStep(ten_after + 1, 5, kKyiv));
}

Appointment At(EpochSeconds start, Status status) {
  Appointment a;
  a.status = status;
  Item item;
  item.start = start;
  item.end = start + kHour;
  a.items.push_back(item);
  return a;
}

TEST(OnlineRules, ClientMayChangeUntilTheDeadlineAndOnlyOpenVisits) {
  OnlineRules rules;
  rules.cancel_deadline_minutes = 180;
  const EpochSeconds start = kSpringDay + 10 * kHour;
  const auto booked = At(start, Status::kBooked);
  EXPECT_EQ(ChangeDeadline(booked, rules), start - 3 * kHour);
  EXPECT_TRUE(ClientMayChange(booked, rules, start - 3 * kHour));
  EXPECT_FALSE(ClientMayChange(booked, rules, start - 3 * kHour + 1));
  EXPECT_TRUE(ClientMayChange(At(start, Status::kConfirmed), rules, start - 5 * kHour));
  for (auto status : {Status::kArrived, Status::kCompleted, Status::kNoShow, Status::kCancelled}) {
    EXPECT_FALSE(ClientMayChange(At(start, status), rules, start - 5 * kHour));
  }
}

TEST(OnlineRules, BlackListTagInEveryLanguageAndCase) {
  for (const char* name : {"Чорний список", "ЧОРНИЙ СПИСОК", "черный список", "Black list",
                           "blacklist", "black-list", "BLACK_LIST"}) {
    EXPECT_TRUE(IsBlackListTag(name)) << name;
  }
  for (const char* name : {"VIP", "Новий клієнт", "list", "чорний"}) {
    EXPECT_FALSE(IsBlackListTag(name)) << name;
  }
}

}  // namespace
}  // namespace kvitka::booking
