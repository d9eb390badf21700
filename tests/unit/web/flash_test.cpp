// The flash cookie: what is sealed opens again only on its page, for its person, before it expires
// and under the server's secret; any change to the cookie makes it unreadable.
#include "web/flash.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <random>
#include <string>

namespace andel::web {
namespace {

TEST(Flash, OpensToWhatWasSealedOnlyWhereAndWhenItMay) {
  ASSERT_GE(sodium_init(), 0);
  std::mt19937 random(16);
  const std::string secret = "a server secret";
  for (int round = 0; round < 200; ++round) {
    FlashValues values;
    const int fields = static_cast<int>(random() % 4);
    for (int f = 0; f < fields; ++f) {
      std::string value(random() % 40, '\0');
      for (char& c : value) c = static_cast<char>(random() % 256);
      values["field" + std::to_string(f)] = value;
    }
    const int64_t now = 1790000000 + static_cast<int64_t>(random() % 1000);
    const std::string sealed = SealFlash(
        secret,
        {.path = "/c/x/proposals/3/vote", .person = 5, .until = now + 600, .values = values});
    const std::optional<FlashValues> opened =
        OpenFlash(secret, sealed, "/c/x/proposals/3/vote", 5, now + 600);
    ASSERT_TRUE(opened.has_value());
    EXPECT_EQ(*opened, values);
    EXPECT_FALSE(OpenFlash(secret, sealed, "/c/x/proposals/4/vote", 5, now));
    EXPECT_FALSE(OpenFlash(secret, sealed, "/c/x/proposals/3/vote", 6, now));
    EXPECT_FALSE(OpenFlash(secret, sealed, "/c/x/proposals/3/vote", 5, now + 601));
    EXPECT_FALSE(OpenFlash("another secret", sealed, "/c/x/proposals/3/vote", 5, now));
    std::string tampered = sealed;
    char& byte = tampered[random() % tampered.size()];
    byte = byte == 'A' ? 'B' : 'A';
    EXPECT_FALSE(OpenFlash(secret, tampered, "/c/x/proposals/3/vote", 5, now));
  }
}

}  // namespace
}  // namespace andel::web
