#include "core/secret.h"

#include <gtest/gtest.h>

namespace kvitka {
namespace {

class SecretTest : public ::testing::Test {
 protected:
  void SetUp() override { InitSecrets(); }
};

TEST_F(SecretTest, TokensAreRandomAndUrlSafe) {
  const auto a = RandomToken(16);
  const auto b = RandomToken(16);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.size(), 22u);  // 128 bits in base64url without padding
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
}

TEST_F(SecretTest, TokenHashIsStableAndDoesNotContainTheToken) {
  const auto token = RandomToken();
  EXPECT_EQ(HashToken(token), HashToken(token));
  EXPECT_NE(HashToken(token), HashToken(token + "x"));
  EXPECT_EQ(HashToken(token).size(), 64u);
}

TEST_F(SecretTest, PasswordsVerifyOnlyWithTheRightPassword) {
  const auto hash = HashPassword("kvitka-demo");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(hash, "kvitka-demo"));
  EXPECT_FALSE(VerifyPassword(hash, "kvitka-demO"));
  EXPECT_FALSE(VerifyPassword("garbage", "kvitka-demo"));
}

TEST_F(SecretTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
}

}  // namespace
}  // namespace kvitka
