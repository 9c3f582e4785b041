#include "channels/delivery_rules.h"

#include <gtest/gtest.h>

#include <string>

namespace kvitka::channels {
namespace {

TEST(ChannelsDeliveryRules, PhoneDigitsTakeE164Only) {
  EXPECT_EQ(PhoneDigits("+380671234567"), "380671234567");
  EXPECT_EQ(PhoneDigits("+12025550123"), "12025550123");
  EXPECT_EQ(PhoneDigits("380671234567"), std::nullopt);
  EXPECT_EQ(PhoneDigits("+38 067 123"), std::nullopt);
  EXPECT_EQ(PhoneDigits("+0671234567"), std::nullopt);
  EXPECT_EQ(PhoneDigits("+1234567"), std::nullopt);           // 7 digits: too short
  EXPECT_EQ(PhoneDigits("+1234567890123456"), std::nullopt);  // 16 digits: too long
  EXPECT_EQ(PhoneDigits(""), std::nullopt);
}

TEST(ChannelsDeliveryRules, SmsTextProblemCountsPartsAsGatewaysDo) {
  EXPECT_EQ(SmsTextProblem("", 6), "empty text");
  EXPECT_EQ(SmsTextProblem("Hello", 1), std::nullopt);
  std::string cyrillic;
  for (int i = 0; i < 71; ++i) cyrillic += "ї";  // 71 UCS-2 characters: 2 parts
  EXPECT_EQ(SmsTextProblem(cyrillic, 2), std::nullopt);
  const auto problem = SmsTextProblem(cyrillic, 1);
  ASSERT_TRUE(problem.has_value());
  EXPECT_NE(problem->find("2 SMS parts (ucs2)"), std::string::npos) << *problem;
  EXPECT_EQ(SmsTextProblem(cyrillic, 0), std::nullopt);  // no limit
}

TEST(ChannelsDeliveryRules, SnippetCutsOnCharactersAndHidesControls) {
  EXPECT_EQ(Snippet("a\r\nb\tc"), "a  b c");
  EXPECT_EQ(Snippet("абв", 3), "а");  // 'б' would be cut in half: left out
  EXPECT_EQ(Snippet("abc", 10), "abc");
}

TEST(ChannelsDeliveryRules, RedactReplacesEverySecret) {
  EXPECT_EQ(Redact("url /bot123:ABC/sendMessage and 123:ABC", "123:ABC"),
            "url /bot***/sendMessage and ***");
  EXPECT_EQ(Redact("nothing", ""), "nothing");
}

TEST(ChannelsDeliveryRules, RetryableFailuresAreNetwork429TimeoutAnd5xx) {
  HttpResponse none;
  none.error = "Connection refused";
  ASSERT_TRUE(RetryableFailure(none, "X").has_value());
  EXPECT_EQ(RetryableFailure(none, "X")->outcome, Delivery::Outcome::kRetry);
  EXPECT_EQ(RetryableFailure(none, "X")->error, "X: Connection refused");

  HttpResponse limited;
  limited.status = 429;
  limited.headers = {{"retry-after", "17"}};
  ASSERT_TRUE(RetryableFailure(limited, "X").has_value());
  EXPECT_EQ(RetryableFailure(limited, "X")->retry_after, 17);

  HttpResponse broken;
  broken.status = 503;
  EXPECT_EQ(RetryableFailure(broken, "X")->outcome, Delivery::Outcome::kRetry);
  broken.status = 408;
  EXPECT_TRUE(RetryableFailure(broken, "X").has_value());

  HttpResponse refused;
  refused.status = 400;
  EXPECT_FALSE(RetryableFailure(refused, "X").has_value());
  refused.status = 200;
  EXPECT_FALSE(RetryableFailure(refused, "X").has_value());
}

TEST(ChannelsDeliveryRules, OutcomeNames) {
  EXPECT_STREQ(OutcomeName(Delivery::Outcome::kSent), "sent");
  EXPECT_STREQ(OutcomeName(Delivery::Outcome::kRetry), "retry");
  EXPECT_STREQ(OutcomeName(Delivery::Outcome::kRejected), "rejected");
}

}  // namespace
}  // namespace kvitka::channels
