// Issue 14, point 9: a closed decision of every method, exported by the server, recounts to its
// published result with `andel tally --verify`; a forged figure of the result or of the voter roll
// is named.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>
#include <string>

#include "app/tally_verify.h"
#include "http/decision_fixture.h"

namespace andel::testing {
namespace {

struct Method {
  const char* decision;    // the decision's JSON members, without closes_at
  const char* ballots[3];  // the ballots of the member, the board member and the admin
};

const Method kMethods[] = {
    {R"("method":"motion")", {R"({"choice":"yes"})", R"({"choice":"no"})", R"({"choice":"yes"})"}},
    {R"("method":"consent")",
     {R"({"consent":true})", R"({"objection":"Not on Tuesdays"})", R"({"consent":true})"}},
    {R"("method":"approval","options":["A","B","C"])",
     {R"({"approved":[1,2]})", R"({"approved":[2]})", R"({"approved":[3]})"}},
    {R"("method":"score","max_score":5,"options":["A","B","C"])",
     {R"({"scores":{"1":5,"2":1}})", R"({"scores":{"2":4,"3":2}})", R"({"scores":{"1":3}})"}},
    {R"("method":"stv","seats":2,"options":["A","B","C"])",
     {R"({"ranking":[[1],[2],[3]]})", R"({"ranking":[[2],[1]]})", R"({"ranking":[[3],[1]]})"}},
};

const char* const kRankedMethods[] = {"plurality",  "borda",        "irv",      "schulze",
                                      "schulze_wv", "ranked_pairs", "copeland", "condorcet"};

// Adds one to the first integer found under `value`, depth first; returns whether it found one.
bool BumpFirstInteger(json::value& value) {
  if (value.is_int64()) {
    value = value.as_int64() + 1;
    return true;
  }
  if (value.is_object()) {
    for (auto& member : value.as_object()) {
      if (BumpFirstInteger(member.value())) return true;
    }
  }
  if (value.is_array()) {
    for (json::value& element : value.as_array()) {
      if (BumpFirstInteger(element)) return true;
    }
  }
  return false;
}

class ExportVerifyTest : public DecisionTest {
 protected:
  // Opens a decision, casts the three ballots, closes it and returns its export.
  json::object ClosedExport(const std::string& decision, const char* const (&ballots)[3]) {
    const int64_t id = Decision("{" + decision + R"(,"closes_at":)" + Closes(3600) + "}");
    const char* voters[] = {Accounts::kMember, Accounts::kBoard, Accounts::kAdmin};
    for (int i = 0; i < 3; ++i) {
      HttpReply cast = Cast(id, ballots[i], voters[i]);
      EXPECT_EQ(cast.status, 201) << decision << " " << ballots[i] << ": " << cast.body;
    }
    now_ += 3601;
    HttpReply exported = Client().Get("/api/v1/decisions/" + std::to_string(id) + "/export");
    EXPECT_EQ(exported.status, 200) << exported.body;
    return Json(exported);
  }
  // The verifier's exit code and what it printed.
  std::pair<int, std::string> Verify(const json::object& exported) {
    std::ostringstream out, err;
    const int code = app::VerifyExportText(json::serialize(exported), out, err);
    return {code, out.str() + err.str()};
  }
  void CheckEveryForgery(const std::string& decision, const char* const (&ballots)[3]) {
    SCOPED_TRACE(decision);
    json::object exported = ClosedExport(decision, ballots);
    const auto [code, said] = Verify(exported);
    EXPECT_EQ(code, 0) << said;
    EXPECT_TRUE(Contains(said, "verified")) << said;

    // Each figure of the result in turn, one more than published.
    const json::object& result = exported.at("result").as_object();
    int forged = 0;
    for (const auto& figure : result) {
      json::object copy = exported;
      json::value& value = copy["result"].as_object()[figure.key()];
      if (!BumpFirstInteger(value)) continue;
      ++forged;
      const auto [forged_code, forged_said] = Verify(copy);
      EXPECT_EQ(forged_code, 1) << figure.key() << ": " << forged_said;
      EXPECT_TRUE(Contains(forged_said, "MISMATCH result." + std::string(figure.key())))
          << forged_said;
    }
    EXPECT_GT(forged, 0);
    // The roll's weight, and a voter who is not on the roll.
    json::object heavier = exported;
    heavier["roll"].as_object()["weight"] = heavier["roll"].as_object()["weight"].as_int64() + 1;
    if (heavier.contains("eligible")) {
      EXPECT_EQ(Verify(heavier).first, 1);
      EXPECT_TRUE(Contains(Verify(heavier).second, "MISMATCH roll")) << Verify(heavier).second;
    }
    json::object stranger = exported;
    stranger["roll"].as_object()["voted"].as_array().emplace_back("ZZZZZZZZ");
    EXPECT_EQ(Verify(stranger).first, 1);
    EXPECT_TRUE(Contains(Verify(stranger).second, "not on the roll")) << Verify(stranger).second;
  }
};

TEST_F(ExportVerifyTest, EveryMethodRecountsAndEveryForgedFigureIsNamed) {
  for (const Method& method : kMethods) CheckEveryForgery(method.decision, method.ballots);
  const char* const ranked[3] = {R"({"ranking":[[1],[2],[3]]})", R"({"ranking":[[2],[3],[1]]})",
                                 R"({"ranking":[[1],[3],[2]]})"};
  for (const char* name : kRankedMethods) {
    CheckEveryForgery(std::string(R"("method":")") + name + R"(","options":["A","B","C"])", ranked);
  }
}

}  // namespace
}  // namespace andel::testing
