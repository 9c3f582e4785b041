// For identity *_dbtest.cpp: the identity services wired on a fresh test database.
#pragma once

#include "identity/app/auth_service.h"
#include "identity/app/branch_service.h"
#include "identity/app/user_service.h"
#include "identity/store/sql_organization_store.h"
#include "identity/store/sql_session_store.h"
#include "identity/store/sql_user_store.h"
#include "platform/db/test_database.h"

namespace kvitka::identity {

class IdentityFixture : public ::testing::TestWithParam<db::Dialect> {
 protected:
  IdentityFixture()
      : db_(db::OpenTestDatabase(GetParam())),
        clock_(1795870800),
        audit_(audit_store_, clock_),
        auth_(*db_, orgs_, users_, sessions_, audit_, clock_),
        team_(*db_, users_, sessions_, audit_, clock_, 7 * 24 * 3600),
        branches_(*db_, orgs_, audit_, clock_) {}

  SessionGrant SignUp(const std::string& email, const std::string& org = "Kvitka Demo") {
    SignupInput input{org, "Поділ", "Europe/Kiev", "UAH", "Olha", email, "kvitka-demo"};
    auto grant = auth_.Signup(input, "127.0.0.1");
    EXPECT_TRUE(grant.ok());
    return std::move(grant).value();
  }
  static Actor ActorOf(const SessionGrant& grant) {
    return Actor{grant.view.me.user.id, grant.view.org.id, grant.view.me.membership.role, 0,
                 "127.0.0.1"};
  }

  std::unique_ptr<db::Database> db_;
  ManualClock clock_;
  SqlOrganizationStore orgs_;
  SqlUserStore users_;
  SqlSessionStore sessions_;
  SqlAuditStore audit_store_;
  AuditTrail audit_;
  AuthService auth_;
  UserService team_;
  BranchService branches_;
};

}  // namespace kvitka::identity
