// The demo salon that `make run` and `kvitka demo` put into an empty database, so that a
// newcomer can sign in and click through everything. Later modules add their data here.
#pragma once

#include <string>
#include <vector>

#include "identity/app/auth_service.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"

namespace kvitka::demo {

inline constexpr const char* kOwnerEmail = "owner@kvitka.demo";
inline constexpr const char* kPassword = "kvitka-demo";

struct DemoAccount {
  std::string email;
  std::string role;
};

struct DemoResult {
  bool created = false;  // false when the demo salon was already there
  std::vector<DemoAccount> accounts;
};

class DemoSalon {
 public:
  DemoSalon(identity::AuthService& auth, identity::UserService& team,
            identity::BranchService& branches)
      : auth_(auth), team_(team), branches_(branches) {}

  // Seeds the demo salon; does nothing when its owner account already exists.
  DemoResult Seed();

 private:
  identity::AuthService& auth_;
  identity::UserService& team_;
  identity::BranchService& branches_;
};

}  // namespace kvitka::demo
