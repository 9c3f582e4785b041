// The organization's branches (salons): name, public slug, address, time zone, currency.
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

struct BranchInput {
  std::optional<std::string> name;
  std::optional<std::string> slug;
  std::optional<std::string> address;
  std::optional<std::string> timezone;
  std::optional<std::string> currency;
};

// What other modules need to know of an organization: where it is.
struct OrgProfile {
  std::string country;   // default region for phone numbers ("UA")
  std::string timezone;  // of its first branch, for civil dates
  std::string currency;
};

class OrgProfiles {
 public:
  virtual ~OrgProfiles() = default;
  virtual OrgProfile Of(Id org_id) = 0;
};

class BranchService final : public OrgProfiles {
 public:
  BranchService(db::Database& db, OrganizationStore& orgs, AuditTrail& audit, const Clock& clock)
      : db_(db), orgs_(orgs), audit_(audit), clock_(clock) {}

  Result<std::vector<Branch>, Error> List(const Actor& actor);
  Result<Branch, Error> Get(const Actor& actor, Id branch_id);
  Result<Branch, Error> Add(const Actor& actor, const BranchInput& input);
  Result<Branch, Error> Update(const Actor& actor, Id branch_id, const BranchInput& patch);
  OrgProfile Of(Id org_id) override;
  // For other modules: a branch of the organization (own read), and whether one exists inside
  // the caller's unit of work.
  std::optional<Branch> Find(Id org_id, Id branch_id);
  std::optional<Branch> FindBySlug(db::Session& s, const std::string& slug) {
    return orgs_.FindBranchBySlug(s, slug);
  }
  std::optional<Organization> OrganizationIn(db::Session& s, Id org_id) {
    return orgs_.FindOrganization(s, org_id);
  }
  std::vector<Branch> BranchesIn(db::Session& s, Id org_id) {
    return orgs_.ListBranches(s, org_id);
  }
  std::optional<Branch> FindIn(db::Session& s, Id org_id, Id branch_id) {
    return orgs_.FindBranch(s, org_id, branch_id);
  }
  bool Exists(db::Session& s, Id org_id, Id branch_id) {
    return orgs_.FindBranch(s, org_id, branch_id).has_value();
  }

 private:
  // Applies and validates the given fields onto `branch`.
  FieldErrors Apply(const BranchInput& input, Branch& branch);

  db::Database& db_;
  OrganizationStore& orgs_;
  AuditTrail& audit_;
  const Clock& clock_;
};

}  // namespace kvitka::identity
