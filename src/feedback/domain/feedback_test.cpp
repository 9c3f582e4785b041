#include "feedback/domain/feedback.h"

#include <gtest/gtest.h>

namespace kvitka::feedback {
namespace {

constexpr EpochSeconds kStart = 1'795'000'000;
constexpr EpochSeconds kEnd = kStart + 3600;

TEST(FeedbackAnswer, RatingIsOneToFiveNpsZeroToTenCommentUpTo2000Characters) {
  EXPECT_TRUE(CheckAnswer({5, std::nullopt, ""}).empty());
  EXPECT_TRUE(CheckAnswer({1, 0, "ok"}).empty());
  EXPECT_TRUE(CheckAnswer({3, 10, std::string(2000, 'x')}).empty());
  // Cyrillic letters are two bytes each: the limit counts characters.
  std::string cyrillic;
  for (int i = 0; i < 2000; ++i) cyrillic += "ї";
  EXPECT_TRUE(CheckAnswer({4, std::nullopt, cyrillic}).empty());
  EXPECT_EQ(CheckAnswer({4, std::nullopt, cyrillic + "ї"}),
            (FieldErrors{{"comment", "too_long", 2000}}));
  EXPECT_EQ(CheckAnswer({0, 11, ""}),
            (FieldErrors{{"rating", "out_of_range", 1}, {"nps", "out_of_range", 10}}));
  EXPECT_EQ(CheckAnswer({6, -1, ""}),
            (FieldErrors{{"rating", "out_of_range", 5}, {"nps", "out_of_range", 0}}));
  EXPECT_EQ(CheckAnswer({5, std::nullopt, "\xff"}), (FieldErrors{{"comment", "invalid_value"}}));
}

TEST(FeedbackForm, OpenForACompletedVisitUntil30DaysAfterItsEnd) {
  EXPECT_EQ(StateOf(false, kStart, kEnd, kEnd + 60), FormState::kNotCompleted);
  EXPECT_EQ(StateOf(true, kStart, kEnd, kStart - 1), FormState::kNotCompleted);
  EXPECT_EQ(StateOf(true, kStart, kEnd, kStart), FormState::kOpen);  // completed early
  EXPECT_EQ(StateOf(true, kStart, kEnd, kEnd), FormState::kOpen);
  EXPECT_EQ(StateOf(true, kStart, kEnd, kEnd + 30 * 86400 - 1), FormState::kOpen);
  EXPECT_EQ(StateOf(true, kStart, kEnd, kEnd + 30 * 86400), FormState::kExpired);
  EXPECT_EQ(ClosesAt(kEnd), kEnd + 30 * 86400);
}

TEST(FeedbackForm, AnAnswerMayBeChangedFor24Hours) {
  Feedback f;
  f.created_at = kEnd + 100;
  f.updated_at = kEnd + 5000;  // changing it does not extend the time
  EXPECT_TRUE(MayEdit(f, kEnd + 100));
  EXPECT_TRUE(MayEdit(f, kEnd + 100 + 86400 - 1));
  EXPECT_FALSE(MayEdit(f, kEnd + 100 + 86400));
  EXPECT_EQ(EditableUntil(f.created_at), kEnd + 100 + 86400);
}

TEST(FeedbackScore, ThreeStarsOrAnNpsDetractorIsLow) {
  EXPECT_TRUE(IsLowScore({1, std::nullopt, ""}));
  EXPECT_TRUE(IsLowScore({3, std::nullopt, ""}));
  EXPECT_FALSE(IsLowScore({4, std::nullopt, ""}));
  EXPECT_FALSE(IsLowScore({5, 7, ""}));
  EXPECT_TRUE(IsLowScore({5, 6, ""}));
  EXPECT_TRUE(IsLowScore({5, 0, ""}));
  EXPECT_FALSE(IsLowScore({4, 10, ""}));
}

TEST(FeedbackScore, TaskTitleInTheSalonLanguage) {
  EXPECT_EQ(LowScoreTitle("en", "Olena", {2, std::nullopt, ""}), "Low rating from Olena: 2★");
  EXPECT_EQ(LowScoreTitle("uk", "Олена", {3, 4, ""}), "Низька оцінка, Олена: 3★, NPS 4");
  EXPECT_EQ(LowScoreTitle("ru", "Олена", {1, std::nullopt, ""}), "Низкая оценка, Олена: 1★");
  EXPECT_EQ(LowScoreTitle("de", "", {5, 2, ""}), "Low rating: 5★, NPS 2");
}

TEST(FeedbackSummary, AverageStarsAndNetPromoterScore) {
  EXPECT_FALSE(Summarize({}).average);
  EXPECT_FALSE(Summarize({}).nps);
  Counts c;
  c.answers = 3;
  c.rating_sum = 5 + 4 + 4;
  c.nps_answers = 3;
  c.promoters = 1;
  c.detractors = 1;
  const auto s = Summarize(c);
  ASSERT_TRUE(s.average);
  EXPECT_DOUBLE_EQ(*s.average, 4.33);
  EXPECT_EQ(s.nps, 0);
  c.nps_answers = 3;
  c.promoters = 2;
  c.detractors = 0;
  EXPECT_EQ(Summarize(c).nps, 67);
  c.promoters = 0;
  c.detractors = 2;
  EXPECT_EQ(Summarize(c).nps, -67);
}

}  // namespace
}  // namespace kvitka::feedback
