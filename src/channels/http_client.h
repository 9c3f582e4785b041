// Outgoing HTTP for the channel adapters (libcurl): one easy handle per call, so one client may be
// used from many threads at once. Never logs; errors carry no URL (a Telegram token is part of
// its URLs) and no request body.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"

namespace kvitka::channels {

struct HttpHeader {
  std::string name;
  std::string value;
};

struct HttpRequest {
  std::string method = "POST";
  std::string url;
  std::vector<HttpHeader> headers;
  std::string body;
  // The whole call, connection included; zero: the client's total timeout. Long polling needs
  // more than the default.
  std::chrono::milliseconds timeout{0};
};

struct HttpResponse {
  int status = 0;  // 0 when no response arrived (see error)
  std::string body;
  std::vector<HttpHeader> headers;  // of the final response
  std::string error;                // why no response arrived: connection, TLS, timeout
  bool timed_out = false;

  // The first header of that name (case-insensitive), nullptr when absent.
  const std::string* Header(std::string_view name) const;
  bool ok() const { return status >= 200 && status < 300; }
};

struct HttpClientOptions {
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{15000};
  std::size_t max_response_bytes = 4 << 20;  // a larger answer is cut off and reported as an error
  std::string user_agent = "Kvitka";
};

class HttpClient {
 public:
  explicit HttpClient(HttpClientOptions options = {});

  // Never throws for network trouble: it comes back as status 0 with `error` set. Only http and
  // https URLs; redirects are not followed.
  HttpResponse Send(const HttpRequest& request) const;

  HttpResponse PostJson(std::string url, std::string json,
                        std::vector<HttpHeader> headers = {}) const;
  // application/x-www-form-urlencoded from name/value pairs.
  HttpResponse PostForm(std::string url,
                        const std::vector<std::pair<std::string, std::string>>& fields,
                        std::vector<HttpHeader> headers = {}) const;

  const HttpClientOptions& options() const { return options_; }

 private:
  HttpClientOptions options_;
};

// Percent-encoding for form fields and query strings (RFC 3986 unreserved characters kept).
std::string UrlEncode(std::string_view text);

// The seconds a Retry-After header asks to wait: delta-seconds or an HTTP date (RFC 9110),
// relative to `now`; nullopt when unreadable. A date in the past gives 0.
std::optional<EpochSeconds> ParseRetryAfter(std::string_view value, EpochSeconds now);

// Makes sure libcurl is initialised (once per process; every client does it on construction).
void InitCurlOnce();

}  // namespace kvitka::channels
