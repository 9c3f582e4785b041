#include "identity/store/sql_organization_store.h"

#include "platform/db/session.h"

namespace kvitka::identity {

using soci::into;
using soci::use;

Id SqlOrganizationStore::InsertOrganization(db::Session& s, const Organization& org) {
  Id id = 0;
  s.sql() << "INSERT INTO organizations (name, country, currency, created_at) "
             "VALUES (:name, :country, :currency, :created_at) RETURNING id",
      use(org.name), use(org.country), use(org.currency), use(org.created_at), into(id);
  return id;
}

namespace {

constexpr const char* kOrgColumns =
    "SELECT id, name, country, currency, created_at FROM organizations ";

std::vector<Organization> QueryOrganizations(soci::statement& st, Organization& row) {
  std::vector<Organization> out;
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

}  // namespace

std::optional<Organization> SqlOrganizationStore::FindOrganization(db::Session& s, Id org_id) {
  Organization row;
  soci::statement st =
      (s.sql().prepare << std::string(kOrgColumns) + "WHERE id = :id AND archived_at IS NULL",
       use(org_id), into(row.id), into(row.name), into(row.country), into(row.currency),
       into(row.created_at));
  auto found = QueryOrganizations(st, row);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Organization> SqlOrganizationStore::FindOrganizationsByName(db::Session& s,
                                                                        const std::string& name) {
  Organization row;
  soci::statement st = (s.sql().prepare << std::string(kOrgColumns) +
                                               "WHERE name = :name AND archived_at IS NULL "
                                               "ORDER BY id",
                        use(name), into(row.id), into(row.name), into(row.country),
                        into(row.currency), into(row.created_at));
  return QueryOrganizations(st, row);
}

std::optional<Id> SqlOrganizationStore::InsertBranch(db::Session& s, const Branch& b) {
  Id id = 0;
  soci::statement st =
      (s.sql().prepare << "INSERT INTO branches (org_id, name, slug, address, timezone, currency, "
                          "created_at) VALUES (:org, :name, :slug, :address, :tz, :currency, :at) "
                          "ON CONFLICT (slug) DO NOTHING RETURNING id",
       use(b.org_id), use(b.name), use(b.slug), use(b.address), use(b.timezone), use(b.currency),
       use(b.created_at), into(id));
  st.execute(true);
  if (!st.got_data()) return std::nullopt;
  return id;
}

void SqlOrganizationStore::UpdateBranch(db::Session& s, const Branch& b) {
  s.sql() << "UPDATE branches SET name = :name, slug = :slug, address = :address, "
             "timezone = :tz, currency = :currency WHERE org_id = :org AND id = :id",
      use(b.name), use(b.slug), use(b.address), use(b.timezone), use(b.currency), use(b.org_id),
      use(b.id);
}

namespace {

constexpr const char* kBranchColumns =
    "SELECT id, org_id, name, slug, address, timezone, currency, created_at FROM branches ";

std::vector<Branch> QueryBranches(soci::statement& st, Branch& row) {
  std::vector<Branch> out;
  st.execute();
  while (st.fetch()) out.push_back(row);
  return out;
}

}  // namespace

std::optional<Branch> SqlOrganizationStore::FindBranch(db::Session& s, Id org_id, Id branch_id) {
  Branch row;
  soci::statement st =
      (s.sql().prepare << std::string(kBranchColumns) +
                              "WHERE org_id = :org AND id = :id AND archived_at IS NULL",
       use(org_id), use(branch_id), into(row.id), into(row.org_id), into(row.name), into(row.slug),
       into(row.address), into(row.timezone), into(row.currency), into(row.created_at));
  auto found = QueryBranches(st, row);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<Branch> SqlOrganizationStore::FindBranchBySlug(db::Session& s,
                                                             const std::string& slug) {
  Branch row;
  soci::statement st =
      (s.sql().prepare << std::string(kBranchColumns) +
                              "WHERE slug = :slug AND archived_at IS NULL",
       use(slug), into(row.id), into(row.org_id), into(row.name), into(row.slug), into(row.address),
       into(row.timezone), into(row.currency), into(row.created_at));
  auto found = QueryBranches(st, row);
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Branch> SqlOrganizationStore::ListBranches(db::Session& s, Id org_id) {
  Branch row;
  soci::statement st =
      (s.sql().prepare << std::string(kBranchColumns) +
                              "WHERE org_id = :org AND archived_at IS NULL ORDER BY id",
       use(org_id), into(row.id), into(row.org_id), into(row.name), into(row.slug),
       into(row.address), into(row.timezone), into(row.currency), into(row.created_at));
  return QueryBranches(st, row);
}

bool SqlOrganizationStore::SlugTaken(db::Session& s, const std::string& slug, Id except_branch_id) {
  int count = 0;
  s.sql() << "SELECT COUNT(*) FROM branches WHERE slug = :slug AND id <> :id", use(slug),
      use(except_branch_id), into(count);
  return count > 0;
}

}  // namespace kvitka::identity
