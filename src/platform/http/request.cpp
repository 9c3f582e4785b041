#include "platform/http/request.h"

#include <algorithm>
#include <cstdlib>

namespace kvitka::http {

std::optional<std::string_view> Request::Header(std::string_view lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return std::nullopt;
}

std::optional<std::string_view> Request::Query(std::string_view name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::optional<std::string> Request::Cookie(std::string_view name) const {
  auto header = Header("cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return std::nullopt;
}

Response Response::Json(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

Response Response::NoContent() {
  Response r;
  r.status = 204;
  return r;
}

Response Response::EventStream(EventHub& hub, Id org_id, std::optional<Id> branch_id) {
  Response r;
  r.status = 200;
  r.content_type = "text/event-stream";
  r.event_stream = EventStreamSpec{&hub, org_id, branch_id};
  return r;
}

std::string PublicBaseUrl(const Request& request, const std::string& configured) {
  if (!configured.empty()) return configured;
  auto host = request.Header("host");
  if (host && !host->empty() && host->size() < 256 &&
      host->find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.:-[]") ==
          std::string_view::npos) {
    return "http://" + std::string(*host);
  }
  return "http://127.0.0.1:8080";
}

Language PickLanguage(std::string_view accept_language) {
  Language best = Language::kEn;
  double best_q = -1;
  std::string_view rest = accept_language;
  while (!rest.empty()) {
    auto end = rest.find(',');
    std::string_view item = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    double q = 1.0;
    if (auto semi = item.find(';'); semi != std::string_view::npos) {
      auto params = item.substr(semi + 1);
      item = item.substr(0, semi);
      if (auto qpos = params.find("q="); qpos != std::string_view::npos) {
        q = std::strtod(std::string(params.substr(qpos + 2)).c_str(), nullptr);
      }
    }
    std::string tag(item.substr(0, item.find('-')));
    std::transform(tag.begin(), tag.end(), tag.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    std::optional<Language> language;
    if (tag == "uk") language = Language::kUk;
    if (tag == "ru") language = Language::kRu;
    if (tag == "en") language = Language::kEn;
    if (language && q > best_q) {
      best = *language;
      best_q = q;
    }
  }
  return best;
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kUk:
      return "uk";
    case Language::kRu:
      return "ru";
    case Language::kEn:
      return "en";
  }
  return "en";
}

}  // namespace kvitka::http
