#include "core/result.h"

#include <gtest/gtest.h>

#include <string>

namespace kvitka {
namespace {

enum class Error { kNotFound };

Result<std::string, Error> Find(bool found) {
  if (!found) return Fail(Error::kNotFound);
  return std::string("Олена");
}

TEST(Result, HoldsValueOrError) {
  auto found = Find(true);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, "Олена");
  auto missing = Find(false);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(), Error::kNotFound);
}

}  // namespace
}  // namespace kvitka
