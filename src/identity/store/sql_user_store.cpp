#include "identity/store/sql_user_store.h"

#include "platform/db/session.h"

namespace kvitka::identity {

using soci::into;
using soci::use;

std::optional<Id> SqlUserStore::InsertUser(db::Session& s, const User& u) {
  Id id = 0;
  soci::statement st =
      (s.sql().prepare << "INSERT INTO users (email, name, password_hash, locale, created_at) "
                          "VALUES (:email, :name, :hash, :locale, :at) "
                          "ON CONFLICT (email) DO NOTHING RETURNING id",
       use(u.email), use(u.name), use(u.password_hash), use(u.locale), use(u.created_at), into(id));
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return id;
}

void SqlUserStore::UpdateUser(db::Session& s, const User& u) {
  s.sql() << "UPDATE users SET name = :name, password_hash = :hash, locale = :locale "
             "WHERE id = :id",
      use(u.name), use(u.password_hash), use(u.locale), use(u.id);
}

namespace {

constexpr const char* kUserColumns =
    "SELECT id, email, name, password_hash, locale, created_at FROM users ";

std::optional<User> QueryUser(db::Session& s, const std::string& where, const auto& key) {
  User u;
  soci::statement st =
      (s.sql().prepare << std::string(kUserColumns) + where, use(key), into(u.id), into(u.email),
       into(u.name), into(u.password_hash), into(u.locale), into(u.created_at));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return u;
}

}  // namespace

std::optional<User> SqlUserStore::FindUser(db::Session& s, Id user_id) {
  return QueryUser(s, "WHERE id = :id", user_id);
}

std::optional<User> SqlUserStore::FindUserByEmail(db::Session& s, const std::string& email) {
  return QueryUser(s, "WHERE email = :email", email);
}

void SqlUserStore::InsertMembership(db::Session& s, const Membership& m) {
  const std::string role(RoleName(m.role));
  const int active = m.active ? 1 : 0;
  s.sql() << "INSERT INTO memberships (org_id, user_id, role, active, created_at) "
             "VALUES (:org, :user, :role, :active, :at)",
      use(m.org_id), use(m.user_id), use(role), use(active), use(m.created_at);
}

void SqlUserStore::UpdateMembership(db::Session& s, const Membership& m) {
  const std::string role(RoleName(m.role));
  const int active = m.active ? 1 : 0;
  s.sql() << "UPDATE memberships SET role = :role, active = :active "
             "WHERE org_id = :org AND user_id = :user",
      use(role), use(active), use(m.org_id), use(m.user_id);
}

namespace {

constexpr const char* kMemberColumns =
    "SELECT u.id, u.email, u.name, u.password_hash, u.locale, u.created_at, m.org_id, m.role, "
    "m.active, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id ";

struct MemberRow {
  Member member;
  std::string role;
  int active = 0;

  void Bind(soci::statement& st) {
    st.exchange(into(member.user.id));
    st.exchange(into(member.user.email));
    st.exchange(into(member.user.name));
    st.exchange(into(member.user.password_hash));
    st.exchange(into(member.user.locale));
    st.exchange(into(member.user.created_at));
    st.exchange(into(member.membership.org_id));
    st.exchange(into(role));
    st.exchange(into(active));
    st.exchange(into(member.membership.created_at));
  }
  Member Get() const {
    Member m = member;
    m.membership.user_id = m.user.id;
    m.membership.role = ParseRole(role).value_or(Role::kMaster);
    m.membership.active = active != 0;
    return m;
  }
};

}  // namespace

std::optional<Member> SqlUserStore::FindMember(db::Session& s, Id org_id, Id user_id) {
  MemberRow row;
  soci::statement st(s.sql());
  row.Bind(st);
  st.exchange(use(org_id));
  st.exchange(use(user_id));
  st.alloc();
  st.prepare(std::string(kMemberColumns) + "WHERE m.org_id = :org AND m.user_id = :user");
  st.define_and_bind();
  st.execute();
  if (!st.fetch()) return std::nullopt;
  return row.Get();
}

std::vector<Member> SqlUserStore::ListMembers(db::Session& s, Id org_id, Id after_user_id,
                                              int limit) {
  MemberRow row;
  soci::statement st(s.sql());
  row.Bind(st);
  st.exchange(use(org_id));
  st.exchange(use(after_user_id));
  st.exchange(use(limit));
  st.alloc();
  st.prepare(std::string(kMemberColumns) +
             "WHERE m.org_id = :org AND m.user_id > :after ORDER BY m.user_id LIMIT :limit");
  st.define_and_bind();
  st.execute();
  std::vector<Member> out;
  while (st.fetch()) out.push_back(row.Get());
  return out;
}

std::vector<Membership> SqlUserStore::ActiveMembershipsOf(db::Session& s, Id user_id) {
  Membership m;
  std::string role;
  soci::statement st =
      (s.sql().prepare << "SELECT org_id, role, created_at FROM memberships "
                          "WHERE user_id = :user AND active = 1 ORDER BY created_at, org_id",
       use(user_id), into(m.org_id), into(role), into(m.created_at));
  st.execute();
  std::vector<Membership> out;
  while (st.fetch()) {
    m.user_id = user_id;
    m.role = ParseRole(role).value_or(Role::kMaster);
    m.active = true;
    out.push_back(m);
  }
  return out;
}

int SqlUserStore::CountActiveOwners(db::Session& s, Id org_id) {
  int count = 0;
  s.sql() << "SELECT COUNT(*) FROM memberships WHERE org_id = :org AND role = 'owner' "
             "AND active = 1",
      use(org_id), into(count);
  return count;
}

Id SqlUserStore::InsertInvitation(db::Session& s, const Invitation& i) {
  Id id = 0;
  s.sql() << "INSERT INTO invitations (org_id, user_id, token_hash, created_at, expires_at) "
             "VALUES (:org, :user, :hash, :created, :expires) RETURNING id",
      use(i.org_id), use(i.user_id), use(i.token_hash), use(i.created_at), use(i.expires_at),
      into(id);
  return id;
}

std::optional<Invitation> SqlUserStore::FindInvitation(db::Session& s,
                                                       const std::string& token_hash) {
  Invitation i;
  EpochSeconds used_at = 0;
  soci::indicator used_ind = soci::i_null;
  soci::statement st =
      (s.sql().prepare << "SELECT id, org_id, user_id, token_hash, expires_at, used_at "
                          "FROM invitations WHERE token_hash = :hash",
       use(token_hash), into(i.id), into(i.org_id), into(i.user_id), into(i.token_hash),
       into(i.expires_at), into(used_at, used_ind));
  st.execute();
  if (!st.fetch()) return std::nullopt;
  i.used_at = db::Optional(used_at, used_ind);
  return i;
}

void SqlUserStore::MarkInvitationUsed(db::Session& s, Id invitation_id, EpochSeconds at) {
  s.sql() << "UPDATE invitations SET used_at = :at WHERE id = :id", use(at), use(invitation_id);
}

}  // namespace kvitka::identity
