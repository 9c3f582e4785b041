// The identity module's records: organizations (tenants), branches, users, memberships,
// sessions, invitations and audit entries.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/id.h"
#include "identity/domain/role.h"

namespace kvitka::identity {

struct Organization {
  Id id = 0;
  std::string name;
  std::string country;   // ISO 3166 alpha-2, default region for phone numbers
  std::string currency;  // ISO 4217
  EpochSeconds created_at = 0;
};

struct Branch {
  Id id = 0;
  Id org_id = 0;
  std::string name;
  std::string slug;  // unique across Kvitka: the public booking link /b/{slug}
  std::string address;
  std::string timezone;  // canonical IANA name
  std::string currency;
  EpochSeconds created_at = 0;
};

struct User {
  Id id = 0;
  std::string email;  // normalized
  std::string name;
  std::string password_hash;  // empty until an invitation is accepted
  std::string locale = "uk";
  EpochSeconds created_at = 0;
};

// A user's place in an organization.
struct Membership {
  Id org_id = 0;
  Id user_id = 0;
  Role role = Role::kMaster;
  bool active = true;
  EpochSeconds created_at = 0;
};

// A user as seen inside one organization.
struct Member {
  User user;
  Membership membership;
};

struct SessionRecord {
  Id id = 0;
  Id org_id = 0;
  Id user_id = 0;
  std::string token_hash;
  std::string csrf_token;
  EpochSeconds created_at = 0;
  EpochSeconds expires_at = 0;
  std::string ip;
};

struct Invitation {
  Id id = 0;
  Id org_id = 0;
  Id user_id = 0;
  std::string token_hash;
  EpochSeconds created_at = 0;
  EpochSeconds expires_at = 0;
  std::optional<EpochSeconds> used_at;
};

struct AuditEntry {
  Id id = 0;
  Id org_id = 0;
  std::optional<Id> actor_id;
  std::string actor_name;  // filled when listing
  std::string action;      // "user.create"
  std::string entity;      // "user"
  std::optional<Id> entity_id;
  std::string before_json;  // empty when none
  std::string after_json;
  std::string ip;
  EpochSeconds at = 0;
};

}  // namespace kvitka::identity
