// A decision's method: its name is the text stored, published and chosen in forms, and reads back;
// the counting methods are the voting library's, under the voting library's names.
#include "decisions/method.h"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>

namespace andel::decisions {
namespace {

struct Case {
  std::string_view name;
  Method method;
  Kind kind;
  std::optional<voting::Method> counting;
};

const Case kCases[] = {
    {"motion", Method::kMotion, Kind::kMotion, std::nullopt},
    {"consent", Method::kConsent, Kind::kConsent, std::nullopt},
    {"plurality", Method::kPlurality, Kind::kRanked, voting::Method::kPlurality},
    {"borda", Method::kBorda, Kind::kRanked, voting::Method::kBorda},
    {"irv", Method::kIrv, Kind::kRanked, voting::Method::kIrv},
    {"schulze", Method::kSchulze, Kind::kRanked, voting::Method::kSchulze},
    {"schulze_wv", Method::kSchulzeWinningVotes, Kind::kRanked,
     voting::Method::kSchulzeWinningVotes},
    {"ranked_pairs", Method::kRankedPairs, Kind::kRanked, voting::Method::kRankedPairs},
    {"copeland", Method::kCopeland, Kind::kRanked, voting::Method::kCopeland},
    {"condorcet", Method::kCondorcet, Kind::kRanked, voting::Method::kCondorcet},
    {"stv", Method::kStv, Kind::kRanked, voting::Method::kStv},
    {"approval", Method::kApproval, Kind::kApproval, voting::Method::kApproval},
    {"score", Method::kScore, Kind::kScore, voting::Method::kScore},
};

TEST(Method, NamesReadBackAndCountWithTheVotingLibrary) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(MethodName(c.method), c.name);
    Result<Method> parsed = ParseMethod(c.name);
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, c.method);
    EXPECT_EQ(KindOf(c.method), c.kind);
    EXPECT_EQ(CountingMethod(c.method), c.counting);
    if (c.counting) {
      EXPECT_EQ(voting::MethodName(*c.counting), c.name);
    }
  }
}

TEST(Method, OnlyExactNamesAreMethods) {
  for (std::string_view text : {"", "dictator", "Motion", " irv", "stv ", "schulze-wv"}) {
    SCOPED_TRACE(text);
    Result<Method> parsed = ParseMethod(text);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parsed.error().message, "unknown method");
    EXPECT_EQ(parsed.error().where, "method");
  }
}

}  // namespace
}  // namespace andel::decisions
