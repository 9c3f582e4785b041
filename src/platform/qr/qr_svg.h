// A QR code of a text as an SVG image (black modules on white, with the quiet zone), for
// printing: one <path>, sharp at any size.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kvitka::qr {

// nullopt when the text is too long for a QR code.
std::optional<std::string> Svg(std::string_view text);

}  // namespace kvitka::qr
