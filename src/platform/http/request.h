// Our own request and response types: modules never see RESTinio.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/id.h"

namespace kvitka::http {

class EventHub;

// Who is calling, resolved from the session cookie (or, later, an API key).
struct AuthContext {
  Id user_id = 0;
  Id org_id = 0;
  Id session_id = 0;
  std::string role;
  std::string csrf_token;
  bool via_cookie = true;
};

enum class Language { kEn, kUk, kRu };

struct Request {
  std::string method;
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string remote_ip;
  bool malformed_query = false;  // the query string could not be decoded

  // Filled by the dispatcher.
  std::string request_id;
  std::map<std::string, std::string> path_params;
  std::optional<AuthContext> auth;
  Language language = Language::kEn;

  std::optional<std::string_view> Header(std::string_view lower_name) const;
  std::optional<std::string_view> Query(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  bool IsWrite() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
};

// An answer that stays open and streams the hub's events (Server-Sent Events).
struct EventStreamSpec {
  EventHub* hub = nullptr;
  Id org_id = 0;
  std::optional<Id> branch_id;  // empty: every branch of the organization
};

struct Response {
  int status = 200;
  std::string content_type;
  std::string body;
  std::string file_path;  // when set, the file is sent instead of body
  std::vector<std::pair<std::string, std::string>> headers;
  // When set, the server sends the headers, keeps the connection open and forwards the
  // hub's events for this organization (and branch); body and file_path are not used.
  std::optional<EventStreamSpec> event_stream;

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  static Response Json(int status, std::string body);
  static Response NoContent();
  // Status 200, text/event-stream. The hub must outlive the server.
  static Response EventStream(EventHub& hub, Id org_id, std::optional<Id> branch_id);
};

// The base URL of links sent to people: `configured` when set, else from the Host header
// (checked), else http://127.0.0.1:8080.
std::string PublicBaseUrl(const Request& request, const std::string& configured);

// Picks uk, ru or en from an Accept-Language header (first supported tag wins by q-value).
Language PickLanguage(std::string_view accept_language);

// The language's code: "en", "uk", "ru".
std::string_view LanguageCode(Language language);

}  // namespace kvitka::http
