#include "platform/http/json_body.h"

#include <gtest/gtest.h>

namespace kvitka::http {
namespace {

Request WithBody(std::string body) {
  Request r;
  r.method = "POST";
  r.body = std::move(body);
  return r;
}

TEST(JsonBody, RefusesWhatIsNotAJsonObject) {
  for (const char* bad : {"", "{", "[1,2]", "\"text\"", "{\"a\":}"}) {
    auto body = JsonBody::Parse(WithBody(bad));
    ASSERT_FALSE(body.ok()) << bad;
    EXPECT_EQ(body.error().status, 400);
    EXPECT_NE(body.error().body.find("malformed-json"), std::string::npos);
  }
}

TEST(JsonBody, CollectsEveryFieldProblem) {
  auto request = WithBody(R"({"name": 5, "email": "   ", "note": "abcdef"})");
  auto body = JsonBody::Parse(request);
  ASSERT_TRUE(body.ok());
  body->Text("name", {.required = true});
  body->Text("email", {.required = true});
  body->Text("password", {.required = true});
  body->Text("note", {.max = 3});
  auto problem = body->Problems(request);
  ASSERT_TRUE(problem);
  EXPECT_EQ(problem->status, 422);
  auto json = Json::parse(problem->body);
  ASSERT_EQ(json["errors"].size(), 4u);
  EXPECT_EQ(json["errors"][0]["field"], "name");
  EXPECT_EQ(json["errors"][0]["code"], "invalid_type");
  EXPECT_EQ(json["errors"][1]["code"], "required");
  EXPECT_EQ(json["errors"][2]["field"], "password");
  EXPECT_EQ(json["errors"][3]["code"], "too_long");
  EXPECT_EQ(json["errors"][3]["message"], "At most 3 characters.");
}

TEST(JsonBody, MessagesFollowTheReadersLanguage) {
  auto request = WithBody(R"({})");
  request.language = Language::kUk;
  auto body = JsonBody::Parse(request);
  body->Text("name", {.required = true});
  auto json = Json::parse(body->Problems(request)->body);
  EXPECT_EQ(json["errors"][0]["message"], "Це поле обов'язкове.");
  EXPECT_EQ(json["title"], "Деякі поля заповнено неправильно");
}

TEST(JsonBody, TrimsAndCountsCharacters) {
  auto request = WithBody(R"({"name": "  Олена  "})");
  auto body = JsonBody::Parse(request);
  EXPECT_EQ(body->Text("name", {.required = true, .max = 5}), "Олена");
  EXPECT_FALSE(body->Problems(request));
}

TEST(Paging, ParsesLimitAndCursor) {
  Request r;
  r.query = {{"limit", "10"}, {"cursor", EncodeCursor(77)}};
  auto page = ParsePage(r);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->limit, 10);
  EXPECT_EQ(page->after, 77);
  for (const char* bad : {"0", "201", "-1", "ten", ""}) {
    Request b;
    b.query = {{"limit", bad}};
    EXPECT_FALSE(ParsePage(b).ok()) << bad;
  }
  Request c;
  c.query = {{"cursor", "garbage"}};
  EXPECT_FALSE(ParsePage(c).ok());
}

}  // namespace
}  // namespace kvitka::http
