#include "identity/domain/role.h"

#include <array>
#include <initializer_list>

namespace kvitka::identity {

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "owner") return Role::kOwner;
  if (name == "admin") return Role::kAdmin;
  if (name == "manager") return Role::kManager;
  if (name == "master") return Role::kMaster;
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kOwner:
      return "owner";
    case Role::kAdmin:
      return "admin";
    case Role::kManager:
      return "manager";
    case Role::kMaster:
      return "master";
  }
  return "master";
}

namespace {

struct Grant {
  Action action;
  std::initializer_list<Role> roles;
};

// Who may do what. One row per action; a role not listed may not.
const std::array<Grant, 21> kPermissions = {{
    {Action::kViewUsers, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kManageUsers, {Role::kOwner, Role::kAdmin}},
    {Action::kViewBranches, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kManageBranches, {Role::kOwner, Role::kManager}},
    {Action::kViewAudit, {Role::kOwner, Role::kManager}},
    {Action::kViewClients, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kSeeClientContacts, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kManageClients, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kImportExportClients, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kEraseClients, {Role::kOwner}},
    {Action::kViewCatalog, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kManageCatalog, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kViewStaff, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kSeeStaffContacts, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kManageStaff, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kViewJournal, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kBook, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kMarkVisit, {Role::kOwner, Role::kAdmin, Role::kManager, Role::kMaster}},
    {Action::kManageOnlineBooking, {Role::kOwner, Role::kAdmin, Role::kManager}},
    {Action::kManageMessaging, {Role::kOwner, Role::kManager}},
    {Action::kManageTasks, {Role::kOwner, Role::kAdmin, Role::kManager}},
}};

}  // namespace

bool Allows(Role role, Action action) {
  for (const auto& grant : kPermissions) {
    if (grant.action != action) continue;
    for (Role allowed : grant.roles) {
      if (allowed == role) return true;
    }
    return false;
  }
  return false;
}

bool CanAssign(Role actor, Role target) {
  if (actor == Role::kOwner) return true;
  if (actor == Role::kAdmin) return target == Role::kAdmin || target == Role::kMaster;
  return false;
}

}  // namespace kvitka::identity
