// The organization's team: adding users with a role (or an invitation), changing roles,
// deactivating; and the audit log, which owners and managers read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/stores.h"
#include "identity/domain/error.h"
#include "platform/db/database.h"

namespace kvitka::identity {

struct NewUser {
  std::string name;
  std::string email;
  std::string role;
  std::optional<std::string> password;  // without one, an invitation is issued
};

struct AddedUser {
  Member member;
  std::optional<std::string> invitation_token;
};

struct UserPatch {
  std::optional<std::string> name;
  std::optional<std::string> role;
  std::optional<bool> active;
};

struct MemberPage {
  std::vector<Member> items;
  std::optional<Id> next_after;
};

class UserService {
 public:
  UserService(db::Database& db, UserStore& users, SessionStore& sessions, AuditTrail& audit,
              const Clock& clock, EpochSeconds invitation_ttl_seconds)
      : db_(db),
        users_(users),
        sessions_(sessions),
        audit_(audit),
        clock_(clock),
        invitation_ttl_(invitation_ttl_seconds) {}

  Result<MemberPage, Error> List(const Actor& actor, std::optional<Id> after, int limit);
  Result<Member, Error> Get(const Actor& actor, Id user_id);
  Result<AddedUser, Error> Add(const Actor& actor, const NewUser& input);
  Result<Member, Error> Update(const Actor& actor, Id user_id, const UserPatch& patch);

  // Recovering access from the shell: adds the user, or for an existing member sets the
  // password and role and reactivates them. Audited with no actor.
  Result<Member, Error> AddFromShell(Id org_id, const NewUser& input);

  // For other modules, inside their unit of work: an active member of the organization.
  bool IsActiveMember(db::Session& s, Id org_id, Id user_id) {
    auto member = users_.FindMember(s, org_id, user_id);
    return member && member->membership.active;
  }

  Result<std::vector<AuditEntry>, Error> Audit(const Actor& actor, const AuditFilter& filter);

 private:
  db::Database& db_;
  UserStore& users_;
  SessionStore& sessions_;
  AuditTrail& audit_;
  const Clock& clock_;
  EpochSeconds invitation_ttl_;
};

}  // namespace kvitka::identity
