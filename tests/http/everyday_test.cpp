// HTTP tests of everyday use: forms answer with Post/Redirect/Get, a form shown again keeps what
// was typed and links its language switcher to the page the form lives on, and error pages carry
// their real status.
#include <gtest/gtest.h>

#include <string>

#include "http/decision_fixture.h"

namespace andel::testing {
namespace {

TEST_F(DecisionTest, AnAddressThatTakesOnlyPostAnswers405WithThatStatusOnThePage) {
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply reply = member.Get("/c/open-coop/admin/categories/1/delete");
  EXPECT_EQ(reply.status, 405);
  EXPECT_EQ(reply.Header("allow"), "POST");
  EXPECT_TRUE(Contains(reply.body, "405"));
  EXPECT_FALSE(Contains(reply.body, "400"));
}

TEST_F(DecisionTest, AFormShownAgainLinksItsLanguageSwitcherToTheFormsPage) {
  Decision(R"({"method":"schulze","options":["Alpha","Beta"],"closes_at":)" + Closes(3600) + "}");
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  HttpReply bad = member.PostForm(base, base + "/vote", "rank_1=9");
  ASSERT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "href=\"" + base + "?lang=da\""));
  EXPECT_FALSE(Contains(bad.body, "/vote?lang="));
  EXPECT_EQ(member.Get(base + "?lang=da").status, 200);
}

}  // namespace
}  // namespace andel::testing
