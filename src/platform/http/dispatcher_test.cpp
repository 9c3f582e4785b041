#include "platform/http/dispatcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "platform/http/event_hub.h"

namespace kvitka::http {
namespace {

class FakeAuthenticator : public Authenticator {
 public:
  std::optional<AuthContext> Authenticate(const Request& request) override {
    if (request.Cookie("kvitka_session") != "good") return std::nullopt;
    AuthContext auth;
    auth.user_id = 1;
    auth.org_id = 1;
    auth.csrf_token = "csrf";
    return auth;
  }
};

class DispatcherTest : public ::testing::Test {
 protected:
  DispatcherTest() : dispatcher_(router_, auth_, {}) {
    router_.Add("GET", "/api/v1/me", Access::kSession,
                [](Request&) { return Response::Json(200, "{}"); });
    router_.Add("POST", "/api/v1/things", Access::kSession,
                [](Request&) { return Response::Json(201, "{}"); });
    router_.Add("GET", "/api/v1/boom", Access::kPublic,
                [](Request&) -> Response { throw std::runtime_error("secret internals"); });
  }
  Response Send(std::string method, std::string path, std::string cookie = {},
                std::string csrf = {}, std::string body = {}) {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    if (!cookie.empty()) r.headers.emplace_back("cookie", "kvitka_session=" + cookie);
    if (!csrf.empty()) r.headers.emplace_back("x-csrf-token", csrf);
    if (!body.empty()) r.headers.emplace_back("content-type", "application/json");
    r.body = std::move(body);
    return dispatcher_.Handle(r);
  }
  static std::string HeaderOf(const Response& r, const std::string& name) {
    for (const auto& [n, v] : r.headers) {
      if (n == name) return v;
    }
    return {};
  }

  Router router_;
  FakeAuthenticator auth_;
  Dispatcher dispatcher_;
};

TEST_F(DispatcherTest, UnknownRouteIs404Problem) {
  auto r = Send("GET", "/api/v1/nothing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_FALSE(HeaderOf(r, "X-Request-Id").empty());
}

TEST_F(DispatcherTest, WrongMethodIs405WithAllow) {
  auto r = Send("DELETE", "/api/v1/me");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(HeaderOf(r, "Allow"), "GET");
}

TEST_F(DispatcherTest, SessionRoutesNeedASession) {
  EXPECT_EQ(Send("GET", "/api/v1/me").status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/me", "bad").status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/me", "good").status, 200);
}

TEST_F(DispatcherTest, CookieWritesNeedTheCsrfToken) {
  EXPECT_EQ(Send("POST", "/api/v1/things", "good", "", "{}").status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/things", "good", "wrong", "{}").status, 403);
  EXPECT_EQ(Send("POST", "/api/v1/things", "good", "csrf", "{}").status, 201);
}

TEST_F(DispatcherTest, BodiesMustBeJsonAndSmall) {
  Request r;
  r.method = "POST";
  r.path = "/api/v1/things";
  r.headers = {
      {"cookie", "kvitka_session=good"}, {"x-csrf-token", "csrf"}, {"content-type", "text/plain"}};
  r.body = "hello";
  EXPECT_EQ(dispatcher_.Handle(r).status, 415);
  r.headers.back().second = "application/json; charset=utf-8";
  r.body = std::string(2 << 20, ' ');
  EXPECT_EQ(dispatcher_.Handle(r).status, 413);
}

TEST_F(DispatcherTest, ExceptionsBecomeABare500) {
  auto r = Send("GET", "/api/v1/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_EQ(r.body.find("secret"), std::string::npos);
}

TEST_F(DispatcherTest, EventStreamsPassThroughUntouched) {
  EventHub hub;
  router_.Add("GET", "/api/v1/events", Access::kSession, [&hub](Request& request) {
    return Response::EventStream(hub, request.auth->org_id, std::nullopt);
  });
  EXPECT_EQ(Send("GET", "/api/v1/events").status, 401);
  auto r = Send("GET", "/api/v1/events", "good");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/event-stream");
  EXPECT_TRUE(r.body.empty());
  EXPECT_TRUE(r.file_path.empty());
  ASSERT_TRUE(r.event_stream);
  EXPECT_EQ(r.event_stream->hub, &hub);
  EXPECT_EQ(r.event_stream->org_id, 1);
  EXPECT_FALSE(HeaderOf(r, "X-Request-Id").empty());
}

TEST(StaticFiles, ServesFilesAndFallsBackToIndexButNeverEscapes) {
  const auto dir = std::filesystem::temp_directory_path() / "kvitka_static_test";
  std::filesystem::create_directories(dir / "assets");
  std::ofstream(dir / "index.html") << "<html></html>";
  std::ofstream(dir / "assets" / "app.js") << "1";
  Router router;
  FakeAuthenticator auth;
  Dispatcher dispatcher(router, auth, dir);
  auto get = [&](std::string path) {
    Request r;
    r.method = "GET";
    r.path = std::move(path);
    return dispatcher.Handle(r);
  };
  auto js = get("/assets/app.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  auto spa = get("/journal");
  EXPECT_EQ(spa.status, 200);
  EXPECT_EQ(std::filesystem::path(spa.file_path).filename(), "index.html");
  EXPECT_EQ(get("/assets/missing.js").status, 404);
  auto escape = get("/../../etc/passwd");
  EXPECT_TRUE(escape.file_path.empty() ||
              std::filesystem::path(escape.file_path).filename() == "index.html");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kvitka::http
