// Resolves the session cookie of a request into its caller.
#pragma once

#include "identity/app/auth_service.h"
#include "platform/http/dispatcher.h"

namespace kvitka::identity {

inline constexpr const char* kSessionCookie = "kvitka_session";

class SessionAuthenticator final : public http::Authenticator {
 public:
  explicit SessionAuthenticator(AuthService& auth) : auth_(auth) {}
  std::optional<http::AuthContext> Authenticate(const http::Request& request) override;

 private:
  AuthService& auth_;
};

// The actor of an authenticated request.
Actor ActorOf(const http::Request& request);

}  // namespace kvitka::identity
