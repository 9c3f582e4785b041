#include "app/settings.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <exception>

namespace kvitka {

EpochSeconds ParseNow(std::string text) {
  if (auto dot = text.find('.'); dot != std::string::npos) {
    auto end = dot + 1;
    while (end < text.size() && std::isdigit(static_cast<unsigned char>(text[end]))) ++end;
    text.erase(dot, end - dot);
  }
  auto parsed = ParseRfc3339(text);
  if (!parsed) {
    throw CLI::ValidationError("--now", "expected an RFC 3339 instant like 2026-11-22T09:00:00Z");
  }
  return *parsed;
}

std::string PublicBase(const Settings& settings) {
  if (!settings.public_url.empty()) return settings.public_url;
  return "http://" + settings.listen;
}

messaging::ProviderUrls ParseProviderUrls(const std::vector<std::string>& pairs) {
  messaging::ProviderUrls urls;
  for (const auto& pair : pairs) {
    const auto eq = pair.find('=');
    const std::string name = eq == std::string::npos ? "" : pair.substr(0, eq);
    static const std::vector<std::string> kProviders = {"telegram", "viber", "turbosms", "smsclub",
                                                        "alphasms"};
    if (std::find(kProviders.begin(), kProviders.end(), name) == kProviders.end() ||
        !(pair.substr(eq + 1).starts_with("http://") ||
          pair.substr(eq + 1).starts_with("https://"))) {
      throw CLI::ValidationError("--provider-url",
                                 "expected NAME=URL with NAME one of telegram, viber, turbosms, "
                                 "smsclub, alphasms");
    }
    urls[name] = pair.substr(eq + 1);
  }
  return urls;
}

std::pair<std::string, std::uint16_t> SplitListen(const std::string& listen) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos) throw CLI::ValidationError("--listen", "expected HOST:PORT");
  const std::string host = listen.substr(0, colon);
  int port = 0;
  try {
    port = std::stoi(listen.substr(colon + 1));
  } catch (const std::exception&) {
    port = -1;
  }
  if (host.empty() || port < 0 || port > 65535) {
    throw CLI::ValidationError("--listen", "expected HOST:PORT with a port from 0 to 65535");
  }
  return {host, static_cast<std::uint16_t>(port)};
}

}  // namespace kvitka
