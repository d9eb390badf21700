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

TEST_F(DecisionTest, ACastVoteRedirectsToAReceiptPageThatCanBeReloadedAndSwitched) {
  Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  HttpReply cast = member.PostForm(base, base + "/vote", "choice=yes");
  ASSERT_EQ(cast.status, 303);
  ASSERT_EQ(cast.Header("location"), base + "/vote");
  HttpReply receipt = member.Get(base + "/vote");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_TRUE(Contains(receipt.body, "class=\"receipt\""));
  EXPECT_TRUE(Contains(receipt.body, "href=\"" + base + "/vote?lang=da\""));
  HttpReply danish = member.Get(base + "/vote?lang=da");
  EXPECT_EQ(danish.status, 200);
  EXPECT_TRUE(Contains(danish.body, "Din kvittering"));
  // Without the flash (another browser of the same member), the page tells what the store knows.
  HttpClient elsewhere = SignedIn(Accounts::kMember);
  HttpReply later = elsewhere.Get(base + "/vote");
  EXPECT_EQ(later.status, 200);
  EXPECT_TRUE(Contains(later.body, "class=\"receipt\""));
  // Another member's browser is not shown this member's flash.
  elsewhere.cookies()["andel_flash"] = member.cookies()["andel_flash"];
  HttpClient board = SignedIn(Accounts::kBoard);
  board.cookies()["andel_flash"] = member.cookies()["andel_flash"];
  EXPECT_EQ(board.Get(base + "/vote").status, 303) << "the board has not voted";
}

TEST_F(DecisionTest, ASecretBallotsKeyIsShownAfterTheRedirectAndNeverStored) {
  Decision(R"({"method":"motion","secret":true,"closes_at":)" + Closes(3600) + "}");
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  ASSERT_EQ(member.PostForm(base, base + "/vote", "choice=no").status, 303);
  HttpReply receipt = member.Get(base + "/vote");
  ASSERT_EQ(receipt.status, 200);
  EXPECT_TRUE(Contains(receipt.body, "class=\"key\""));
  HttpClient elsewhere = SignedIn(Accounts::kMember);
  HttpReply later = elsewhere.Get(base + "/vote");
  EXPECT_FALSE(Contains(later.body, "class=\"key\""));
  EXPECT_FALSE(Contains(later.body, "class=\"receipt\""));
}

TEST_F(DecisionTest, AFundFormShownAgainKeepsEveryFieldAndTellsTheErrorAtItsField) {
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply refused = board.PostForm(
      "/c/open-coop/funds", "/c/open-coop/funds",
      "title=Kick-start&description=Seed+money&amount=lots&currency=DKK&ballot=cumulative"
      "&points=20&rule=greedy&proposers=board");
  ASSERT_EQ(refused.status, 400);
  for (const char* kept :
       {"value=\"Kick-start\"", ">Seed money</textarea>", "<option value=\"cumulative\" selected>",
        "value=\"20\"", "<option value=\"greedy\" selected>",
        "<option value=\"board\" selected>"}) {
    EXPECT_TRUE(Contains(refused.body, kept)) << kept;
  }
  EXPECT_TRUE(Contains(refused.body, "class=\"error-summary\""));
  EXPECT_TRUE(Contains(refused.body, "<a href=\"#fund-amount\">"));
  EXPECT_TRUE(Contains(refused.body, "aria-describedby=\"fund-amount-error\""));
  EXPECT_TRUE(Contains(refused.body, "id=\"fund-amount-error\""));
}

TEST_F(DecisionTest, ChangingAVoteStartsFromTheBallotAsCast) {
  Decision(R"({"method":"schulze","options":["Alpha","Beta","Gamma"],"closes_at":)" + Closes(3600) +
           "}");
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string base = "/c/open-coop/proposals/" + std::to_string(proposal_);
  ASSERT_EQ(member.PostForm(base, base + "/vote", "rank_1=2&rank_2=1&rank_3=").status, 303);
  const std::string page = member.Get(base).body;
  const auto selected = [&](int option) {
    const size_t select = page.find("name=\"rank_" + std::to_string(option) + "\"");
    const size_t chosen = page.find(" selected>", select);
    const size_t end = page.find("</select>", select);
    if (chosen > end) return std::string("none");
    const size_t value = page.rfind("value=\"", chosen);
    return page.substr(value + 7, page.find('"', value + 7) - value - 7);
  };
  EXPECT_EQ(selected(1), "2");
  EXPECT_EQ(selected(2), "1");
  EXPECT_EQ(selected(3), "") << "not ranked";
}

TEST_F(DecisionTest, AmountsAreReadAsThePagesLanguageWritesThem) {
  HttpClient board = SignedIn(Accounts::kBoard);
  board.Get("/?lang=da");
  HttpReply created =
      board.PostForm("/c/open-coop/funds", "/c/open-coop/funds",
                     "title=Startpulje&amount=" + FormEncode("50.000,50") +
                         "&currency=DKK&ballot=approval&points=10&rule=mes&proposers=members");
  ASSERT_EQ(created.status, 303) << created.body.substr(0, 600);
  HttpReply fund =
      Client().Send("GET", "/api/v1/communities" + created.Header("location").substr(2), "",
                    Bearer(Accounts::kBoard));
  EXPECT_EQ(Json(fund)["amount"].as_string(), "50000.5");
  // The page writes it back the Danish way.
  EXPECT_TRUE(Contains(board.Get(created.Header("location")).body, "50.000,50"));
}

TEST_F(DecisionTest, SmallThingsThatCostTrust) {
  HttpClient member = SignedIn(Accounts::kMember);
  // The icon browsers ask for.
  HttpReply icon = Client().Get("/favicon.ico");
  EXPECT_EQ(icon.status, 200);
  EXPECT_EQ(icon.Header("content-type"), "image/svg+xml");
  // The start page's title is not "Andel · Andel".
  EXPECT_FALSE(Contains(member.Get("/").body, "<title>Andel · Andel</title>"));
  // The navigation marks the section the page belongs to.
  EXPECT_TRUE(Contains(member.Get("/c/open-coop/proposals").body,
                       "href=\"/c/open-coop/proposals\" aria-current=\"page\""));
  // A report links only to years there is something to report for.
  const std::string report = member.Get("/c/open-coop/impact/report/2026").body;
  EXPECT_TRUE(Contains(report, "<p class=\"muted\">Åben Andel</p>"));
  EXPECT_FALSE(Contains(report, "/impact/report/2025\""));
  EXPECT_FALSE(Contains(report, "/impact/report/2027\""));
  // An error page says what is wrong as a sentence and shows no field names.
  HttpReply missing = member.Get("/c/open-coop/proposals/999");
  EXPECT_EQ(missing.status, 404);
  EXPECT_FALSE(Contains(missing.body, "class=\"where\""));
  // No page draws links to a community without its name.
  EXPECT_FALSE(Contains(member.Get("/cases").body, "href=\"/c//"));
  // Nobody leads a vote without ballots.
  Decision(R"({"method":"schulze","options":["A","B"],"live_results":true,"closes_at":)" +
           Closes(3600) + "}");
  const std::string results =
      member.Get("/c/open-coop/proposals/" + std::to_string(proposal_) + "/results").body;
  EXPECT_FALSE(Contains(results, "Leading now"));
  EXPECT_FALSE(Contains(results, "closed "));
}

TEST_F(DecisionTest, PagesDrawOnlyTheTabsAndFormsTheRoleMayUse) {
  // The board may read the administration but not import members or change the settings: no
  // tab to the import, and the settings shown without a form to send.
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string as_board = board.Get("/c/open-coop/admin").body;
  EXPECT_FALSE(Contains(as_board, "/admin/import\""));
  EXPECT_TRUE(Contains(as_board, "/admin/audit\""));
  EXPECT_FALSE(Contains(as_board, "action=\"/c/open-coop/admin/settings\""));
  EXPECT_FALSE(Contains(as_board, "action=\"/c/open-coop/admin/statutes\""));
  EXPECT_TRUE(Contains(as_board, "<fieldset class=\"plain\" disabled>"));
  EXPECT_EQ(board.Get("/c/open-coop/admin/import").status, 403);
  // The administrators have both, on every page of the administration.
  HttpClient admin = SignedIn(Accounts::kAdmin);
  const std::string as_admin = admin.Get("/c/open-coop/admin").body;
  EXPECT_TRUE(Contains(as_admin, "action=\"/c/open-coop/admin/settings\""));
  for (const char* page : {"", "/members", "/categories", "/import", "/audit", "/competences"}) {
    const std::string body = admin.Get(std::string("/c/open-coop/admin") + page).body;
    EXPECT_TRUE(Contains(body, "href=\"/c/open-coop/admin/import\"")) << page;
    EXPECT_TRUE(Contains(
        body, "href=\"/c/open-coop/admin" + std::string(page) + "\" aria-current=\"page\""))
        << page;
  }
  // A member sees no administration at all.
  EXPECT_FALSE(Contains(SignedIn(Accounts::kMember).Get("/c/open-coop").body, "/admin\""));
}

TEST_F(DecisionTest, ANewApiTokenIsShownOnceAfterTheRedirect) {
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply made =
      member.PostForm("/account", "/account/tokens", "token_name=Laptop&token_days=30");
  ASSERT_EQ(made.status, 303);
  EXPECT_EQ(made.Header("location"), "/account");
  const std::string shown = member.Get("/account").body;
  const size_t at = shown.find("<code");
  ASSERT_NE(at, std::string::npos) << "the token is not shown";
  // Another browser of the same person does not see it.
  EXPECT_EQ(SignedIn(Accounts::kMember).Get("/account").body.find("<code"), std::string::npos);
}

TEST_F(DecisionTest, TheAuditLogReadsAsSentencesInTheReadersLanguage) {
  Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");
  HttpClient board = SignedIn(Accounts::kBoard);
  const std::string danish = board.Get("/c/open-coop/admin/audit?lang=da").body;
  const std::string proposal = "/c/open-coop/proposals/" + std::to_string(proposal_);
  // The vote opened, with the proposal linked under its title and local times; no codes, no
  // object labels, no Unix times.
  EXPECT_TRUE(Contains(danish, "Sendte <a href=\"" + proposal + "\">")) << danish;
  EXPECT_TRUE(Contains(danish, "Offentliggjorde forslaget <a href=\"" + proposal + "\">"));
  EXPECT_TRUE(Contains(danish, "Fastsatte vedtægterne: beslutningsdygtighed"));
  for (const char* raw : {"decision.opened", "proposal.created", "opens_at=", "decision ",
                          "member ", "statutes.changed", "role="}) {
    EXPECT_FALSE(Contains(danish, raw)) << raw;
  }
  const std::string dutch = board.Get("/c/open-coop/admin/audit?lang=nl").body;
  EXPECT_TRUE(Contains(dutch, "Publiceerde het voorstel <a href=\"" + proposal + "\">"));
}

TEST_F(DecisionTest, TheStartPageListsWhatNeedsMyAttention) {
  Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");
  const std::string proposal = "/c/open-coop/proposals/" + std::to_string(proposal_);
  HttpClient member = SignedIn(Accounts::kMember);
  const std::string before = member.Get("/?lang=da").body;
  EXPECT_TRUE(Contains(before, "Venter på dig"));
  EXPECT_TRUE(Contains(before, "Din stemme: <a href=\"" + proposal + "\">")) << before;
  EXPECT_TRUE(Contains(before, "afstemningen lukker"));
  ASSERT_EQ(member.PostForm(proposal, proposal + "/vote", "choice=yes").status, 303);
  EXPECT_FALSE(Contains(member.Get("/?lang=en").body, "Needs your attention"));
  // A visitor has nothing to attend to.
  EXPECT_FALSE(Contains(Client().Get("/").body, "Needs your attention"));
}

TEST_F(DecisionTest, ProposalsAreFoundByWordsStateMethodAndAuthor) {
  Decision(R"({"method":"motion","closes_at":)" + Closes(3600) + "}");  // proposed by the member
  const int64_t voted = proposal_;
  HttpClient member = SignedIn(Accounts::kMember);
  HttpClient board = SignedIn(Accounts::kBoard);
  ASSERT_EQ(board
                .PostForm("/c/open-coop/proposals", "/c/open-coop/proposals",
                          "title=" + FormEncode("Åben kaffebar om lørdagen") + "&body=Kaffe.")
                .status,
            303);
  const auto listed = [&](const std::string& query) {
    return member.Get("/c/open-coop/proposals?" + query).body;
  };
  const std::string voted_link = "/c/open-coop/proposals/" + std::to_string(voted) + "\"";
  // Words, without regard to case or accents.
  EXPECT_TRUE(Contains(listed("q=aben+KAFFEBAR"), "Åben kaffebar"));
  EXPECT_FALSE(Contains(listed("q=aben+KAFFEBAR"), voted_link));
  EXPECT_TRUE(Contains(listed("q=aben"), "1 proposal found"));
  // The state of its vote, and the method.
  EXPECT_TRUE(Contains(listed("state=discussion"), "Åben kaffebar"));
  EXPECT_FALSE(Contains(listed("state=discussion"), voted_link));
  EXPECT_TRUE(Contains(listed("state=open"), voted_link));
  EXPECT_TRUE(Contains(listed("state=closing"), voted_link));
  EXPECT_FALSE(Contains(listed("state=closed"), voted_link));
  EXPECT_TRUE(Contains(listed("method=motion"), voted_link));
  EXPECT_FALSE(Contains(listed("method=schulze"), voted_link));
  // One's own.
  const std::string mine = board.Get("/c/open-coop/proposals?mine=1").body;
  EXPECT_TRUE(Contains(mine, "Åben kaffebar"));
  EXPECT_FALSE(Contains(mine, voted_link));
  EXPECT_TRUE(Contains(listed("mine=1"), voted_link));
  // A state or method that does not exist is named.
  HttpReply bad = member.Get("/c/open-coop/proposals?state=someday");
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(Contains(bad.body, "choose a state from the list"));
  EXPECT_EQ(member.Get("/c/open-coop/proposals?method=dice").status, 400);
  // The API filters the same way.
  HttpReply api = Client().Get("/api/v1/communities/open-coop/proposals?state=open");
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(Json(api)["total"].as_int64(), 1);
  EXPECT_EQ(Client().Get("/api/v1/communities/open-coop/proposals?method=dice").status, 400);
}

TEST_F(DecisionTest, TheAuthorOrTheBoardClosesADiscussion) {
  HttpClient member = SignedIn(Accounts::kMember);
  ASSERT_EQ(member
                .PostForm("/c/open-coop/proposals", "/c/open-coop/proposals",
                          "title=Closing+time&body=Talk.")
                .status,
            303);
  const std::string proposal = "/c/open-coop/proposals/1";
  ASSERT_EQ(member.PostForm(proposal, proposal + "/comments", "body=First").status, 303);
  // Another member may not close it; the author may.
  AddAccount("other@test.dk");
  ASSERT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/members",
                      R"({"email":"other@test.dk","name":"Other","category":"citizen"})",
                      Bearer(Accounts::kAdmin))
                .status,
            201);
  HttpClient other = SignedIn("other@test.dk");
  EXPECT_FALSE(Contains(other.Get(proposal).body, "Close the discussion"));
  EXPECT_EQ(other.PostForm(proposal, proposal + "/discussion", "state=closed").status, 403);
  ASSERT_EQ(member.PostForm(proposal, proposal + "/discussion", "state=closed").status, 303);
  // Closed: no form to comment, and a comment is refused on both surfaces.
  const std::string closed = other.Get(proposal).body;
  EXPECT_TRUE(Contains(closed, "The discussion was closed on"));
  EXPECT_FALSE(Contains(closed, "action=\"" + proposal + "/comments\""));
  EXPECT_EQ(other.PostForm(proposal, proposal + "/comments", "body=Late").status, 409);
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/proposals/1/comments",
                      R"({"body":"Late"})", Bearer("other@test.dk"))
                .status,
            409);
  EXPECT_TRUE(Json(Client().Get("/api/v1/communities/open-coop/proposals/1"))["discussion_closed"]
                  .as_bool());
  // The board reopens it by the API; the audit log says both.
  HttpReply reopened = Client().Send("POST", "/api/v1/communities/open-coop/proposals/1/discussion",
                                     R"({"closed":false})", Bearer(Accounts::kBoard));
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(other.PostForm(proposal, proposal + "/comments", "body=Again").status, 303);
  const std::string log = SignedIn(Accounts::kBoard).Get("/c/open-coop/admin/audit").body;
  EXPECT_TRUE(Contains(log, "Closed the discussion of <a href=\"" + proposal + "\">"));
  EXPECT_TRUE(Contains(log, "Reopened the discussion of"));
}

}  // namespace
}  // namespace andel::testing
