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

void Router::Add(Route route) {
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("route registered twice: " + route.method + " " + route.pattern);
    }
  }
  std::vector<Segment> pattern;
  for (auto segment : PathSegments(route.pattern)) {
    const auto close = segment.find('}');
    const bool parameter =
        segment.size() > 2 && segment.front() == '{' && close != std::string_view::npos;
    if (parameter) {
      pattern.push_back({std::string(segment.substr(1, close - 1)), true,
                         std::string(segment.substr(close + 1))});
    } else {
      pattern.push_back({std::string(segment), false, {}});
    }
  }
  patterns_.push_back(std::move(pattern));
  routes_.push_back(std::move(route));
}

RouteMatch Router::Match(std::string_view method, std::string_view path) const {
  RouteMatch match;
  const auto segments = PathSegments(path);
  // Literal segments win over parameters: "/users/me" before "/users/{id}".
  std::size_t best = routes_.size();
  int best_literals = -1;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& pattern = patterns_[i];
    if (pattern.size() != segments.size()) continue;
    int literals = 0;
    bool matches = true;
    for (std::size_t k = 0; k < pattern.size() && matches; ++k) {
      if (pattern[k].parameter) {
        const auto& suffix = pattern[k].suffix;
        matches =
            suffix.empty() || (segments[k].size() > suffix.size() && segments[k].ends_with(suffix));
        continue;
      }
      matches = pattern[k].text == segments[k];
      ++literals;
    }
    if (!matches) continue;
    const Route& route = routes_[i];
    if (route.method != method && !(method == "HEAD" && route.method == "GET")) {
      if (std::find(match.allowed_methods.begin(), match.allowed_methods.end(), route.method) ==
          match.allowed_methods.end()) {
        match.allowed_methods.push_back(route.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best = i;
      best_literals = literals;
    }
  }
  if (best == routes_.size()) return match;
  match.route = &routes_[best];
  for (std::size_t k = 0; k < segments.size(); ++k) {
    if (patterns_[best][k].parameter) {
      const auto& segment = segments[k];
      const auto length = segment.size() - patterns_[best][k].suffix.size();
      match.params.emplace(patterns_[best][k].text, std::string(segment.substr(0, length)));
    }
  }
  return match;
}

}  // namespace kvitka::http
