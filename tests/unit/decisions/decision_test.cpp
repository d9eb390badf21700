// Decisions: validation, the stored ballot text (written then read back over many random
// ballots), rank numbers to rankings (against a brute-force definition), and counting a
// decision's ballots against the voting library directly.
#include "decisions/decision.h"

#include <gtest/gtest.h>

#include <random>

#include "voting/tally.h"

namespace andel::decisions {
namespace {

Decision Ranked(const std::string& method, int options) {
  Decision decision;
  decision.method = *ParseMethod(method);
  for (int i = 1; i <= options; ++i) decision.options.push_back({0, "Option " + std::to_string(i)});
  decision.opens_at = 1000;
  decision.closes_at = 2000;
  EXPECT_TRUE(ValidateDecision(decision).has_value());
  return decision;
}

TEST(Decision, ValidationNamesTheField) {
  Decision decision = Ranked("irv", 3);
  EXPECT_EQ(decision.options[2].id, 3);
  EXPECT_EQ(ParseMethod("dictator").error().where, "method");
  Decision one = decision;
  one.options.resize(1);
  EXPECT_EQ(ValidateDecision(one).error().where, "options");
  Decision twins = decision;
  twins.options[1].name = "option 1";  // the same name, folded
  EXPECT_EQ(ValidateDecision(twins).error().where, "options");
  Decision stv = decision;
  stv.method = Method::kStv;
  stv.seats = 3;
  EXPECT_EQ(ValidateDecision(stv).error().where, "seats");
  Decision backwards = decision;
  backwards.closes_at = backwards.opens_at;
  EXPECT_EQ(ValidateDecision(backwards).error().where, "closes_at");
  Decision motion;
  motion.options.push_back({0, "ignored"});
  motion.closes_at = 10;
  ASSERT_TRUE(ValidateDecision(motion).has_value());
  EXPECT_TRUE(motion.options.empty());
  motion.threshold = {3, 2};
  EXPECT_EQ(ValidateDecision(motion).error().where, "threshold");
}

TEST(Decision, PhasesFollowTheClock) {
  Decision decision = Ranked("borda", 2);
  EXPECT_EQ(PhaseAt(decision, 999), Phase::kUpcoming);
  EXPECT_EQ(PhaseAt(decision, 1000), Phase::kOpen);
  EXPECT_EQ(PhaseAt(decision, 2000), Phase::kClosing);
  decision.closed_at = 2001;
  EXPECT_EQ(PhaseAt(decision, 1500), Phase::kClosed);
}

TEST(Ballot, TextRoundTripsForEveryKind) {
  std::mt19937 random(7);
  for (const char* method : {"motion", "consent", "approval", "score", "irv", "stv", "schulze"}) {
    Decision decision = Ranked(method, 5);
    for (int round = 0; round < 200; ++round) {
      Ballot ballot;
      ballot.choice = static_cast<voting::Choice>(random() % 3);
      if (random() % 2) ballot.objection = "reason " + std::to_string(round);
      std::vector<int> ids = {1, 2, 3, 4, 5};
      std::shuffle(ids.begin(), ids.end(), random);
      const size_t used = random() % 6;
      for (size_t i = 0; i < used; ++i) {
        ballot.approved.push_back(ids[i]);
        if (random() % 3) ballot.scores[ids[i]] = 1 + static_cast<int>(random() % 5);
        if (!ballot.ranking.empty() && random() % 3 == 0) {
          ballot.ranking.back().push_back(ids[i]);
        } else {
          ballot.ranking.push_back({ids[i]});
        }
      }
      std::sort(ballot.approved.begin(), ballot.approved.end());
      const std::string text = FormatBallot(decision, ballot);
      Result<Ballot> read = ParseBallot(decision, text);
      ASSERT_TRUE(read.has_value()) << method << ": " << text;
      EXPECT_EQ(FormatBallot(decision, *read), text) << method;
    }
  }
}

TEST(Ballot, BadTextIsRefused) {
  Decision ranked = Ranked("irv", 3);
  for (const char* text : {"1 1", "4", "1 x", "1==2", "-1"}) {
    EXPECT_FALSE(ParseBallot(ranked, text).has_value()) << text;
  }
  Decision score = Ranked("score", 3);
  EXPECT_FALSE(ParseBallot(score, "1:6").has_value());  // above max_score 5
  EXPECT_FALSE(ParseBallot(score, "1:2 1:3").has_value());
  Decision consent;
  consent.method = Method::kConsent;
  EXPECT_EQ(ParseBallot(consent, "object:   ").error().where, "reason");
  EXPECT_FALSE(ParseBallot(consent, "maybe").has_value());
}

// The definition: options with a smaller number come first; equal numbers share a position.
TEST(Ballot, RankNumbersAgreeWithTheirDefinition) {
  std::mt19937 random(11);
  for (int round = 0; round < 500; ++round) {
    const int n = 1 + static_cast<int>(random() % 6);
    Decision decision = Ranked("schulze", std::max(n, 2));
    std::map<int, int> numbers;
    for (int id = 1; id <= static_cast<int>(decision.options.size()); ++id) {
      if (random() % 4) numbers[id] = 1 + static_cast<int>(random() % decision.options.size());
    }
    Result<std::vector<std::vector<int>>> ranking = RankingFromNumbers(decision, numbers);
    ASSERT_TRUE(ranking.has_value());
    std::map<int, size_t> position;
    for (size_t p = 0; p < ranking->size(); ++p) {
      for (int id : (*ranking)[p]) position[id] = p;
    }
    ASSERT_EQ(position.size(), numbers.size());
    for (const auto& [a, x] : numbers) {
      for (const auto& [b, y] : numbers) {
        EXPECT_EQ(x < y, position[a] < position[b]);
        EXPECT_EQ(x == y, position[a] == position[b]);
      }
    }
  }
  Decision decision = Ranked("irv", 3);
  EXPECT_EQ(RankingFromNumbers(decision, {{1, 4}}).error().where, "rank");
  EXPECT_EQ(RankingFromNumbers(decision, {{1, 0}}).error().where, "rank");
}

TEST(Count, RankedDecisionsCountAsTheLibraryDoes) {
  std::mt19937 random(3);
  for (const char* method : {"irv", "schulze", "borda", "copeland", "ranked_pairs", "stv"}) {
    for (int round = 0; round < 40; ++round) {
      Decision decision = Ranked(method, 4);
      decision.seats = 2;
      ASSERT_TRUE(ValidateDecision(decision).has_value());
      voting::Profile profile({1, 2, 3, 4}, {"a", "b", "c", "d"});
      std::vector<StoredBallot> ballots;
      const int voters = 1 + static_cast<int>(random() % 12);
      for (int v = 0; v < voters; ++v) {
        std::vector<int> ids = {1, 2, 3, 4};
        std::shuffle(ids.begin(), ids.end(), random);
        ids.resize(1 + random() % 4);
        Ballot ballot;
        std::vector<std::vector<int>> order;
        for (int id : ids) {
          ballot.ranking.push_back({id});
          order.push_back({id - 1});
        }
        ballots.push_back({"r" + std::to_string(v), FormatBallot(decision, ballot), 1});
        ASSERT_TRUE(profile.Add(order, 1).has_value());
      }
      Result<Outcome> outcome = Count(decision, ballots, voters);
      ASSERT_TRUE(outcome.has_value()) << method;
      voting::TallyOptions options;
      options.seats = 2;
      options.seed = decision.seed;
      Result<voting::TallyResult> direct =
          voting::Count(profile, *voting::ParseMethod(method), options);
      ASSERT_TRUE(direct.has_value());
      std::vector<int> winners;
      for (int c : direct->winners) winners.push_back(c + 1);
      EXPECT_EQ(outcome->winners, winners) << method;
      if (std::string(method) == "stv") {
        EXPECT_EQ(outcome->elected.size(), 2u);
      }
    }
  }
}

TEST(Count, MotionsUseTheRuleAndWeights) {
  Decision motion;
  motion.quorum_percent = 50;
  motion.threshold = {2, 3};
  motion.closes_at = 10;
  ASSERT_TRUE(ValidateDecision(motion).has_value());
  std::vector<StoredBallot> ballots = {
      {"a", "yes", 1}, {"b", "yes", 1}, {"c", "no", 1}, {"d", "abstain", 1}};
  Result<Outcome> outcome = Count(motion, ballots, 8);
  ASSERT_TRUE(outcome.has_value());
  EXPECT_TRUE(outcome->motion->quorum_met);     // 4 of 8
  EXPECT_TRUE(outcome->motion->threshold_met);  // 2 of 3 yes and no: at least 2/3
  EXPECT_TRUE(outcome->passed);
  EXPECT_EQ(FormatResultSummary(*outcome), "passed");
  EXPECT_FALSE(Count(motion, ballots, 9)->passed);  // 4 of 9: no quorum
  // Weighted by shares: the no voter holds 5 shares.
  motion.weighted = true;
  ballots[2].weight = 5;
  EXPECT_FALSE(Count(motion, ballots, 10)->passed);
  // A simple majority means more than half.
  motion.weighted = false;
  motion.threshold = {1, 2};
  EXPECT_FALSE(Count(motion, {{"a", "yes", 1}, {"b", "no", 1}}, 2)->passed);
}

TEST(Count, ConsentPassesUnlessSomeoneObjects) {
  Decision consent;
  consent.method = Method::kConsent;
  consent.closes_at = 10;
  ASSERT_TRUE(ValidateDecision(consent).has_value());
  EXPECT_TRUE(Count(consent, {{"a", "consent", 1}}, 3)->passed);
  Result<Outcome> objected = Count(consent, {{"a", "consent", 1}, {"b", "object:Too soon", 1}}, 3);
  EXPECT_FALSE(objected->passed);
  EXPECT_EQ(objected->objections, std::vector<std::string>{"Too soon"});
}

}  // namespace
}  // namespace andel::decisions
