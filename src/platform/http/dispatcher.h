// The request pipeline: request id, language, routing (404/405), body limits and media type,
// session and CSRF, the handler, exceptions -> bare 500, static files, access log.
#pragma once

#include <filesystem>
#include <optional>

#include "platform/http/router.h"

namespace kvitka::http {

// Resolves the caller of a request (session cookie); implemented by the identity module.
class Authenticator {
 public:
  virtual ~Authenticator() = default;
  virtual std::optional<AuthContext> Authenticate(const Request& request) = 0;
};

class Dispatcher {
 public:
  // `web_dir` holds the built web app; empty or missing disables static files.
  Dispatcher(const Router& router, Authenticator& authenticator, std::filesystem::path web_dir);

  // Never throws.
  Response Handle(Request& request) noexcept;

 private:
  Response RouteApi(Request& request, RouteMatch match);
  Response StaticFile(const Request& request) const;

  const Router& router_;
  Authenticator& authenticator_;
  std::filesystem::path web_dir_;
};

}  // namespace kvitka::http
