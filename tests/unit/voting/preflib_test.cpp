#include "voting/preflib.h"

#include <gtest/gtest.h>

namespace andel::voting {
namespace {

TEST(PrefLib, ReadsNamesCountsAndTies) {
  const std::string text =
      "# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 4\n# ALTERNATIVE NAME 1: Ærø Andel\n"
      "# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n# ALTERNATIVE NAME 4: D\n"
      "5: 3,{1,2},4\n2: 2\n";
  Result<Profile> profile = ReadPrefLib(text);
  ASSERT_TRUE(profile.has_value()) << profile.error().message;
  EXPECT_EQ(profile->candidate_count(), 4);
  EXPECT_EQ(profile->names()[0], "Ærø Andel");
  EXPECT_EQ(profile->voter_count(), 7);
  ASSERT_EQ(profile->ballot_count(), 2u);
  const Rank* first = profile->ranks(0);
  EXPECT_EQ(first[2], 1);
  EXPECT_EQ(first[0], 2);
  EXPECT_EQ(first[1], 2);
  EXPECT_EQ(first[3], 3);
  std::vector<int> order;
  TruncatedOrder(*profile, 0, order);
  EXPECT_EQ(order, std::vector<int>{2});  // cut before the tie
}

TEST(PrefLib, ErrorsNameTheLine) {
  struct Case {
    std::string text;
    std::string where;
    std::string message;
  };
  const std::string head = "# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 3\n";
  const Case kCases[] = {
      {head + "1: 1,2\nx: 1\n", "line 4", "a ballot count must be a whole number of at least 1"},
      {head + "0: 1\n", "line 3", "a ballot count must be a whole number of at least 1"},
      {head + "1: 1,4\n", "line 3", "a ballot names an unknown alternative"},
      {head + "1: 1,1\n", "line 3", "a ballot names an alternative twice"},
      {head + "1: {1,2}\n", "line 3", "a strict-order file cannot have ties"},
      {head + "1 1,2\n", "line 3", "a ballot line is count: order"},
      {head + "1: 1;2\n", "line 3",
       "a ballot may hold only alternative numbers, commas and braces"},
      {"# DATA TYPE: toi\n# NUMBER ALTERNATIVES: 3\n1: {1,2\n", "line 3", "a tie is not closed"},
      {"1: 1\n", "line 1", "the file declares no alternatives"},
      {"# NUMBER ALTERNATIVES: many\n", "line 1",
       "NUMBER ALTERNATIVES must be a whole number from 1 to 60000"},
      // Counts whose sum would overflow the 64-bit sums of the methods (found by fuzzing).
      {head + "1: 1\n9223372036854775807: 2\n", "line 4",
       "an election may have at most 10^12 voters"},
      {head + "999999999999: 1\n2: 2\n", "line 4", "an election may have at most 10^12 voters"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Result<Profile> profile = ReadPrefLib(c.text);
    ASSERT_FALSE(profile.has_value());
    EXPECT_EQ(profile.error().where, c.where);
    EXPECT_EQ(profile.error().message, c.message);
  }
}

TEST(PrefLib, WriteThenReadKeepsTheProfile) {
  Profile profile({1, 2, 3}, {"A", "B", "C"});
  ASSERT_TRUE(profile.Add({{0}, {1, 2}}, 3).has_value());
  ASSERT_TRUE(profile.Add({{2}}, 1).has_value());
  const std::string text = WritePrefLib(profile, "test");
  EXPECT_NE(text.find("# DATA TYPE: toi"), std::string::npos);
  Result<Profile> again = ReadPrefLib(text);
  ASSERT_TRUE(again.has_value()) << again.error().message << " " << again.error().where;
  ASSERT_EQ(again->ballot_count(), 2u);
  EXPECT_EQ(again->voter_count(), 4);
  for (size_t b = 0; b < 2; ++b) {
    for (int c = 0; c < 3; ++c) EXPECT_EQ(again->ranks(b)[c], profile.ranks(b)[c]);
  }
  EXPECT_EQ(again->names()[2], "C");
}

}  // namespace
}  // namespace andel::voting
