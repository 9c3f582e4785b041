#include "identity/app/identity_fixture.h"

namespace kvitka::identity {
namespace {

class UserServiceTest : public IdentityFixture {};

TEST_P(UserServiceTest, OwnerAddsUsersWithPasswordOrInvitation) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto admin = team_.Add(owner, {"Admin", "admin@example.com", "admin", "password1"});
  ASSERT_TRUE(admin.ok());
  EXPECT_FALSE(admin->invitation_token);
  EXPECT_TRUE(auth_.Login("admin@example.com", "password1", "ip").ok());

  auto master = team_.Add(owner, {"Olena", "olena@example.com", "master", std::nullopt});
  ASSERT_TRUE(master.ok());
  ASSERT_TRUE(master->invitation_token);
  EXPECT_FALSE(auth_.Login("olena@example.com", "anything1", "ip2").ok());
  auto accepted = auth_.AcceptInvitation(*master->invitation_token, "new-password", "ip");
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->view.me.membership.role, Role::kMaster);
  EXPECT_TRUE(auth_.Login("olena@example.com", "new-password", "ip").ok());
  // An invitation works once.
  EXPECT_FALSE(auth_.AcceptInvitation(*master->invitation_token, "other-password", "ip").ok());
}

TEST_P(UserServiceTest, AdminsCannotCreateOwnersAndMastersCannotManage) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto admin_user = team_.Add(owner, {"Admin", "admin@example.com", "admin", "password1"});
  Actor admin{admin_user->member.user.id, owner.org_id, Role::kAdmin, 0, "ip"};
  auto refused = team_.Add(admin, {"X", "x@example.com", "owner", "password1"});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kForbidden);
  EXPECT_TRUE(team_.Add(admin, {"M", "m@example.com", "master", "password1"}).ok());

  Actor master{0, owner.org_id, Role::kMaster, 0, "ip"};
  EXPECT_EQ(team_.List(master, std::nullopt, 50).error().code, ErrorCode::kForbidden);
}

TEST_P(UserServiceTest, TheLastOwnerStays) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto demote = team_.Update(owner, owner.user_id, {std::nullopt, "admin", std::nullopt});
  ASSERT_FALSE(demote.ok());
  EXPECT_EQ(demote.error().code, ErrorCode::kConflict);
  auto second = team_.Add(owner, {"Second", "second@example.com", "owner", "password1"});
  EXPECT_TRUE(team_.Update(owner, owner.user_id, {std::nullopt, "admin", std::nullopt}).ok());
}

TEST_P(UserServiceTest, ShellRecoversAccessButKeepsTheLastOwner) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto demoted = team_.AddFromShell(owner.org_id, {"", "owner@example.com", "admin", "newpass12"});
  ASSERT_FALSE(demoted.ok());
  EXPECT_EQ(demoted.error().code, ErrorCode::kConflict);
  auto recovered =
      team_.AddFromShell(owner.org_id, {"", "owner@example.com", "owner", "newpass12"});
  ASSERT_TRUE(recovered.ok());
  EXPECT_TRUE(auth_.Login("owner@example.com", "newpass12", "ip").ok());
  auto added = team_.AddFromShell(owner.org_id, {"New", "new@example.com", "admin", "newpass12"});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->membership.role, Role::kAdmin);
}

TEST_P(UserServiceTest, DeactivationRevokesSessionsAndIsAudited) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto added = team_.Add(owner, {"Admin", "admin@example.com", "admin", "password1"});
  auto grant = auth_.Login("admin@example.com", "password1", "ip");
  ASSERT_TRUE(grant.ok());
  auto updated = team_.Update(owner, added->member.user.id, {std::nullopt, std::nullopt, false});
  ASSERT_TRUE(updated.ok());
  EXPECT_FALSE(updated->membership.active);
  EXPECT_FALSE(auth_.Authenticate(grant->token));
  EXPECT_FALSE(auth_.Login("admin@example.com", "password1", "ip").ok());
  auto audit = team_.Audit(
      owner, {.entity = "user", .entity_id = added->member.user.id, .before_id = std::nullopt});
  ASSERT_TRUE(audit.ok());
  ASSERT_GE(audit->size(), 2u);
  EXPECT_EQ(audit->front().action, "user.deactivate");
}

TEST_P(UserServiceTest, OrganizationsNeverSeeEachOther) {
  auto a = ActorOf(SignUp("a@example.com", "A"));
  auto b = ActorOf(SignUp("b@example.com", "B"));
  auto a_admin = team_.Add(a, {"Admin", "admin@a.com", "admin", "password1"});
  EXPECT_EQ(team_.Get(b, a_admin->member.user.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(
      team_.Update(b, a_admin->member.user.id, {"X", std::nullopt, std::nullopt}).error().code,
      ErrorCode::kNotFound);
  auto list = team_.List(b, std::nullopt, 50);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].user.email, "b@example.com");
  auto a_branch = branches_.List(a)->front();
  EXPECT_EQ(branches_.Get(b, a_branch.id).error().code, ErrorCode::kNotFound);
  auto audit = team_.Audit(b, {});
  ASSERT_TRUE(audit.ok());
  for (const auto& entry : audit.value()) EXPECT_EQ(entry.org_id, b.org_id);
}

TEST_P(UserServiceTest, ListsPageByCursor) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  for (int i = 0; i < 4; ++i) {
    ASSERT_TRUE(
        team_.Add(owner, {"M", "m" + std::to_string(i) + "@example.com", "master", std::nullopt})
            .ok());
  }
  auto first = team_.List(owner, std::nullopt, 3);
  ASSERT_EQ(first->items.size(), 3u);
  ASSERT_TRUE(first->next_after);
  auto second = team_.List(owner, first->next_after, 3);
  EXPECT_EQ(second->items.size(), 2u);
  EXPECT_FALSE(second->next_after);
}

TEST_P(UserServiceTest, BranchesValidateAndKeepSlugsUnique) {
  auto owner = ActorOf(SignUp("owner@example.com"));
  auto added = branches_.Add(
      owner, {"Оболонь", std::nullopt, "вул. Героїв, 1", "Europe/Kyiv", std::nullopt});
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->slug, "obolon");
  EXPECT_EQ(added->currency, "UAH");
  auto clash = branches_.Update(owner, added->id,
                                {std::nullopt, "podil", std::nullopt, std::nullopt, std::nullopt});
  EXPECT_EQ(clash.error().code, ErrorCode::kSlugTaken);
  auto bad = branches_.Update(
      owner, added->id, {std::nullopt, "Bad Slug", std::nullopt, "Nowhere/City", std::nullopt});
  EXPECT_EQ(bad.error().code, ErrorCode::kValidation);
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Dialects, UserServiceTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::identity
