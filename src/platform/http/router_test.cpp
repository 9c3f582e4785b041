#include "platform/http/router.h"

#include <gtest/gtest.h>

namespace kvitka::http {
namespace {

Handler Named(std::string name) {
  return [name](Request&) { return Response::Json(200, name); };
}

TEST(Router, MatchesTemplatesAndExtractsParameters) {
  Router router;
  router.Add("GET", "/api/v1/users/{id}", Access::kSession, Named("get"));
  auto match = router.Match("GET", "/api/v1/users/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("id"), "42");
}

TEST(Router, ReportsAllowedMethodsWhenOnlyTheMethodIsWrong) {
  Router router;
  router.Add("GET", "/api/v1/users", Access::kSession, Named("list"));
  router.Add("POST", "/api/v1/users", Access::kSession, Named("add"));
  auto match = router.Match("PUT", "/api/v1/users");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (std::vector<std::string>{"GET", "POST"}));
  auto missing = router.Match("GET", "/api/v1/nothing");
  EXPECT_EQ(missing.route, nullptr);
  EXPECT_TRUE(missing.allowed_methods.empty());
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router router;
  router.Add("GET", "/api/v1/users/{id}", Access::kSession, Named("by-id"));
  router.Add("GET", "/api/v1/users/me", Access::kSession, Named("me"));
  auto match = router.Match("GET", "/api/v1/users/me");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.route->pattern, "/api/v1/users/me");
}

TEST(Router, ParametersMayHaveASuffix) {
  Router router;
  router.Add("GET", "/ical/{token}.ics", Access::kPublic, Named("feed"));
  auto match = router.Match("GET", "/ical/abc123.ics");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params.at("token"), "abc123");
  EXPECT_EQ(router.Match("GET", "/ical/abc123").route, nullptr);
  EXPECT_EQ(router.Match("GET", "/ical/.ics").route, nullptr);
}

TEST(Router, HeadIsServedByGet) {
  Router router;
  router.Add("GET", "/healthz", Access::kPublic, Named("health"));
  EXPECT_NE(router.Match("HEAD", "/healthz").route, nullptr);
}

TEST(Router, RefusesDuplicateRoutes) {
  Router router;
  router.Add("GET", "/a", Access::kPublic, Named("a"));
  EXPECT_THROW(router.Add("GET", "/a", Access::kPublic, Named("b")), std::logic_error);
}

TEST(Router, TrailingSlashesDoNotMatter) {
  Router router;
  router.Add("GET", "/api/v1/me", Access::kSession, Named("me"));
  EXPECT_NE(router.Match("GET", "/api/v1/me/").route, nullptr);
}

}  // namespace
}  // namespace kvitka::http
