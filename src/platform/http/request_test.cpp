#include "platform/http/request.h"

#include <gtest/gtest.h>

namespace kvitka::http {
namespace {

TEST(Request, ReadsCookies) {
  Request r;
  r.headers.emplace_back("cookie", "a=1; kvitka_session=abc; b=2");
  EXPECT_EQ(r.Cookie("kvitka_session"), "abc");
  EXPECT_EQ(r.Cookie("b"), "2");
  EXPECT_FALSE(r.Cookie("missing"));
}

TEST(Language, FollowsAcceptLanguage) {
  EXPECT_EQ(PickLanguage("uk-UA,uk;q=0.9,en;q=0.8"), Language::kUk);
  EXPECT_EQ(PickLanguage("ru"), Language::kRu);
  EXPECT_EQ(PickLanguage("de-DE,en;q=0.5,ru;q=0.7"), Language::kRu);
  EXPECT_EQ(PickLanguage("de"), Language::kEn);
  EXPECT_EQ(PickLanguage(""), Language::kEn);
}

}  // namespace
}  // namespace kvitka::http
