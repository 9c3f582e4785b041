#pragma once

#include "identity/app/stores.h"

namespace kvitka::identity {

class SqlUserStore final : public UserStore {
 public:
  std::optional<Id> InsertUser(db::Session& s, const User& user) override;
  void UpdateUser(db::Session& s, const User& user) override;
  std::optional<User> FindUser(db::Session& s, Id user_id) override;
  std::optional<User> FindUserByEmail(db::Session& s, const std::string& email) override;
  void InsertMembership(db::Session& s, const Membership& membership) override;
  void UpdateMembership(db::Session& s, const Membership& membership) override;
  std::optional<Member> FindMember(db::Session& s, Id org_id, Id user_id) override;
  std::vector<Member> ListMembers(db::Session& s, Id org_id, Id after_user_id, int limit) override;
  std::vector<Membership> ActiveMembershipsOf(db::Session& s, Id user_id) override;
  int CountActiveOwners(db::Session& s, Id org_id) override;
  Id InsertInvitation(db::Session& s, const Invitation& invitation) override;
  std::optional<Invitation> FindInvitation(db::Session& s, const std::string& token_hash) override;
  void MarkInvitationUsed(db::Session& s, Id invitation_id, EpochSeconds at) override;
};

}  // namespace kvitka::identity
