// Search boxes find what members typed without its accents or capitals (issue 15, point 5): the
// member list, page and API, and the published value cases; keys written with an older folding
// are rewritten when the server starts.
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "http/server_fixture.h"
#include "store/communities/community_repository.h"
#include "store/communities/membership_repository.h"
#include "store/database.h"

namespace andel::testing {
namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class SearchTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    store::CommunityRepository communities(*database_.db);
    store::MembershipRepository memberships(*database_.db);
    const int64_t coop = communities.FindBySlug("open-coop")->id;
    std::vector<communities::MemberRow> rows(2);
    rows[0].email = "bjorn@test.dk";
    rows[0].name = "Bjørn Ågård";
    rows[0].organisation = "Café Coöperatie";
    rows[0].category = "research";
    rows[1].email = "jens@test.dk";
    rows[1].name = "Jens Jensen";
    rows[1].category = "research";
    ASSERT_TRUE(memberships.ImportMembers(coop, rows, now_).has_value());
  }
};

TEST_F(SearchTest, MembersAreFoundAsPeopleTypeTheirNames) {
  HttpClient member = SignedIn(Accounts::kMember);
  const auto bearer = std::vector<std::pair<std::string, std::string>>{
      {"Authorization", "Bearer " + TokenFor(Accounts::kMember)}};
  for (const char* typed : {"bjorn", "BJOERN", "agard", "aagaard", "Ågård", "cafe", "cooperatie"}) {
    SCOPED_TRACE(typed);
    const std::string query = FormEncode(typed);
    HttpReply page = member.Get("/c/open-coop/members?q=" + query);
    EXPECT_EQ(page.status, 200);
    EXPECT_TRUE(Contains(page.body, "Bjørn Ågård"));
    EXPECT_FALSE(Contains(page.body, "Jens Jensen"));
    HttpReply api = Client().Get("/api/v1/communities/open-coop/members?q=" + query, bearer);
    EXPECT_EQ(api.status, 200);
    EXPECT_TRUE(Contains(api.body, "Bjørn Ågård")) << api.body.substr(0, 300);
    EXPECT_FALSE(Contains(api.body, "Jens Jensen"));
  }
}

TEST_F(SearchTest, KeysOfAnOlderFoldingAreRewrittenAtStart) {
  // As an older version left them: keys folded without the accents removed.
  ASSERT_TRUE(database_.db
                  ->Run([](soci::session& sql) -> Status {
                    sql << "UPDATE memberships SET search_key = 'bjørn ågård'";
                    sql << "UPDATE settings SET value = 'old' WHERE key = 'search_key_version'";
                    return {};
                  })
                  .has_value());
  HttpClient member = SignedIn(Accounts::kMember);
  EXPECT_FALSE(Contains(member.Get("/c/open-coop/members?q=bjorn").body, "Bjørn Ågård"));
  ASSERT_TRUE(database_.db->Migrate().has_value());
  EXPECT_TRUE(Contains(member.Get("/c/open-coop/members?q=bjorn").body, "Bjørn Ågård"));
}

}  // namespace
}  // namespace andel::testing
