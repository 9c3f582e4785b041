// Roles in an organization and what each may do: the one permission table of Kvitka.
// Later modules add their actions here.
#pragma once

#include <optional>
#include <string_view>

namespace kvitka::identity {

enum class Role { kOwner, kAdmin, kManager, kMaster };

std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);

enum class Action {
  kViewUsers,
  kManageUsers,
  kViewBranches,
  kManageBranches,
  kViewAudit,
  // clients
  kViewClients,
  kSeeClientContacts,  // phones, email, last and middle names
  kManageClients,
  kImportExportClients,
  kEraseClients,
  // catalog and staff
  kViewCatalog,
  kManageCatalog,
  kViewStaff,
  kSeeStaffContacts,
  kManageStaff,
  // journal
  kViewJournal,
  kBook,                 // book, move, cancel; group classes and the waitlist
  kMarkVisit,            // a client arrived, the visit is completed, what was done
  kManageOnlineBooking,  // a branch's rules for its public booking page
  // messaging
  kManageMessaging,  // channel settings (with their secrets) and message templates
  // tasks
  kManageTasks,  // every task of the organization (a master sees and completes only their own)
};

// The role -> allowed actions table.
bool Allows(Role role, Action action);

// Whether `actor` may give someone the role `target` (or change the role of someone who has
// it): owners any role, admins only admin and master.
bool CanAssign(Role actor, Role target);

}  // namespace kvitka::identity
