#include "identity/app/branch_service.h"

#include "core/money.h"
#include "core/text.h"
#include "core/time.h"
#include "identity/app/authorize.h"
#include "identity/app/snapshots.h"
#include "identity/domain/validation.h"

namespace kvitka::identity {

Result<std::vector<Branch>, Error> BranchService::List(const Actor& actor) {
  if (auto allowed = Authorize(actor, Action::kViewBranches); !allowed) {
    return Fail(allowed.error());
  }
  return db_.Read([&](db::Session& s) -> Result<std::vector<Branch>, Error> {
    return orgs_.ListBranches(s, actor.org_id);
  });
}

Result<Branch, Error> BranchService::Get(const Actor& actor, Id branch_id) {
  if (auto allowed = Authorize(actor, Action::kViewBranches); !allowed) {
    return Fail(allowed.error());
  }
  return db_.Read([&](db::Session& s) -> Result<Branch, Error> {
    auto branch = orgs_.FindBranch(s, actor.org_id, branch_id);
    if (!branch) return Fail(Error(ErrorCode::kNotFound));
    return *branch;
  });
}

std::optional<Branch> BranchService::Find(Id org_id, Id branch_id) {
  return db_.Read([&](db::Session& s) { return orgs_.FindBranch(s, org_id, branch_id); });
}

OrgProfile BranchService::Of(Id org_id) {
  return db_.Read([&](db::Session& s) {
    OrgProfile profile{"UA", "Europe/Kyiv", "UAH"};
    if (auto org = orgs_.FindOrganization(s, org_id)) {
      if (!org->country.empty()) profile.country = org->country;
      profile.currency = org->currency;
    }
    auto branches = orgs_.ListBranches(s, org_id);
    if (!branches.empty()) profile.timezone = branches.front().timezone;
    return profile;
  });
}

FieldErrors BranchService::Apply(const BranchInput& input, Branch& branch) {
  FieldErrors errors;
  if (input.name) branch.name = *input.name;
  if (input.address) branch.address = *input.address;
  if (input.slug) {
    if (IsValidSlug(*input.slug)) {
      branch.slug = *input.slug;
    } else {
      errors.push_back({"slug", "invalid_slug"});
    }
  }
  if (input.timezone) {
    if (auto zone = CanonicalTimeZone(*input.timezone)) {
      branch.timezone = *zone;
    } else {
      errors.push_back({"timezone", "invalid_timezone"});
    }
  }
  if (input.currency) {
    if (IsKnownCurrency(*input.currency)) {
      branch.currency = *input.currency;
    } else {
      errors.push_back({"currency", "invalid_currency"});
    }
  }
  return errors;
}

Result<Branch, Error> BranchService::Add(const Actor& actor, const BranchInput& input) {
  if (auto allowed = Authorize(actor, Action::kManageBranches); !allowed) {
    return Fail(allowed.error());
  }
  return db_.Write([&](db::Session& s) -> Result<Branch, Error> {
    auto org = orgs_.FindOrganization(s, actor.org_id);
    if (!org) return Fail(Error(ErrorCode::kNotFound));
    Branch branch;
    branch.org_id = actor.org_id;
    branch.currency = org->currency;
    branch.created_at = clock_.Now();
    auto errors = Apply(input, branch);
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    if (!input.slug) {
      const std::string base = Slugify(branch.name).empty() ? "salon" : Slugify(branch.name);
      branch.slug = base;
      for (int n = 2; orgs_.SlugTaken(s, branch.slug, 0); ++n) {
        branch.slug = base + "-" + std::to_string(n);
      }
    } else if (orgs_.SlugTaken(s, branch.slug, 0)) {
      return Fail(Error(ErrorCode::kSlugTaken));
    }
    auto id = orgs_.InsertBranch(s, branch);
    if (!id) return Fail(Error(ErrorCode::kSlugTaken));
    branch.id = *id;
    audit_.Record(s, actor, "branch.create", "branch", branch.id, nullptr, BranchSnapshot(branch));
    return branch;
  });
}

Result<Branch, Error> BranchService::Update(const Actor& actor, Id branch_id,
                                            const BranchInput& patch) {
  if (auto allowed = Authorize(actor, Action::kManageBranches); !allowed) {
    return Fail(allowed.error());
  }
  return db_.Write([&](db::Session& s) -> Result<Branch, Error> {
    auto branch = orgs_.FindBranch(s, actor.org_id, branch_id);
    if (!branch) return Fail(Error(ErrorCode::kNotFound));
    const auto before = BranchSnapshot(*branch);
    auto errors = Apply(patch, *branch);
    if (!errors.empty()) return Fail(Error(ErrorCode::kValidation, errors));
    if (patch.slug && orgs_.SlugTaken(s, branch->slug, branch->id)) {
      return Fail(Error(ErrorCode::kSlugTaken));
    }
    orgs_.UpdateBranch(s, *branch);
    const auto after = BranchSnapshot(*branch);
    if (after != before) {
      audit_.Record(s, actor, "branch.update", "branch", branch->id, before, after);
    }
    return *branch;
  });
}

}  // namespace kvitka::identity
