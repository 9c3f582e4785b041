#include "platform/qr/qr_svg.h"

#include <gtest/gtest.h>

namespace kvitka::qr {
namespace {

TEST(QrSvg, DrawsAnSquareSvgWithModules) {
  auto svg = Svg("https://kvitka.example/b/podil");
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->rfind("<?xml", 0), 0u);
  EXPECT_NE(svg->find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  // Version 3 (29 modules) with a 4-module quiet zone on each side: 37.
  EXPECT_NE(svg->find("viewBox=\"0 0 37 37\""), std::string::npos);
  // The top-left finder pattern starts at the quiet zone's edge.
  EXPECT_NE(svg->find("M4 4h7v1h-7z"), std::string::npos);
}

TEST(QrSvg, DifferentTextsGiveDifferentCodesAndTooLongTextNone) {
  EXPECT_NE(*Svg("https://a.example/b/one"), *Svg("https://a.example/b/two"));
  EXPECT_FALSE(Svg(std::string(8000, 'x')));
}

}  // namespace
}  // namespace kvitka::qr
