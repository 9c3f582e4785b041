#include "platform/http/router.h"

#include <algorithm>
#include <stdexcept>

namespace kvitka::http {

std::vector<std::string_view> PathSegments(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    if (end > start) segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

namespace {

bool MatchPattern(std::string_view pattern, std::string_view path,
                  std::map<std::string, std::string>* params) {
  auto want = PathSegments(pattern);
  auto got = PathSegments(path);
  if (want.size() != got.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::string(got[i]));
    } else if (want[i] != got[i]) {
      return false;
    }
  }
  if (params) *params = std::move(found);
  return true;
}

}  // namespace

void Router::Add(Route route) {
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("route registered twice: " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch match;
  // Literal segments win over parameters: "/users/me" before "/users/{id}".
  const Route* best = nullptr;
  int best_literals = -1;
  for (const auto& route : routes_) {
    std::map<std::string, std::string> params;
    if (!MatchPattern(route.pattern, path, &params)) continue;
    if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
      if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(), route.method) ==
          match.allowed_methods.end()) {
        match.allowed_methods.push_back(route.method);
      }
      continue;
    }
    int literals = static_cast<int>(std::count(route.pattern.begin(), route.pattern.end(), '/')) -
                   static_cast<int>(std::count(route.pattern.begin(), route.pattern.end(), '{'));
    if (literals > best_literals) {
      best = &route;
      best_literals = literals;
      match.params = std::move(params);
    }
  }
  match.route = best;
  return match;
}

}  // namespace kvitka::http
