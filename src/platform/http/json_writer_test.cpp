#include "platform/http/json_writer.h"

#include <gtest/gtest.h>

#include "platform/http/json_body.h"

namespace kvitka::http {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommasInTheRightPlaces) {
  JsonWriter w;
  w.Object()
      .Field("name", "Олена")
      .Field("visits", 3)
      .Field("vip", true)
      .Key("phone")
      .Null()
      .Key("tags")
      .Array()
      .String("a")
      .Object()
      .Field("id", std::int64_t{-7})
      .End()
      .Array()
      .End()
      .End()
      .Key("raw")
      .Raw(R"({"x":1})")
      .End();
  const std::string text = w.Take();
  EXPECT_EQ(text, R"({"name":"Олена","visits":3,"vip":true,"phone":null,"tags":["a",{"id":-7},[]],)"
                  R"("raw":{"x":1}})");
  EXPECT_EQ(Json::parse(text)["tags"][1]["id"], -7);
}

TEST(JsonWriter, EscapesLikeTheTreeSerializer) {
  const std::string tricky =
      std::string("quote\" back\\ nl\n tab\t bell\x07 ") + "bad\xff end \xe2\x82";
  JsonWriter w;
  w.String(tricky);
  EXPECT_EQ(w.Take(), Dump(Json(tricky)));
}

}  // namespace
}  // namespace kvitka::http
