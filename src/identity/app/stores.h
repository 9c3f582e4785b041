// What the identity use cases need from storage. Implemented with SQL in identity/store.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "identity/domain/identity.h"

namespace kvitka::db {
class Session;
}

namespace kvitka::identity {

class OrganizationStore {
 public:
  virtual ~OrganizationStore() = default;
  virtual Id InsertOrganization(db::Session& s, const Organization& org) = 0;
  virtual std::optional<Organization> FindOrganization(db::Session& s, Id org_id) = 0;
  virtual std::vector<Organization> FindOrganizationsByName(db::Session& s,
                                                            const std::string& name) = 0;
  // nullopt when the slug is already taken (also under a race).
  virtual std::optional<Id> InsertBranch(db::Session& s, const Branch& branch) = 0;
  virtual void UpdateBranch(db::Session& s, const Branch& branch) = 0;
  virtual std::optional<Branch> FindBranch(db::Session& s, Id org_id, Id branch_id) = 0;
  virtual std::vector<Branch> ListBranches(db::Session& s, Id org_id) = 0;
  // A live branch by its public slug, in any organization (the booking page).
  virtual std::optional<Branch> FindBranchBySlug(db::Session& s, const std::string& slug) = 0;
  virtual bool SlugTaken(db::Session& s, const std::string& slug, Id except_branch_id) = 0;
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  // nullopt when the email is already taken (also under a race).
  virtual std::optional<Id> InsertUser(db::Session& s, const User& user) = 0;
  virtual void UpdateUser(db::Session& s, const User& user) = 0;
  virtual std::optional<User> FindUser(db::Session& s, Id user_id) = 0;
  virtual std::optional<User> FindUserByEmail(db::Session& s, const std::string& email) = 0;

  virtual void InsertMembership(db::Session& s, const Membership& membership) = 0;
  virtual void UpdateMembership(db::Session& s, const Membership& membership) = 0;
  virtual std::optional<Member> FindMember(db::Session& s, Id org_id, Id user_id) = 0;
  // Members ordered by user id, after `after_user_id`.
  virtual std::vector<Member> ListMembers(db::Session& s, Id org_id, Id after_user_id,
                                          int limit) = 0;
  // The active memberships of a user, oldest first.
  virtual std::vector<Membership> ActiveMembershipsOf(db::Session& s, Id user_id) = 0;
  virtual int CountActiveOwners(db::Session& s, Id org_id) = 0;

  virtual Id InsertInvitation(db::Session& s, const Invitation& invitation) = 0;
  virtual std::optional<Invitation> FindInvitation(db::Session& s,
                                                   const std::string& token_hash) = 0;
  virtual void MarkInvitationUsed(db::Session& s, Id invitation_id, EpochSeconds at) = 0;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  virtual Id InsertSession(db::Session& s, const SessionRecord& session) = 0;
  // A live session: not revoked, not expired at `now`.
  virtual std::optional<SessionRecord> FindLiveSession(db::Session& s,
                                                       const std::string& token_hash,
                                                       EpochSeconds now) = 0;
  virtual void RevokeSession(db::Session& s, Id session_id, EpochSeconds at) = 0;
  virtual void RevokeSessionsOf(db::Session& s, Id org_id, Id user_id, EpochSeconds at) = 0;
};

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<Id> entity_id;
  std::optional<Id> before_id;  // paging: entries older than this id
  int limit = 50;
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  virtual Id InsertAudit(db::Session& s, const AuditEntry& entry) = 0;
  // Replaces the before/after snapshots of an entity's entries (erasure of a person).
  virtual void RedactAudit(db::Session& s, Id org_id, const std::string& entity, Id entity_id) = 0;
  // Newest first.
  virtual std::vector<AuditEntry> ListAudit(db::Session& s, Id org_id,
                                            const AuditFilter& filter) = 0;
};

}  // namespace kvitka::identity
