#include "channels/http_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <stdexcept>

namespace kvitka::channels {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

struct Sink {
  std::string body;
  std::vector<HttpHeader> headers;
  std::size_t limit = 0;
  bool overflow = false;
};

std::size_t WriteBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  if (sink->body.size() + bytes > sink->limit) {
    sink->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  sink->body.append(data, bytes);
  return bytes;
}

std::size_t WriteHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t bytes = size * count;
  std::string_view line(data, bytes);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    sink->headers.clear();  // a new response (after 100 Continue or a proxy's answer)
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    std::string_view value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t'))
      value.remove_prefix(1);
    sink->headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
  }
  return bytes;
}

// Loopback never goes through a proxy (tests and local fakes); other hosts follow the
// environment's proxy settings as libcurl does.
std::string NoProxyList() {
  std::string list = "localhost,127.0.0.1,::1";
  for (const char* name : {"no_proxy", "NO_PROXY"}) {
    if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
      list += ',';
      list += value;
      break;
    }
  }
  return list;
}

}  // namespace

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("libcurl could not be initialised");
    }
  });
}

const std::string* HttpResponse::Header(std::string_view name) const {
  for (const auto& header : headers) {
    if (EqualsIgnoreCase(header.name, name)) return &header.value;
  }
  return nullptr;
}

HttpClient::HttpClient(HttpClientOptions options) : options_(std::move(options)) { InitCurlOnce(); }

HttpResponse HttpClient::Send(const HttpRequest& request) const {
  HttpResponse response;
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) {
    response.error = "could not start an HTTP call";
    return response;
  }
  CURL* h = curl.get();
  Sink sink;
  sink.limit = options_.max_response_bytes;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  const std::string no_proxy = NoProxyList();
  const auto total = request.timeout.count() > 0 ? request.timeout : options_.total_timeout;

  curl_easy_setopt(h, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(options_.connect_timeout.count()));
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(total.count()));
  curl_easy_setopt(h, CURLOPT_NOPROXY, no_proxy.c_str());
  curl_easy_setopt(h, CURLOPT_USERAGENT, options_.user_agent.c_str());
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, WriteBody);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, WriteHeader);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &sink);

  if (request.method == "GET") {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, request.body.data());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    if (request.method != "POST")
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  }

  std::unique_ptr<curl_slist, SlistDeleter> header_list;
  // The provider answers at once; waiting for "100 Continue" only costs a round trip.
  header_list.reset(curl_slist_append(header_list.release(), "Expect:"));
  for (const auto& header : request.headers) {
    const std::string line = header.name + ": " + header.value;
    header_list.reset(curl_slist_append(header_list.release(), line.c_str()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, header_list.get());

  const CURLcode code = curl_easy_perform(h);
  if (code != CURLE_OK) {
    if (sink.overflow) {
      response.error = "the answer is larger than " + std::to_string(sink.limit) + " bytes";
    } else {
      response.error = error_buffer[0] != '\0' ? error_buffer : curl_easy_strerror(code);
    }
    response.timed_out = code == CURLE_OPERATION_TIMEDOUT;
    return response;
  }
  long status = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
  response.status = static_cast<int>(status);
  response.body = std::move(sink.body);
  response.headers = std::move(sink.headers);
  return response;
}

HttpResponse HttpClient::PostJson(std::string url, std::string json,
                                  std::vector<HttpHeader> headers) const {
  HttpRequest request;
  request.url = std::move(url);
  request.body = std::move(json);
  request.headers = std::move(headers);
  request.headers.push_back({"Content-Type", "application/json; charset=utf-8"});
  request.headers.push_back({"Accept", "application/json"});
  return Send(request);
}

HttpResponse HttpClient::PostForm(std::string url,
                                  const std::vector<std::pair<std::string, std::string>>& fields,
                                  std::vector<HttpHeader> headers) const {
  HttpRequest request;
  request.url = std::move(url);
  for (const auto& [name, value] : fields) {
    if (!request.body.empty()) request.body += '&';
    request.body += UrlEncode(name) + "=" + UrlEncode(value);
  }
  request.headers = std::move(headers);
  request.headers.push_back({"Content-Type", "application/x-www-form-urlencoded"});
  return Send(request);
}

std::string UrlEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::optional<EpochSeconds> ParseRetryAfter(std::string_view value, EpochSeconds now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); })) {
    if (value.size() > 9) return std::nullopt;  // nonsense, not a wait
    return std::stoll(std::string(value));
  }
  const std::string date(value);
  const time_t at = curl_getdate(date.c_str(), nullptr);
  if (at == -1) return std::nullopt;
  return std::max<EpochSeconds>(0, static_cast<EpochSeconds>(at) - now);
}

}  // namespace kvitka::channels
