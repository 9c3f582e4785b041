#pragma once

#include "identity/app/stores.h"

namespace kvitka::identity {

class SqlOrganizationStore final : public OrganizationStore {
 public:
  Id InsertOrganization(db::Session& s, const Organization& org) override;
  std::optional<Organization> FindOrganization(db::Session& s, Id org_id) override;
  std::vector<Organization> FindOrganizationsByName(db::Session& s,
                                                    const std::string& name) override;
  std::optional<Id> InsertBranch(db::Session& s, const Branch& branch) override;
  void UpdateBranch(db::Session& s, const Branch& branch) override;
  std::optional<Branch> FindBranch(db::Session& s, Id org_id, Id branch_id) override;
  std::vector<Branch> ListBranches(db::Session& s, Id org_id) override;
  std::optional<Branch> FindBranchBySlug(db::Session& s, const std::string& slug) override;
  bool SlugTaken(db::Session& s, const std::string& slug, Id except_branch_id) override;
};

}  // namespace kvitka::identity
