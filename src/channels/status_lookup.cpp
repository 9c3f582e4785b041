#include "channels/status_lookup.h"

#include <cctype>

#include "channels/delivery_rules.h"

namespace kvitka::channels {

std::optional<StatusAnswer> UnansweredLookup(const HttpResponse& response,
                                             std::string_view provider) {
  if (response.ok()) return std::nullopt;
  std::string error(provider);
  if (response.status == 0) {
    error += std::string(": ") + (response.timed_out ? "timeout: " : "") + response.error;
  } else {
    error += ": HTTP " + std::to_string(response.status) + " " + Snippet(response.body, 120);
  }
  return StatusAnswer::Failed(std::move(error));
}

std::string UpperAscii(std::string_view text) {
  std::string upper(text);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return upper;
}

}  // namespace kvitka::channels
