#include "identity/domain/role.h"

#include <gtest/gtest.h>

namespace kvitka::identity {
namespace {

TEST(Role, RoundTripsNames) {
  for (Role role : {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParseRole("Owner"));
}

TEST(Permissions, FollowTheTable) {
  EXPECT_TRUE(Allows(Role::kOwner, Action::kManageUsers));
  EXPECT_TRUE(Allows(Role::kAdmin, Action::kManageUsers));
  EXPECT_FALSE(Allows(Role::kManager, Action::kManageUsers));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kViewUsers));
  EXPECT_TRUE(Allows(Role::kManager, Action::kViewAudit));
  EXPECT_FALSE(Allows(Role::kAdmin, Action::kViewAudit));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kViewAudit));
  EXPECT_TRUE(Allows(Role::kMaster, Action::kViewBranches));
  EXPECT_FALSE(Allows(Role::kAdmin, Action::kManageBranches));
}

TEST(Permissions, MastersSeeClientsWithoutContacts) {
  EXPECT_TRUE(Allows(Role::kMaster, Action::kViewClients));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kSeeClientContacts));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kManageClients));
  EXPECT_TRUE(Allows(Role::kAdmin, Action::kImportExportClients));
  EXPECT_FALSE(Allows(Role::kAdmin, Action::kEraseClients));
  EXPECT_TRUE(Allows(Role::kOwner, Action::kEraseClients));
}

TEST(Permissions, OnlyOwnersAndManagersManageMessaging) {
  EXPECT_TRUE(Allows(Role::kOwner, Action::kManageMessaging));
  EXPECT_TRUE(Allows(Role::kManager, Action::kManageMessaging));
  EXPECT_FALSE(Allows(Role::kAdmin, Action::kManageMessaging));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kManageMessaging));
}

TEST(Permissions, MastersManageOnlyTheirOwnTasks) {
  EXPECT_TRUE(Allows(Role::kOwner, Action::kManageTasks));
  EXPECT_TRUE(Allows(Role::kAdmin, Action::kManageTasks));
  EXPECT_TRUE(Allows(Role::kManager, Action::kManageTasks));
  EXPECT_FALSE(Allows(Role::kMaster, Action::kManageTasks));
}

TEST(Permissions, AdminsCannotCreateOwnersOrManagers) {
  EXPECT_TRUE(CanAssign(Role::kOwner, Role::kOwner));
  EXPECT_TRUE(CanAssign(Role::kAdmin, Role::kMaster));
  EXPECT_TRUE(CanAssign(Role::kAdmin, Role::kAdmin));
  EXPECT_FALSE(CanAssign(Role::kAdmin, Role::kOwner));
  EXPECT_FALSE(CanAssign(Role::kAdmin, Role::kManager));
  EXPECT_FALSE(CanAssign(Role::kManager, Role::kMaster));
}

}  // namespace
}  // namespace kvitka::identity
