#include "identity/http/session_authenticator.h"

namespace kvitka::identity {

std::optional<http::AuthContext> SessionAuthenticator::Authenticate(const http::Request& request) {
  auto token = request.Cookie(kSessionCookie);
  if (!token) return std::nullopt;
  auto principal = auth_.Authenticate(*token);
  if (!principal) return std::nullopt;
  http::AuthContext context;
  context.user_id = principal->user_id;
  context.org_id = principal->org_id;
  context.session_id = principal->session_id;
  context.role = std::string(RoleName(principal->role));
  context.csrf_token = principal->csrf_token;
  context.via_cookie = true;
  return context;
}

Actor ActorOf(const http::Request& request) {
  const auto& auth = request.auth.value();
  return Actor{auth.user_id, auth.org_id, ParseRole(auth.role).value_or(Role::kMaster),
               auth.session_id, request.remote_ip};
}

}  // namespace kvitka::identity
