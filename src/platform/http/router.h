// Routes: METHOD + path template ("/api/v1/users/{id}") -> handler, with what the route needs.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "platform/http/request.h"

namespace kvitka::http {

using Handler = std::function<Response(Request&)>;

enum class Access {
  kPublic,   // anyone
  kSession,  // a signed-in user (session cookie; writes also need the CSRF token)
};

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::kSession;
  Handler handler;
  std::size_t max_body_bytes = 1 << 20;
  bool raw_body = false;  // the body is a file, not JSON (any media type the handler checks)
};

struct RouteMatch {
  const Route* route = nullptr;              // set when found
  std::vector<std::string> allowed_methods;  // set when the path exists with other methods
  std::map<std::string, std::string> params;
};

class Router {
 public:
  void Add(Route route);
  void Add(std::string method, std::string pattern, Access access, Handler handler) {
    Add(Route{std::move(method), std::move(pattern), access, std::move(handler)});
  }
  RouteMatch Match(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    std::string text;  // literal text, or the parameter name
    bool parameter = false;
    std::string suffix;  // "{token}.ics": the parameter is followed by ".ics"
  };
  std::vector<Route> routes_;
  std::vector<std::vector<Segment>> patterns_;  // routes_[i] split once at Add
};

// Splits "/a/b/" into {"a", "b"}.
std::vector<std::string_view> PathSegments(std::string_view path);

}  // namespace kvitka::http
