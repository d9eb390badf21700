// HTTP tests of partnerships: profiles by form and API (labels in any language resolve to the
// community's competences), matches across categories with their reasons, accepting (a tie) and
// declining (never proposed again), and the role and input checks.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "http/server_fixture.h"
#include "store/communities/community_repository.h"
#include "store/partnerships/partnership_repository.h"

namespace andel::testing {
namespace {

namespace json = boost::json;

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class PartnershipsTest : public ServerTest {
 protected:
  std::vector<std::pair<std::string, std::string>> Bearer(const std::string& email) {
    return {{"authorization", "Bearer " + TokenFor(email)}};
  }
  HttpReply PutProfile(const std::string& email, const std::string& body) {
    return Client().Send("PUT", "/api/v1/communities/open-coop/profile", body, Bearer(email));
  }
};

TEST_F(PartnershipsTest, MatchesAcrossCategoriesWithReasons) {
  store::CommunityRepository communities(*database_.db);
  const int64_t community = communities.FindBySlug("open-coop")->id;
  store::CompetenceRecord legal;
  legal.key = "legal advice";
  legal.label_en = "Legal advice";
  legal.label_da = "Juridisk rådgivning";
  ASSERT_TRUE(
      store::PartnershipRepository(*database_.db).AddCompetence(community, legal).has_value());
  // The board member (business) offers legal advice and needs data; the member (research) the
  // reverse, written in Danish.
  ASSERT_EQ(PutProfile(Accounts::kBoard, R"({"offers":["Legal advice"],"needs":["Data"]})").status,
            200);
  HttpReply mine =
      PutProfile(Accounts::kMember, R"({"offers":["data"],"needs":["Juridisk rådgivning"]})");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_TRUE(Contains(mine.body, R"("needs":["legal advice"])"));
  HttpReply matches =
      Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember));
  ASSERT_EQ(matches.status, 200) << matches.body;
  json::object answer = json::parse(matches.body).as_object();
  ASSERT_EQ(answer["items"].as_array().size(), 1u);
  json::object match = answer["items"].as_array()[0].as_object();
  EXPECT_EQ(match["score"].as_double(), 2.0);
  EXPECT_EQ(match["gets"].as_array(), json::array({"legal advice"}));
  EXPECT_EQ(match["gives"].as_array(), json::array({"data"}));
  const std::string other = std::to_string(match["id"].as_int64());
  // The page shows the reasons in the reader's language.
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply page = member.Get("/c/open-coop/partners?lang=da");
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Juridisk rådgivning"));
  // Accepting makes a tie: no longer recommended, listed as a partner.
  ASSERT_EQ(
      member.PostForm("/c/open-coop/partners", "/c/open-coop/partners/" + other, "status=accepted")
          .status,
      303);
  answer =
      json::parse(
          Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember)).body)
          .as_object();
  EXPECT_TRUE(answer["items"].as_array().empty());
  EXPECT_EQ(answer["partners"].as_array().size(), 1u);
  // The other member is told by mail, with the address to write to.
  bool told = false;
  for (const store::OutboxMail& mail : Outbox()) {
    if (mail.recipient == Accounts::kBoard && Contains(mail.body, Accounts::kMember)) told = true;
  }
  EXPECT_TRUE(told) << "the new partner was not told";
  // Accepting again tells nobody twice.
  ASSERT_EQ(
      member.PostForm("/c/open-coop/partners", "/c/open-coop/partners/" + other, "status=accepted")
          .status,
      303);
  int mails = 0;
  for (const store::OutboxMail& mail : Outbox()) {
    if (mail.recipient == Accounts::kBoard && Contains(mail.body, Accounts::kMember)) ++mails;
  }
  EXPECT_EQ(mails, 1);
  // The partner's name leads to their page.
  EXPECT_TRUE(Contains(member.Get("/c/open-coop/partners").body,
                       "<a href=\"/c/open-coop/members/" + other + "\">"));
}

TEST_F(PartnershipsTest, DeclinedPairsAreNotProposedAgain) {
  ASSERT_EQ(PutProfile(Accounts::kBoard, R"({"offers":["a"],"needs":["b"]})").status, 200);
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["b"],"needs":["a"]})").status, 200);
  json::object answer =
      json::parse(
          Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kBoard)).body)
          .as_object();
  ASSERT_EQ(answer["items"].as_array().size(), 1u);
  const int64_t other = answer["items"].as_array()[0].as_object().at("id").as_int64();
  const std::string board_id = std::to_string(
      json::parse(
          Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember)).body)
          .as_object()
          .at("items")
          .as_array()[0]
          .as_object()
          .at("id")
          .as_int64());
  HttpReply declined =
      Client().Send("POST", "/api/v1/communities/open-coop/matches/" + std::to_string(other),
                    R"({"status":"declined"})", Bearer(Accounts::kBoard));
  ASSERT_EQ(declined.status, 200) << declined.body;
  for (const char* email : {Accounts::kBoard, Accounts::kMember}) {
    answer = json::parse(Client().Get("/api/v1/communities/open-coop/matches", Bearer(email)).body)
                 .as_object();
    EXPECT_TRUE(answer["items"].as_array().empty()) << email;
  }
  // A declined pair cannot be turned into a partnership (and a mail) afterwards.
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/matches/" + board_id,
                      R"({"status":"accepted"})", Bearer(Accounts::kMember))
                .status,
            409);
}

// Issue 16, point 11: an organisation with two representatives was suggested twice, and stayed
// suggested after one of them was accepted.
TEST_F(PartnershipsTest, AnOrganisationIsSuggestedOnceAndNotAfterItIsAPartner) {
  for (const char* email : {"rep1@test.dk", "rep2@test.dk"}) {
    AddAccount(email);
    const std::string body = std::string(R"({"email":")") + email +
                             R"(","name":"Rep","organisation":"Fonden","category":"business"})";
    HttpReply added = Client().Send("POST", "/api/v1/communities/open-coop/members", body,
                                    Bearer(Accounts::kAdmin));
    ASSERT_EQ(added.status, 201) << added.body;
    ASSERT_EQ(PutProfile(email, R"({"offers":["funding"],"needs":["data"]})").status, 200);
  }
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["data"],"needs":["funding"]})").status,
            200);
  const auto suggested = [&] {
    return json::parse(Client()
                           .Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember))
                           .body)
        .as_object()
        .at("items")
        .as_array();
  };
  const json::array once = suggested();
  ASSERT_EQ(once.size(), 1u);
  const std::string rep = std::to_string(once[0].as_object().at("id").as_int64());
  HttpClient member = SignedIn(Accounts::kMember);
  ASSERT_EQ(
      member.PostForm("/c/open-coop/partners", "/c/open-coop/partners/" + rep, "status=accepted")
          .status,
      303);
  EXPECT_TRUE(suggested().empty());
}

TEST_F(PartnershipsTest, RolesAndBadInput) {
  EXPECT_EQ(
      Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kOutsider)).status,
      403);
  EXPECT_EQ(SignedIn(Accounts::kOutsider).Get("/c/open-coop/partners").status, 403);
  EXPECT_EQ(Client().Get("/c/open-coop/partners").status, 303);  // to the sign-in page
  EXPECT_EQ(PutProfile(Accounts::kMember, R"({"offers":"gardening"})").status, 400);
  EXPECT_EQ(PutProfile(Accounts::kMember, R"({"offers":["a,b"]})").status, 400);
  EXPECT_EQ(
      PutProfile(Accounts::kMember, std::string(R"({"offers":[")") + std::string(81, 'x') + "\"]}")
          .status,
      400);
  EXPECT_EQ(PutProfile(Accounts::kMember, "not json").status, 400);
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/matches/999999",
                      R"({"status":"accepted"})", Bearer(Accounts::kMember))
                .status,
            404);
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/matches/1", R"({"status":"maybe"})",
                      Bearer(Accounts::kMember))
                .status,
            400);
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply long_list = member.PostForm("/c/open-coop/partners", "/c/open-coop/partners/profile",
                                        "offer=" + std::string(81, 'y'));
  EXPECT_EQ(long_list.status, 400);
  EXPECT_TRUE(Contains(long_list.body, "A competence can have at most 80 characters"));
  EXPECT_EQ(Client().Get("/api/v1/communities/open-coop/competences").status, 200);
}

TEST_F(PartnershipsTest, CirclesFromDraftToPublished) {
  ASSERT_EQ(PutProfile(Accounts::kBoard, R"({"offers":["a"],"needs":["b"]})").status, 200);
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["b"],"needs":["a"]})").status, 200);
  // Members may not form circles; the board may.
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/circles", R"({"size":2})",
                      Bearer(Accounts::kMember))
                .status,
            403);
  HttpReply draft = Client().Send("POST", "/api/v1/communities/open-coop/circles",
                                  R"({"size":2,"seed":5})", Bearer(Accounts::kBoard));
  ASSERT_EQ(draft.status, 201) << draft.body;
  json::object set = json::parse(draft.body).as_object();
  EXPECT_EQ(set["status"].as_string(), "draft");
  EXPECT_TRUE(set["valid"].as_bool());
  EXPECT_EQ(set["circles"].as_array().size(), 2u);  // admin, board and member: ⌈3/2⌉
  // Members see nothing until it is published.
  json::object seen =
      json::parse(
          Client().Get("/api/v1/communities/open-coop/circles", Bearer(Accounts::kMember)).body)
          .as_object();
  EXPECT_TRUE(seen["published"].is_null());
  EXPECT_FALSE(seen.contains("draft"));
  // Moving a member updates the objective; a circle that does not exist is refused.
  const int64_t someone = set["circles"].as_array()[0].as_array()[0].as_int64();
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/circles/move",
                      R"({"membership":)" + std::to_string(someone) + R"(,"circle":9})",
                      Bearer(Accounts::kBoard))
                .status,
            400);
  HttpReply moved = Client().Send("POST", "/api/v1/communities/open-coop/circles/move",
                                  R"({"membership":)" + std::to_string(someone) + R"(,"circle":2})",
                                  Bearer(Accounts::kBoard));
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_TRUE(json::parse(moved.body).as_object().at("draft").as_object().contains("objective"));
  ASSERT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/circles/publish", "{}",
                      Bearer(Accounts::kBoard))
                .status,
            200);
  seen = json::parse(
             Client().Get("/api/v1/communities/open-coop/circles", Bearer(Accounts::kMember)).body)
             .as_object();
  EXPECT_EQ(seen["published"].as_object().at("status").as_string(), "published");
  // The board sees the published set as a whole, and can take it away as a spreadsheet; a
  // member cannot.
  HttpReply whole = SignedIn(Accounts::kBoard).Get("/c/open-coop/circles");
  EXPECT_TRUE(Contains(whole.body, "The published circles"));
  EXPECT_TRUE(Contains(whole.body, "href=\"/c/open-coop/members/"));
  HttpReply sheet = SignedIn(Accounts::kBoard).Get("/c/open-coop/circles.csv");
  EXPECT_EQ(sheet.status, 200);
  EXPECT_TRUE(sheet.body.starts_with("Circle,Name,Category\r\n")) << sheet.body;
  EXPECT_TRUE(Contains(sheet.body, ",Test board@test.dk,Business\r\n")) << sheet.body;
  EXPECT_EQ(SignedIn(Accounts::kMember).Get("/c/open-coop/circles.csv").status, 403);
  EXPECT_FALSE(Contains(SignedIn(Accounts::kMember).Get("/c/open-coop/circles").body,
                        "The published circles"));
  // The page shows the member their circle.
  HttpReply page = SignedIn(Accounts::kMember).Get("/c/open-coop/circles");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Your circle"));
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/circles/publish", "{}",
                      Bearer(Accounts::kBoard))
                .status,
            404);  // no draft left
}

TEST_F(PartnershipsTest, ConsortiumNamesWhoCoversWhat) {
  ASSERT_EQ(PutProfile(Accounts::kBoard, R"({"offers":["law","finance"],"needs":[]})").status, 200);
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["data"],"needs":[]})").status, 200);
  HttpReply team =
      Client().Send("POST", "/api/v1/communities/open-coop/consortia",
                    R"({"needs":["Law","data"],"min_categories":2})", Bearer(Accounts::kMember));
  ASSERT_EQ(team.status, 200) << team.body;
  json::object answer = json::parse(team.body).as_object();
  EXPECT_TRUE(answer["feasible"].as_bool());
  EXPECT_TRUE(answer["optimal"].as_bool());
  EXPECT_EQ(answer["members"].as_array().size(), 2u);
  EXPECT_EQ(answer["covers"].as_object().size(), 2u);
  HttpReply impossible = Client().Send("POST", "/api/v1/communities/open-coop/consortia",
                                       R"({"needs":["welding"]})", Bearer(Accounts::kMember));
  answer = json::parse(impossible.body).as_object();
  EXPECT_FALSE(answer["feasible"].as_bool());
  EXPECT_EQ(answer["missing"].as_array(), json::array({"welding"}));
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/consortia", R"({"needs":[]})",
                      Bearer(Accounts::kMember))
                .status,
            400);
  HttpClient member = SignedIn(Accounts::kMember);
  HttpReply page = member.Get("/c/open-coop/consortia?needs=law,data&min_categories=2");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "No smaller team can do it."));
  EXPECT_EQ(member.Get("/c/open-coop/consortia?needs=law&min_categories=x").status, 400);
  // Saved as a consortium, its members are tied: no longer recommended to each other.
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["data"],"needs":["law"]})").status, 200);
  EXPECT_EQ(
      json::parse(
          Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember)).body)
          .as_object()
          .at("items")
          .as_array()
          .size(),
      1u);
  HttpReply saved =
      member.PostForm("/c/open-coop/consortia?needs=law,data", "/c/open-coop/consortia",
                      "needs=law,data&min_categories=2&task=Tender+for+the+harbour");
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 300);
  EXPECT_TRUE(Contains(member.Get("/c/open-coop/consortia").body, "Tender for the harbour"));
  // The saved consortium has a page of its own, with its members linked, and the other member
  // put in it is told by mail.
  const std::string at = saved.Header("location");
  ASSERT_TRUE(at.starts_with("/c/open-coop/consortia/")) << at;
  HttpReply own = member.Get(at.substr(0, at.find('?')));
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(Contains(own.body, "<h1>Tender for the harbour</h1>"));
  EXPECT_TRUE(Contains(own.body, "<a href=\"/c/open-coop/members/"));
  bool told = false;
  for (const store::OutboxMail& mail : Outbox()) {
    if (mail.recipient == Accounts::kBoard && Contains(mail.body, "Tender for the harbour") &&
        Contains(mail.body, at.substr(0, at.find('?')))) {
      told = true;
    }
  }
  EXPECT_TRUE(told) << "the board member put in the consortium was not told";
  EXPECT_EQ(member.Get("/c/open-coop/consortia/999999").status, 404);
  EXPECT_EQ(Client().Get(at.substr(0, at.find('?'))).status, 303);  // to the sign-in page
  EXPECT_TRUE(
      json::parse(
          Client().Get("/api/v1/communities/open-coop/matches", Bearer(Accounts::kMember)).body)
          .as_object()
          .at("items")
          .as_array()
          .empty());
  EXPECT_EQ(member
                .PostForm("/c/open-coop/consortia", "/c/open-coop/consortia",
                          "needs=law,data&min_categories=2&task=")
                .status,
            400);
}

TEST_F(PartnershipsTest, TheBoardCuratesAndMergesCompetences) {
  ASSERT_EQ(PutProfile(Accounts::kMember, R"({"offers":["Bike repair"],"needs":[]})").status, 200);
  HttpReply added =
      Client().Send("POST", "/api/v1/communities/open-coop/competences",
                    R"({"label_en":"Repairs","label_da":"Reparationer","synonyms":"Fixing"})",
                    Bearer(Accounts::kBoard));
  ASSERT_EQ(added.status, 201) << added.body;
  const int64_t repairs = json::parse(added.body).as_object().at("id").as_int64();
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/competences", R"({"label_en":"A,B"})",
                      Bearer(Accounts::kBoard))
                .status,
            400);
  EXPECT_EQ(Client()
                .Send("POST", "/api/v1/communities/open-coop/competences", R"({"label_en":"X"})",
                      Bearer(Accounts::kMember))
                .status,
            403);
  // The member's free tag is merged into the taxonomy: the profile follows.
  json::object list =
      json::parse(Client().Get("/api/v1/communities/open-coop/competences").body).as_object();
  int64_t tag = 0;
  for (const json::value& item : list["items"].as_array()) {
    if (item.as_object().at("key").as_string() == "bike repair")
      tag = item.as_object().at("id").as_int64();
  }
  ASSERT_NE(tag, 0);
  HttpReply merged = Client().Send(
      "POST", "/api/v1/communities/open-coop/competences/" + std::to_string(tag) + "/merge",
      R"({"into":)" + std::to_string(repairs) + "}", Bearer(Accounts::kBoard));
  ASSERT_EQ(merged.status, 200) << merged.body;
  HttpReply profile =
      Client().Get("/api/v1/communities/open-coop/profile", Bearer(Accounts::kMember));
  EXPECT_TRUE(Contains(profile.body, R"("offers":["repairs"])")) << profile.body;
  // Writing the old tag, or a synonym, now names the curated competence.
  HttpReply again =
      PutProfile(Accounts::kMember, R"({"offers":["bike repair","fixing"],"needs":[]})");
  EXPECT_TRUE(Contains(again.body, R"("offers":["repairs"])")) << again.body;
  HttpClient board = SignedIn(Accounts::kBoard);
  HttpReply page = board.Get("/c/open-coop/admin/competences");
  EXPECT_EQ(page.status, 200);
  EXPECT_TRUE(Contains(page.body, "Reparationer"));
}

// What a member types names the board's competence however they type its accents and Nordic
// letters, in any of the three languages.
TEST_F(PartnershipsTest, CompetencesAreFoundWithoutTheirAccents) {
  HttpReply added = Client().Send(
      "POST", "/api/v1/communities/open-coop/competences",
      R"({"label_en":"Economics","label_da":"Økonomi","label_nl":"Coöperatief beheer",)"
      R"("synonyms":"Regnskab, Bogføring"})",
      Bearer(Accounts::kBoard));
  ASSERT_EQ(added.status, 201) << added.body;
  const std::pair<const char*, const char*> kTyped[] = {{"okonomi", "economics"},
                                                        {"oekonomi", "economics"},
                                                        {"ØKONOMI", "economics"},
                                                        {"cooperatief beheer", "economics"},
                                                        {"bogforing", "economics"},
                                                        {"REGNSKAB", "economics"},
                                                        {"økonomi og jura", "økonomi og jura"}};
  for (const auto& [typed, key] : kTyped) {
    HttpReply profile =
        PutProfile(Accounts::kMember, std::string(R"({"offers":[")") + typed + R"("],"needs":[]})");
    ASSERT_EQ(profile.status, 200) << typed << ": " << profile.body;
    EXPECT_TRUE(Contains(profile.body, std::string(R"("offers":[")") + key + R"("])"))
        << typed << ": " << profile.body;
  }
}

}  // namespace
}  // namespace andel::testing
