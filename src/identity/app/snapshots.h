// What the audit log keeps of identity records (never secrets).
#pragma once

#include "identity/app/audit_trail.h"
#include "identity/domain/identity.h"

namespace kvitka::identity {

inline Snapshot MemberSnapshot(const Member& m) {
  return {{"name", m.user.name},
          {"email", m.user.email},
          {"role", RoleName(m.membership.role)},
          {"active", m.membership.active},
          {"locale", m.user.locale}};
}

inline Snapshot BranchSnapshot(const Branch& b) {
  return {{"name", b.name},
          {"slug", b.slug},
          {"address", b.address},
          {"timezone", b.timezone},
          {"currency", b.currency}};
}

inline Snapshot OrganizationSnapshot(const Organization& o) {
  return {{"name", o.name}, {"country", o.country}, {"currency", o.currency}};
}

}  // namespace kvitka::identity
