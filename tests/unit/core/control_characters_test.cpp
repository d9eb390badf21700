// Control characters and bidirectional overrides are refused in email addresses and names.
#include <gtest/gtest.h>

#include <string>

#include "communities/community.h"
#include "control_cases.h"
#include "core/text.h"

namespace andel {
namespace {

using test_cases::Case;
using test_cases::kCharacters;

TEST(ControlCharacters, RefusedInEmailAddresses) {
  for (const Case& c : kCharacters) {
    SCOPED_TRACE(ToHex(c.character));
    const bool plausible = IsPlausibleEmail("mette" + c.character + "@example.dk");
    EXPECT_EQ(plausible, !c.unsafe);
    EXPECT_FALSE(IsPlausibleEmail("mette@example.dk" + c.character) && c.unsafe);
  }
  struct Address {
    std::string text;
    bool plausible;
  };
  const Address kAddresses[] = {{"mette@example.dk", true},
                                {"søren@eksempel.dk", true},
                                {"a b@example.dk", false},
                                {"a\t@example.dk", false},
                                {"a\r\nRCPT TO:<x@y.z>@example.dk", false},
                                {"\x1B[31mred@example.dk", false},
                                {"x@example.dk\x1B]0;title\x07", false},
                                {"\xE2\x80\xAEkd.elpmaxe@etteM", false},
                                {"<x@example.dk>", false},
                                {"x@example", false},
                                {"x@@example.dk", false}};
  for (const Address& a : kAddresses) {
    SCOPED_TRACE(ToHex(a.text));
    EXPECT_EQ(IsPlausibleEmail(a.text), a.plausible);
  }
}

TEST(ControlCharacters, RefusedInNames) {
  for (const Case& c : kCharacters) {
    SCOPED_TRACE(ToHex(c.character));
    Result<std::string> name = communities::ValidateName("Mette" + c.character + "Hansen", "name");
    EXPECT_EQ(name.has_value(), !c.unsafe);
    if (!name) {
      EXPECT_EQ(name.error().code, ErrorCode::kInvalidArgument);
      EXPECT_EQ(name.error().message, "a name cannot contain control characters");
      EXPECT_EQ(name.error().where, "name");
    }
  }
  // Surrounding white space is trimmed, as before; a community's name is checked the same way.
  EXPECT_EQ(*communities::ValidateName("  Åben Andel \n", "name"), "Åben Andel");
  communities::Community community;
  community.slug = "coop";
  community.name =
      "Coop \xE2\x80\xAE"
      "evil";
  EXPECT_EQ(communities::ValidateCommunity(community).error().where, "name");
}

}  // namespace
}  // namespace andel
