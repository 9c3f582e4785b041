#include "identity/app/identity_fixture.h"

namespace kvitka::identity {
namespace {

class AuthServiceTest : public IdentityFixture {};

TEST_P(AuthServiceTest, SignupCreatesOrganizationBranchAndOwner) {
  auto grant = SignUp("Owner@Example.com");
  EXPECT_EQ(grant.view.org.name, "Kvitka Demo");
  EXPECT_EQ(grant.view.org.country, "UA");
  EXPECT_EQ(grant.view.me.user.email, "owner@example.com");
  EXPECT_EQ(grant.view.me.membership.role, Role::kOwner);
  ASSERT_EQ(grant.view.branches.size(), 1u);
  EXPECT_EQ(grant.view.branches[0].timezone, "Europe/Kyiv");
  EXPECT_EQ(grant.view.branches[0].slug, "podil");
  EXPECT_FALSE(grant.token.empty());
  EXPECT_FALSE(grant.view.csrf_token.empty());
}

TEST_P(AuthServiceTest, SignupRefusesTakenEmailAndBadFields) {
  SignUp("owner@example.com");
  SignupInput again{"Other", "Other", "Europe/Kyiv", "UAH", "X", "OWNER@example.com", "12345678"};
  auto taken = auth_.Signup(again, "ip");
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kEmailTaken);

  SignupInput bad{"Other", "Other", "Mars/Base", "XYZ", "X", "nope", "short"};
  auto invalid = auth_.Signup(bad, "ip");
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kValidation);
  EXPECT_EQ(invalid.error().fields.size(), 4u);
}

TEST_P(AuthServiceTest, SecondBranchWithTheSameNameGetsItsOwnSlug) {
  auto first = SignUp("a@example.com", "A");
  auto second = SignUp("b@example.com", "B");
  EXPECT_EQ(first.view.branches[0].slug, "podil");
  EXPECT_EQ(second.view.branches[0].slug, "podil-2");
}

TEST_P(AuthServiceTest, LoginAuthenticateLogout) {
  SignUp("owner@example.com");
  auto grant = auth_.Login("owner@example.com", "kvitka-demo", "10.0.0.1");
  ASSERT_TRUE(grant.ok());
  auto principal = auth_.Authenticate(grant->token);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->role, Role::kOwner);
  EXPECT_EQ(principal->csrf_token, grant->view.csrf_token);

  Actor actor{principal->user_id, principal->org_id, principal->role, principal->session_id, "ip"};
  auth_.Logout(actor);
  EXPECT_FALSE(auth_.Authenticate(grant->token));
}

TEST_P(AuthServiceTest, SessionsExpire) {
  auto grant = SignUp("owner@example.com");
  EXPECT_TRUE(auth_.Authenticate(grant.token));
  clock_.Advance(auth_.settings().session_ttl_seconds + 1);
  EXPECT_FALSE(auth_.Authenticate(grant.token));
}

TEST_P(AuthServiceTest, WrongPasswordAndUnknownEmailLookTheSame) {
  SignUp("owner@example.com");
  auto wrong = auth_.Login("owner@example.com", "wrong-password", "10.0.0.2");
  auto unknown = auth_.Login("nobody@example.com", "kvitka-demo", "10.0.0.3");
  ASSERT_FALSE(wrong.ok());
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kInvalidCredentials);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidCredentials);
}

TEST_P(AuthServiceTest, TooManyFailuresAreThrottledPerAccount) {
  SignUp("owner@example.com");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(auth_.Login("owner@example.com", "bad", "10.0.0." + std::to_string(i)).error().code,
              ErrorCode::kInvalidCredentials);
  }
  auto blocked = auth_.Login("owner@example.com", "kvitka-demo", "10.0.0.99");
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::kRateLimited);
  EXPECT_GT(blocked.error().retry_after_seconds, 0);
  clock_.Advance(15 * 60);
  EXPECT_TRUE(auth_.Login("owner@example.com", "kvitka-demo", "10.0.0.99").ok());
}

TEST_P(AuthServiceTest, ProfileUpdateIsAudited) {
  auto grant = SignUp("owner@example.com");
  auto view = auth_.UpdateProfile(ActorOf(grant), {"Ольга", "en"}, grant.view.csrf_token);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->me.user.name, "Ольга");
  EXPECT_EQ(view->me.user.locale, "en");
  auto audit = team_.Audit(ActorOf(grant), {});
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->front().action, "user.update_profile");
  EXPECT_NE(audit->front().before_json.find("Olha"), std::string::npos);
  EXPECT_NE(audit->front().after_json.find("Ольга"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Dialects, AuthServiceTest, ::testing::ValuesIn(db::TestDialects()),
                         db::DialectName);

}  // namespace
}  // namespace kvitka::identity
