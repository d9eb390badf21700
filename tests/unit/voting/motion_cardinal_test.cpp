// Motions (quorum and threshold), consent, approval and score counting, and the CSV ballot
// format.
#include <gtest/gtest.h>

#include <random>

#include "voting/cardinal.h"
#include "voting/csv_ballots.h"
#include "voting/motion.h"

namespace andel::voting {
namespace {

std::vector<MotionVote> Votes(int yes, int no, int abstain) {
  std::vector<MotionVote> votes;
  for (int i = 0; i < yes; ++i) votes.push_back({Choice::kYes, 1});
  for (int i = 0; i < no; ++i) votes.push_back({Choice::kNo, 1});
  for (int i = 0; i < abstain; ++i) votes.push_back({Choice::kAbstain, 1});
  return votes;
}

TEST(Motion, QuorumAndThresholds) {
  const MotionRule simple{50, 1, 2, Comparison::kMoreThan};
  const MotionRule two_thirds{50, 2, 3, Comparison::kAtLeast};
  const MotionRule unanimity{0, 1, 1, Comparison::kAtLeast};
  struct Case {
    int yes, no, abstain, eligible;
    MotionRule rule;
    bool quorum, passed;
  };
  const Case kCases[] = {
      {6, 4, 0, 20, simple, true, true},      // 10 of 20 took part: quorum exactly met
      {5, 5, 0, 20, simple, true, false},     // a tie is not more than half
      {5, 4, 0, 20, simple, false, false},    // 9 of 20: no quorum
      {3, 2, 20, 40, simple, true, true},     // abstentions count for the quorum only
      {2, 1, 0, 3, two_thirds, true, true},   // exactly 2/3
      {3, 2, 0, 5, two_thirds, true, false},  // 3/5 < 2/3
      {4, 0, 9, 13, unanimity, true, true},  {4, 1, 0, 5, unanimity, true, false},
      {0, 0, 5, 5, simple, true, false},  // only abstentions: no majority
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::to_string(c.yes) + "/" + std::to_string(c.no) + "/" +
                 std::to_string(c.abstain));
    Result<MotionResult> result = DecideMotion(Votes(c.yes, c.no, c.abstain), c.eligible, c.rule);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->quorum_met, c.quorum);
    EXPECT_EQ(result->passed, c.passed);
  }
}

TEST(Motion, WeightsByShares) {
  const MotionRule simple{0, 1, 2, Comparison::kMoreThan};
  // One member with 10 shares outweighs three with one each.
  Result<MotionResult> result = DecideMotion(
      {{Choice::kYes, 10}, {Choice::kNo, 1}, {Choice::kNo, 1}, {Choice::kNo, 1}}, 13, simple);
  ASSERT_TRUE(result.has_value());
  EXPECT_TRUE(result->passed);
  EXPECT_EQ(result->yes, 10);
  EXPECT_EQ(result->no, 3);
}

TEST(Motion, MoreYesNeverTurnsAPassIntoAFail) {
  std::mt19937 random(11);
  for (int round = 0; round < 2000; ++round) {
    const int yes = random() % 10, no = random() % 10, abstain = random() % 10;
    const int eligible = yes + no + abstain + 1 + random() % 10;
    const MotionRule rule{static_cast<int>(random() % 101), 1 + static_cast<int64_t>(random() % 3),
                          3, random() % 2 ? Comparison::kMoreThan : Comparison::kAtLeast};
    Result<MotionResult> before = DecideMotion(Votes(yes, no, abstain), eligible, rule);
    Result<MotionResult> after = DecideMotion(Votes(yes + 1, no, abstain), eligible, rule);
    ASSERT_TRUE(before.has_value() && after.has_value());
    if (before->passed) {
      EXPECT_TRUE(after->passed) << "round " << round;
    }
  }
}

TEST(Motion, RejectsBadRulesAndInput) {
  EXPECT_EQ(DecideMotion({}, 1, {101, 1, 2, Comparison::kMoreThan}).error().where, "quorum");
  EXPECT_EQ(DecideMotion({}, 1, {50, 3, 2, Comparison::kMoreThan}).error().where, "threshold");
  EXPECT_EQ(DecideMotion(Votes(3, 0, 0), 2, {50, 1, 2, Comparison::kMoreThan}).error().where,
            "eligible");
}

TEST(Consent, PassesUnlessSomeoneObjectsWithAReason) {
  EXPECT_TRUE(DecideConsent({})->passed);
  EXPECT_FALSE(DecideConsent({{"we cannot afford it"}})->passed);
  EXPECT_EQ(DecideConsent({{"  "}}).error().where, "reason");
}

TEST(Cardinal, ApprovalAndScoreAgreeWithCounting) {
  std::mt19937 random(12);
  for (int round = 0; round < 300; ++round) {
    const int n = 1 + random() % 6;
    std::vector<ApprovalBallot> approvals;
    std::vector<ScoreBallot> scores;
    std::vector<int64_t> approval_total(n, 0), score_total(n, 0);
    for (int b = 0; b < 1 + static_cast<int>(random() % 8); ++b) {
      ApprovalBallot approval;
      ScoreBallot score;
      approval.count = score.count = 1 + random() % 3;
      for (int c = 0; c < n; ++c) {
        if (random() % 2) {
          approval.approved.push_back(c);
          approval_total[c] += approval.count;
        }
        score.scores.push_back(random() % 6);
        score_total[c] += score.scores.back() * score.count;
      }
      approvals.push_back(approval);
      scores.push_back(score);
    }
    Result<TallyResult> a = CountApproval(n, approvals);
    Result<TallyResult> s = CountScore(n, scores, 5);
    ASSERT_TRUE(a.has_value() && s.has_value());
    EXPECT_EQ(*a->scores, approval_total);
    EXPECT_EQ(*s->scores, score_total);
    for (int w : a->winners) {
      EXPECT_EQ(approval_total[w], *std::max_element(approval_total.begin(), approval_total.end()));
    }
  }
  EXPECT_FALSE(CountScore(2, {{{3, 9}, 1}}, 5).has_value());
  EXPECT_FALSE(CountApproval(2, {{{0, 0}, 1}}).has_value());
}

TEST(CsvBallots, ReadsRanksApprovalsAndScores) {
  Result<CsvBallots> ballots = ReadCsvBallots("count,Anne,Bo,Cas\r\n3,1,2,\r\n2,,1,1\r\n");
  ASSERT_TRUE(ballots.has_value());
  EXPECT_EQ(ballots->names, (std::vector<std::string>{"Anne", "Bo", "Cas"}));
  Result<Profile> profile = RankedProfile(*ballots);
  ASSERT_TRUE(profile.has_value());
  EXPECT_EQ(profile->voter_count(), 5);
  EXPECT_EQ(profile->ranks(1)[1], 1);
  EXPECT_EQ(profile->ranks(1)[2], 1);  // a tie
  Result<Profile> again = RankedProfile(*ReadCsvBallots(WriteCsvBallots(*profile)));
  ASSERT_TRUE(again.has_value());
  for (size_t b = 0; b < 2; ++b) {
    for (int c = 0; c < 3; ++c) EXPECT_EQ(again->ranks(b)[c], profile->ranks(b)[c]);
  }
  EXPECT_EQ(ApprovalBallots(*ballots).error().where, "line 2, column 3");  // a 2 is no approval
}

TEST(CsvBallots, ErrorsNameLineAndColumn) {
  EXPECT_EQ(ReadCsvBallots("A,B\n1,x\n").error().where, "line 2, column 2");
  EXPECT_EQ(ReadCsvBallots("count,A,B\n0,1,2\n").error().where, "line 2, column 1");
  EXPECT_EQ(ReadCsvBallots("A,B\n\n1,2,3\n").error().where, "line 3, column 3");
  EXPECT_EQ(RankedProfile(*ReadCsvBallots("A,B\n0,1\n")).error().where, "line 2, column 1");
  EXPECT_EQ(ReadCsvBallots("").error().message, "the file is empty");
}

// Counts that would overflow the sums of a tally are refused, whatever the ballots (fuzzing
// found 1 + 9223372036854775807 voters in a CSV file). At most 10^12 voters, scores up to 10^6.
TEST(CsvBallots, RefuseMoreVotersThanTheCountsHold) {
  constexpr int64_t kMost = 1'000'000'000'000;
  Result<CsvBallots> ballots = ReadCsvBallots("count,A,B\n1,1,2\n9223372036854775807,2,1\n");
  ASSERT_TRUE(ballots.has_value());
  Result<Profile> profile = RankedProfile(*ballots);
  ASSERT_FALSE(profile.has_value());
  EXPECT_EQ(profile.error().where, "line 3");
  EXPECT_EQ(profile.error().message, "an election may have at most 10^12 voters");
  Result<Profile> at_the_limit = RankedProfile(*ReadCsvBallots("count,A\n1000000000000,1\n"));
  ASSERT_TRUE(at_the_limit.has_value());
  EXPECT_EQ(at_the_limit->voter_count(), kMost);

  EXPECT_FALSE(CountApproval(2, {{{0}, kMost}, {{1}, 1}}).has_value());
  EXPECT_TRUE(CountApproval(2, {{{0}, kMost - 1}, {{1}, 1}}).has_value());
  EXPECT_FALSE(CountScore(1, {{{1}, kMost}, {{1}, 1}}, 10).has_value());
  EXPECT_FALSE(CountScore(1, {{{1}, 1}}, 1'000'001).has_value());
  Result<TallyResult> most = CountScore(1, {{{1'000'000}, kMost}}, 1'000'000);
  ASSERT_TRUE(most.has_value());
  EXPECT_EQ(most->scores->at(0), 1'000'000 * kMost);
}

}  // namespace
}  // namespace andel::voting
