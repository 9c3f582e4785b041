// HTTP routes of the identity module: signup, sessions, the team, branches, audit.
#pragma once

#include <string>

#include "identity/app/auth_service.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"
#include "platform/http/router.h"

namespace kvitka::identity {

struct IdentityRouteOptions {
  bool secure_cookies = false;  // add Secure to the session cookie (behind HTTPS)
  std::string public_url;       // base of links in invitations; empty: from the Host header
};

void AddIdentityRoutes(http::Router& router, AuthService& auth, UserService& team,
                       BranchService& branches, IdentityRouteOptions options);

}  // namespace kvitka::identity
