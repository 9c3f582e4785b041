#include "identity/app/user_service.h"

#include "core/secret.h"
#include "identity/app/authorize.h"
#include "identity/app/snapshots.h"
#include "identity/domain/validation.h"

namespace kvitka::identity {

Result<MemberPage, Error> UserService::List(const Actor& actor, std::optional<Id> after,
                                            int limit) {
  if (auto allowed = Authorize(actor, Action::kViewUsers); !allowed) return Fail(allowed.error());
  return db_.Read([&](db::Session& s) -> Result<MemberPage, Error> {
    MemberPage page;
    page.items = users_.ListMembers(s, actor.org_id, after.value_or(0), limit + 1);
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.resize(limit);
      page.next_after = page.items.back().user.id;
    }
    return page;
  });
}

Result<Member, Error> UserService::Get(const Actor& actor, Id user_id) {
  if (auto allowed = Authorize(actor, Action::kViewUsers); !allowed) return Fail(allowed.error());
  return db_.Read([&](db::Session& s) -> Result<Member, Error> {
    auto member = users_.FindMember(s, actor.org_id, user_id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    return *member;
  });
}

Result<AddedUser, Error> UserService::Add(const Actor& actor, const NewUser& input) {
  if (auto allowed = Authorize(actor, Action::kManageUsers); !allowed) return Fail(allowed.error());
  FieldErrors errors;
  const auto email = NormalizeEmail(input.email);
  if (!email) errors.push_back({"email", "invalid_email"});
  const auto role = ParseRole(input.role);
  if (!role) errors.push_back({"role", "invalid_role"});
  if (input.password) CheckPassword(*input.password, "password", errors);
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  if (!CanAssign(actor.role, *role)) return Fail(Error(ErrorCode::kForbidden));

  const std::string password_hash = input.password ? HashPassword(*input.password) : "";
  const EpochSeconds now = clock_.Now();
  return db_.Write([&](db::Session& s) -> Result<AddedUser, Error> {
    AddedUser added;
    auto existing = users_.FindUserByEmail(s, *email);
    if (existing) {
      if (users_.FindMember(s, actor.org_id, existing->id)) {
        return Fail(Error(ErrorCode::kEmailTaken));
      }
      // A person already known to Kvitka (another salon): their account and password stay
      // theirs; this organization only gets a membership.
      added.member.user = *existing;
    } else {
      User user{0, *email, input.name, password_hash, "uk", now};
      auto id = users_.InsertUser(s, user);
      if (!id) return Fail(Error(ErrorCode::kEmailTaken));
      user.id = *id;
      added.member.user = user;
    }
    added.member.membership = Membership{actor.org_id, added.member.user.id, *role, true, now};
    users_.InsertMembership(s, added.member.membership);
    if (added.member.user.password_hash.empty()) {
      const std::string token = RandomToken(32);
      users_.InsertInvitation(s, Invitation{0, actor.org_id, added.member.user.id, HashToken(token),
                                            now, now + invitation_ttl_, std::nullopt});
      added.invitation_token = token;
    }
    audit_.Record(s, actor, "user.create", "user", added.member.user.id, nullptr,
                  MemberSnapshot(added.member));
    return added;
  });
}

Result<Member, Error> UserService::Update(const Actor& actor, Id user_id, const UserPatch& patch) {
  if (auto allowed = Authorize(actor, Action::kManageUsers); !allowed) return Fail(allowed.error());
  std::optional<Role> new_role;
  if (patch.role) {
    new_role = ParseRole(*patch.role);
    if (!new_role) return Fail(Error(ErrorCode::kValidation, {{"role", "invalid_role"}}));
  }
  return db_.Write([&](db::Session& s) -> Result<Member, Error> {
    auto member = users_.FindMember(s, actor.org_id, user_id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    if (!CanAssign(actor.role, member->membership.role)) return Fail(Error(ErrorCode::kForbidden));
    if (new_role && !CanAssign(actor.role, *new_role)) return Fail(Error(ErrorCode::kForbidden));

    const auto before = MemberSnapshot(*member);
    const bool was_active_owner =
        member->membership.active && member->membership.role == Role::kOwner;
    if (patch.name) member->user.name = *patch.name;
    if (new_role) member->membership.role = *new_role;
    if (patch.active) member->membership.active = *patch.active;
    const bool stays_active_owner =
        member->membership.active && member->membership.role == Role::kOwner;
    if (was_active_owner && !stays_active_owner && users_.CountActiveOwners(s, actor.org_id) <= 1) {
      Error error(ErrorCode::kConflict);
      error.detail = "the organization must keep at least one active owner";
      return Fail(error);
    }
    if (patch.name) users_.UpdateUser(s, member->user);
    users_.UpdateMembership(s, member->membership);
    if (!member->membership.active) {
      sessions_.RevokeSessionsOf(s, actor.org_id, user_id, clock_.Now());
    }
    const auto after = MemberSnapshot(*member);
    if (after != before) {
      const char* action =
          before["active"] == true && after["active"] == false
              ? "user.deactivate"
              : (before["role"] != after["role"] ? "user.change_role" : "user.update");
      audit_.Record(s, actor, action, "user", user_id, before, after);
    }
    return *member;
  });
}

Result<Member, Error> UserService::AddFromShell(Id org_id, const NewUser& input) {
  const Actor system = Actor::System(org_id);
  const auto email = NormalizeEmail(input.email);
  const auto role = ParseRole(input.role);
  FieldErrors errors;
  if (!email) errors.push_back({"email", "invalid_email"});
  if (!role) errors.push_back({"role", "invalid_role"});
  if (!input.password) errors.push_back({"password", "required"});
  if (input.password) CheckPassword(*input.password, "password", errors);
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const std::string password_hash = HashPassword(*input.password);
  auto recovered = db_.Write([&](db::Session& s) -> Result<Member, Error> {
    auto user = users_.FindUserByEmail(s, *email);
    if (!user) return Fail(Error(ErrorCode::kNotFound));
    auto member = users_.FindMember(s, org_id, user->id);
    if (!member) return Fail(Error(ErrorCode::kNotFound));
    if (member->membership.active && member->membership.role == Role::kOwner &&
        *role != Role::kOwner && users_.CountActiveOwners(s, org_id) <= 1) {
      Error error(ErrorCode::kConflict);
      error.detail = "the organization must keep at least one active owner";
      return Fail(error);
    }
    const auto before = MemberSnapshot(*member);
    member->user.password_hash = password_hash;
    member->membership.role = *role;
    member->membership.active = true;
    users_.UpdateUser(s, member->user);
    users_.UpdateMembership(s, member->membership);
    audit_.Record(s, system, "user.recover", "user", member->user.id, before,
                  MemberSnapshot(*member));
    return *member;
  });
  if (recovered || recovered.error().code != ErrorCode::kNotFound) return recovered;
  auto added = Add(system, input);
  if (!added) return Fail(added.error());
  return added->member;
}

Result<std::vector<AuditEntry>, Error> UserService::Audit(const Actor& actor,
                                                          const AuditFilter& filter) {
  if (auto allowed = Authorize(actor, Action::kViewAudit); !allowed) return Fail(allowed.error());
  return db_.Read([&](db::Session& s) -> Result<std::vector<AuditEntry>, Error> {
    return audit_.List(s, actor.org_id, filter);
  });
}

}  // namespace kvitka::identity
