#include "channels/http_client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "channels/testing/fake_http_server.h"

namespace kvitka::channels {
namespace {

using testing::CannedResponse;
using testing::FakeHttpServer;

TEST(ChannelsHttpClient, PostsJsonAndReturnsStatusBodyAndHeaders) {
  FakeHttpServer server;
  server.Enqueue({201, "{\"ok\":true}", {{"X-Request-Id", "abc"}}, {}});
  const HttpClient http;
  const auto response =
      http.PostJson(server.url() + "/v1/send?x=1", "{\"a\":1}", {{"Authorization", "Bearer t"}});
  EXPECT_EQ(response.status, 201);
  EXPECT_TRUE(response.ok());
  EXPECT_EQ(response.body, "{\"ok\":true}");
  ASSERT_NE(response.Header("x-request-id"), nullptr);
  EXPECT_EQ(*response.Header("X-REQUEST-ID"), "abc");
  EXPECT_EQ(response.Header("Missing"), nullptr);

  const auto request = server.last_request();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/v1/send?x=1");
  EXPECT_EQ(request.body, "{\"a\":1}");
  EXPECT_EQ(request.Header("Authorization"), "Bearer t");
  EXPECT_EQ(request.Header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(request.Header("Expect"), "");  // no 100-continue round trip
}

TEST(ChannelsHttpClient, SendsLargeBodiesWhole) {
  FakeHttpServer server;
  server.EnqueueJson(200, "{}");
  const std::string big(200000, 'x');
  EXPECT_EQ(HttpClient().PostJson(server.url() + "/big", "\"" + big + "\"").status, 200);
  EXPECT_EQ(server.last_request().body.size(), big.size() + 2);
}

TEST(ChannelsHttpClient, PostsForms) {
  FakeHttpServer server;
  server.EnqueueJson(200, "{}");
  HttpClient().PostForm(server.url() + "/form", {{"to", "+380 67"}, {"text", "Привіт & бувай"}});
  const auto request = server.last_request();
  EXPECT_EQ(request.Header("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.body,
            "to=%2B380%2067&text=%D0%9F%D1%80%D0%B8%D0%B2%D1%96%D1%82%20%26%20%D0%B1%D1%83%D0%B2"
            "%D0%B0%D0%B9");
}

TEST(ChannelsHttpClient, GetSendsNoBody) {
  FakeHttpServer server;
  server.EnqueueJson(200, "{}");
  HttpRequest request;
  request.method = "GET";
  request.url = server.url() + "/status";
  EXPECT_EQ(HttpClient().Send(request).status, 200);
  EXPECT_EQ(server.last_request().method, "GET");
  EXPECT_EQ(server.last_request().body, "");
}

TEST(ChannelsHttpClient, ClosedPortIsAnErrorNotAStatus) {
  const auto response = HttpClient().PostJson(
      "http://127.0.0.1:" + std::to_string(testing::ClosedLoopbackPort()) + "/secret-path-token",
      "{}");
  EXPECT_EQ(response.status, 0);
  EXPECT_FALSE(response.error.empty());
  EXPECT_FALSE(response.timed_out);
  EXPECT_EQ(response.error.find("secret-path-token"), std::string::npos) << response.error;
}

TEST(ChannelsHttpClient, TimesOut) {
  FakeHttpServer server;
  server.Enqueue({200, "{}", {}, std::chrono::milliseconds(1500)});
  HttpClientOptions options;
  options.total_timeout = std::chrono::milliseconds(300);
  const auto response = HttpClient(options).PostJson(server.url() + "/slow", "{}");
  EXPECT_EQ(response.status, 0);
  EXPECT_TRUE(response.timed_out);
}

TEST(ChannelsHttpClient, RefusesOversizedAnswers) {
  FakeHttpServer server;
  server.EnqueueJson(200, std::string(5000, 'x'));
  HttpClientOptions options;
  options.max_response_bytes = 1000;
  const auto response = HttpClient(options).PostJson(server.url() + "/big", "{}");
  EXPECT_EQ(response.status, 0);
  EXPECT_NE(response.error.find("larger than 1000 bytes"), std::string::npos) << response.error;
}

TEST(ChannelsHttpClient, DoesNotFollowRedirectsOrOtherSchemes) {
  FakeHttpServer server;
  server.Enqueue({302, "", {{"Location", "http://127.0.0.1:1/elsewhere"}}, {}});
  EXPECT_EQ(HttpClient().PostJson(server.url() + "/moved", "{}").status, 302);
  EXPECT_EQ(server.requests().size(), 1u);
  EXPECT_EQ(HttpClient().PostJson("file:///etc/passwd", "{}").status, 0);
}

TEST(ChannelsHttpClient, OneClientServesManyThreads) {
  FakeHttpServer server;
  constexpr int kThreads = 4;
  constexpr int kCalls = 5;
  for (int i = 0; i < kThreads * kCalls; ++i) server.EnqueueJson(200, "{}");
  const HttpClient http;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kCalls; ++i) {
        if (http.PostJson(server.url() + "/n", "{}").status == 200) ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), kThreads * kCalls);
}

TEST(ChannelsHttpClient, ParsesRetryAfterSecondsAndDates) {
  const EpochSeconds now = 1784376000;  // 2026-07-18T12:00:00Z
  EXPECT_EQ(ParseRetryAfter("120", now), 120);
  EXPECT_EQ(ParseRetryAfter(" 5 ", now), 5);
  EXPECT_EQ(ParseRetryAfter("Sat, 18 Jul 2026 12:00:30 GMT", now), 30);
  EXPECT_EQ(ParseRetryAfter("Sat, 18 Jul 2026 11:00:00 GMT", now), 0);  // past: no wait
  EXPECT_EQ(ParseRetryAfter("soon", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("", now), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("99999999999", now), std::nullopt);
}

TEST(ChannelsHttpClient, UrlEncodesReservedAndUtf8) {
  EXPECT_EQ(UrlEncode("a-b_c.d~e"), "a-b_c.d~e");
  EXPECT_EQ(UrlEncode("a b&c=d/+"), "a%20b%26c%3Dd%2F%2B");
  EXPECT_EQ(UrlEncode("ї"), "%D1%97");
}

}  // namespace
}  // namespace kvitka::channels
