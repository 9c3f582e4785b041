// The settings of the `kvitka` command and the parsing of their values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "booking/app/online_booking.h"
#include "core/time.h"
#include "messaging/app/gateways.h"

namespace kvitka {

struct Settings {
  std::string db_url = "sqlite:data/kvitka.db";
  std::string listen = "127.0.0.1:8080";
  std::string data_dir = "data";
  std::string web_dir = "web/dist";
  std::string public_url;
  bool secure_cookies = false;
  int session_ttl_hours = 24 * 30;
  std::size_t threads = 8;
  booking::OnlineLimits online_limits;
  std::vector<std::string> provider_urls;  // "telegram=http://127.0.0.1:9000"
  bool dispatch = true;                    // send messages from `serve`
  std::string now;                         // act as if it were this moment (RFC 3339)
};

// An RFC 3339 instant of --now (fractions of a second are accepted and dropped).
// Throws CLI::ValidationError when it is not one.
EpochSeconds ParseNow(std::string text);

// The base of links sent to people: --public-url, else the address served.
std::string PublicBase(const Settings& settings);

// --provider-url NAME=URL pairs. Throws CLI::ValidationError on a bad pair.
messaging::ProviderUrls ParseProviderUrls(const std::vector<std::string>& pairs);

// --listen HOST:PORT. Throws CLI::ValidationError on a bad address.
std::pair<std::string, std::uint16_t> SplitListen(const std::string& listen);

}  // namespace kvitka
