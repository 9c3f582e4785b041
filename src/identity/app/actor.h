// Who performs a use case: a signed-in member of an organization, or the shell.
#pragma once

#include <string>

#include "core/id.h"
#include "identity/domain/role.h"

namespace kvitka::identity {

struct Actor {
  Id user_id = 0;  // 0 for the system (shell commands, seeding)
  Id org_id = 0;
  Role role = Role::kMaster;
  Id session_id = 0;
  std::string ip;

  static Actor System(Id org_id) { return Actor{0, org_id, Role::kOwner, 0, "shell"}; }
};

}  // namespace kvitka::identity
