// Signing up, signing in and out, sessions, invitations and the signed-in user's own profile.
#pragma once

#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/attempt_limit.h"
#include "core/clock.h"
#include "core/result.h"
#include "identity/app/actor.h"
#include "identity/app/audit_trail.h"
#include "identity/app/stores.h"
#include "identity/domain/error.h"
#include "platform/db/database.h"

namespace kvitka::identity {

struct AuthSettings {
  EpochSeconds session_ttl_seconds = 30L * 24 * 3600;
  EpochSeconds invitation_ttl_seconds = 7L * 24 * 3600;
  int max_failures_per_account = 5;
  int max_failures_per_ip = 20;
  EpochSeconds failure_window_seconds = 15L * 60;
};

struct SignupInput {
  std::string org_name;
  std::string branch_name;
  std::string timezone;
  std::string currency;
  std::string name;
  std::string email;
  std::string password;
  std::string locale = "uk";
};

// What a signed-in user sees of themselves.
struct SessionView {
  Member me;
  Organization org;
  std::vector<Branch> branches;
  std::string csrf_token;
};

struct SessionGrant {
  std::string token;  // goes into the cookie; only its hash is stored
  EpochSeconds expires_at = 0;
  SessionView view;
};

// The caller of a request, resolved from a session token.
struct Principal {
  Id user_id = 0;
  Id org_id = 0;
  Id session_id = 0;
  Role role = Role::kMaster;
  std::string csrf_token;
};

struct ProfilePatch {
  std::optional<std::string> name;
  std::optional<std::string> locale;
};

class AuthService {
 public:
  AuthService(db::Database& db, OrganizationStore& orgs, UserStore& users, SessionStore& sessions,
              AuditTrail& audit, const Clock& clock, AuthSettings settings = {});

  Result<SessionGrant, Error> Signup(const SignupInput& input, const std::string& ip);
  Result<SessionGrant, Error> Login(const std::string& email, const std::string& password,
                                    const std::string& ip);
  Result<SessionGrant, Error> AcceptInvitation(const std::string& token,
                                               const std::string& password, const std::string& ip);
  void Logout(const Actor& actor);
  std::optional<Principal> Authenticate(const std::string& token);
  Result<SessionView, Error> Me(const Actor& actor, const std::string& csrf_token);
  Result<SessionView, Error> UpdateProfile(const Actor& actor, const ProfilePatch& patch,
                                           const std::string& csrf_token);

  // Organizations matching a shell reference: a numeric id or an exact name.
  std::vector<Organization> FindOrganizations(const std::string& id_or_name);

  const AuthSettings& settings() const { return settings_; }

 private:
  // Creates a session inside the caller's unit of work.
  SessionGrant OpenSession(db::Session& s, const Member& member, const std::string& ip);
  SessionView View(db::Session& s, const Member& member, std::string csrf_token);
  std::string UniqueSlug(db::Session& s, const std::string& wanted);

  db::Database& db_;
  OrganizationStore& orgs_;
  UserStore& users_;
  SessionStore& sessions_;
  AuditTrail& audit_;
  const Clock& clock_;
  AuthSettings settings_;

  std::mutex throttle_mutex_;
  AttemptLimit account_throttle_;
  AttemptLimit ip_throttle_;
};

}  // namespace kvitka::identity
