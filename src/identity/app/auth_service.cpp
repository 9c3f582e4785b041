#include "identity/app/auth_service.h"

#include "core/secret.h"
#include "core/text.h"
#include "core/time.h"
#include "identity/app/snapshots.h"
#include "identity/domain/validation.h"

namespace kvitka::identity {

AuthService::AuthService(db::Database& db, OrganizationStore& orgs, UserStore& users,
                         SessionStore& sessions, AuditTrail& audit, const Clock& clock,
                         AuthSettings settings)
    : db_(db),
      orgs_(orgs),
      users_(users),
      sessions_(sessions),
      audit_(audit),
      clock_(clock),
      settings_(settings),
      account_throttle_(settings.max_failures_per_account, settings.failure_window_seconds),
      ip_throttle_(settings.max_failures_per_ip, settings.failure_window_seconds) {}

SessionGrant AuthService::OpenSession(db::Session& s, const Member& member, const std::string& ip) {
  SessionRecord record;
  record.org_id = member.membership.org_id;
  record.user_id = member.user.id;
  const std::string token = RandomToken(32);
  record.token_hash = HashToken(token);
  record.csrf_token = RandomToken(24);
  record.created_at = clock_.Now();
  record.expires_at = record.created_at + settings_.session_ttl_seconds;
  record.ip = ip;
  record.id = sessions_.InsertSession(s, record);
  return SessionGrant{token, record.expires_at, View(s, member, record.csrf_token)};
}

SessionView AuthService::View(db::Session& s, const Member& member, std::string csrf_token) {
  SessionView view;
  view.me = member;
  view.org = orgs_.FindOrganization(s, member.membership.org_id).value_or(Organization{});
  view.branches = orgs_.ListBranches(s, member.membership.org_id);
  view.csrf_token = std::move(csrf_token);
  return view;
}

std::string AuthService::UniqueSlug(db::Session& s, const std::string& wanted) {
  std::string base = wanted.empty() ? "salon" : wanted;
  if (base.size() > 56) base.resize(56);
  while (!base.empty() && base.back() == '-') base.pop_back();
  std::string slug = base;
  for (int n = 2; orgs_.SlugTaken(s, slug, 0); ++n) slug = base + "-" + std::to_string(n);
  return slug;
}

Result<SessionGrant, Error> AuthService::Signup(const SignupInput& input, const std::string& ip) {
  auto errors = CheckSignup(input.email, input.timezone, input.currency, input.password);
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const auto email = NormalizeEmail(input.email);
  const auto zone = CanonicalTimeZone(input.timezone);

  // Hash outside the transaction: argon2id takes a while and must not hold the write lock.
  const std::string password_hash = HashPassword(input.password);
  const EpochSeconds now = clock_.Now();
  return db_.Write([&](db::Session& s) -> Result<SessionGrant, Error> {
    if (users_.FindUserByEmail(s, *email)) return Fail(Error(ErrorCode::kEmailTaken));
    Organization org{0, input.org_name, RegionOfTimeZone(*zone), input.currency, now};
    org.id = orgs_.InsertOrganization(s, org);

    Branch branch{0,  org.id, input.branch_name, UniqueSlug(s, Slugify(input.branch_name)),
                  "", *zone,  input.currency,    now};
    auto branch_id = orgs_.InsertBranch(s, branch);
    if (!branch_id) return Fail(Error(ErrorCode::kSlugTaken));
    branch.id = *branch_id;

    User user{0,
              *email,
              input.name,
              password_hash,
              IsSupportedLocale(input.locale) ? input.locale : "uk",
              now};
    auto user_id = users_.InsertUser(s, user);
    if (!user_id) return Fail(Error(ErrorCode::kEmailTaken));
    user.id = *user_id;
    Membership membership{org.id, user.id, Role::kOwner, true, now};
    users_.InsertMembership(s, membership);
    const Member member{user, membership};

    Actor actor{user.id, org.id, Role::kOwner, 0, ip};
    audit_.Record(s, actor, "organization.create", "organization", org.id, nullptr,
                  OrganizationSnapshot(org));
    audit_.Record(s, actor, "branch.create", "branch", branch.id, nullptr, BranchSnapshot(branch));
    audit_.Record(s, actor, "user.create", "user", user.id, nullptr, MemberSnapshot(member));
    return OpenSession(s, member, ip);
  });
}

Result<SessionGrant, Error> AuthService::Login(const std::string& raw_email,
                                               const std::string& password, const std::string& ip) {
  const std::string email = NormalizeEmail(raw_email).value_or(Trim(raw_email));
  const EpochSeconds now = clock_.Now();
  const std::string account_key = "account:" + email;
  const std::string ip_key = "ip:" + ip;
  {
    std::lock_guard lock(throttle_mutex_);
    const auto wait = std::max(account_throttle_.RetryAfter(account_key, now),
                               ip_throttle_.RetryAfter(ip_key, now));
    if (wait > 0) {
      Error error(ErrorCode::kRateLimited);
      error.retry_after_seconds = static_cast<long>(wait);
      return Fail(error);
    }
  }
  auto found = db_.Read([&](db::Session& s) -> std::optional<Member> {
    auto user = users_.FindUserByEmail(s, email);
    if (!user) return std::nullopt;
    auto memberships = users_.ActiveMembershipsOf(s, user->id);
    if (memberships.empty()) return Member{*user, Membership{0, user->id, Role::kMaster, false, 0}};
    return Member{*user, memberships.front()};
  });
  // Spend the same time whether or not the account exists.
  const bool verified = found && !found->user.password_hash.empty()
                            ? VerifyPassword(found->user.password_hash, password)
                            : (VerifyPassword(DummyPasswordHash(), password), false);
  if (!verified || !found->membership.active) {
    std::lock_guard lock(throttle_mutex_);
    account_throttle_.Record(account_key, now);
    ip_throttle_.Record(ip_key, now);
    return Fail(Error(ErrorCode::kInvalidCredentials));
  }
  {
    std::lock_guard lock(throttle_mutex_);
    account_throttle_.Forget(account_key);
  }
  return db_.Write([&](db::Session& s) -> Result<SessionGrant, Error> {
    Actor actor{found->user.id, found->membership.org_id, found->membership.role, 0, ip};
    audit_.Record(s, actor, "user.login", "user", found->user.id, nullptr, nullptr);
    return OpenSession(s, *found, ip);
  });
}

Result<SessionGrant, Error> AuthService::AcceptInvitation(const std::string& token,
                                                          const std::string& password,
                                                          const std::string& ip) {
  FieldErrors errors;
  CheckPassword(password, "password", errors);
  if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
  const std::string password_hash = HashPassword(password);
  const EpochSeconds now = clock_.Now();
  return db_.Write([&](db::Session& s) -> Result<SessionGrant, Error> {
    auto invitation = users_.FindInvitation(s, HashToken(token));
    if (!invitation || invitation->used_at || invitation->expires_at <= now) {
      return Fail(Error(ErrorCode::kNotFound));
    }
    auto member = users_.FindMember(s, invitation->org_id, invitation->user_id);
    if (!member || !member->membership.active) return Fail(Error(ErrorCode::kNotFound));
    member->user.password_hash = password_hash;
    users_.UpdateUser(s, member->user);
    users_.MarkInvitationUsed(s, invitation->id, now);
    Actor actor{member->user.id, member->membership.org_id, member->membership.role, 0, ip};
    audit_.Record(s, actor, "user.accept_invitation", "user", member->user.id, nullptr, nullptr);
    return OpenSession(s, *member, ip);
  });
}

void AuthService::Logout(const Actor& actor) {
  db_.Write([&](db::Session& s) {
    sessions_.RevokeSession(s, actor.session_id, clock_.Now());
    audit_.Record(s, actor, "user.logout", "user", actor.user_id, nullptr, nullptr);
  });
}

std::optional<Principal> AuthService::Authenticate(const std::string& token) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  return db_.Read([&](db::Session& s) -> std::optional<Principal> {
    auto session = sessions_.FindLiveSession(s, HashToken(token), clock_.Now());
    if (!session) return std::nullopt;
    auto member = users_.FindMember(s, session->org_id, session->user_id);
    if (!member || !member->membership.active) return std::nullopt;
    return Principal{member->user.id, session->org_id, session->id, member->membership.role,
                     session->csrf_token};
  });
}

Result<SessionView, Error> AuthService::Me(const Actor& actor, const std::string& csrf_token) {
  return db_.Read([&](db::Session& s) -> Result<SessionView, Error> {
    auto member = users_.FindMember(s, actor.org_id, actor.user_id);
    if (!member) return Fail(Error(ErrorCode::kUnauthorized));
    return View(s, *member, csrf_token);
  });
}

Result<SessionView, Error> AuthService::UpdateProfile(const Actor& actor, const ProfilePatch& patch,
                                                      const std::string& csrf_token) {
  if (patch.locale && !IsSupportedLocale(*patch.locale)) {
    return Fail(Error(ErrorCode::kValidation, {{"locale", "invalid_value"}}));
  }
  return db_.Write([&](db::Session& s) -> Result<SessionView, Error> {
    auto member = users_.FindMember(s, actor.org_id, actor.user_id);
    if (!member) return Fail(Error(ErrorCode::kUnauthorized));
    const auto before = MemberSnapshot(*member);
    if (patch.name) member->user.name = *patch.name;
    if (patch.locale) member->user.locale = *patch.locale;
    users_.UpdateUser(s, member->user);
    auto after = MemberSnapshot(*member);
    if (after != before) {
      audit_.Record(s, actor, "user.update_profile", "user", actor.user_id, before, after);
    }
    return View(s, *member, csrf_token);
  });
}

std::vector<Organization> AuthService::FindOrganizations(const std::string& id_or_name) {
  return db_.Read([&](db::Session& s) {
    auto found = orgs_.FindOrganizationsByName(s, id_or_name);
    if (found.empty() && !id_or_name.empty() &&
        id_or_name.find_first_not_of("0123456789") == std::string::npos && id_or_name.size() < 18) {
      if (auto org = orgs_.FindOrganization(s, std::stoll(id_or_name))) found.push_back(*org);
    }
    return found;
  });
}

}  // namespace kvitka::identity
