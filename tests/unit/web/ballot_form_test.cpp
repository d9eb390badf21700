// The vote form a member's change of vote starts from: for random ballots of every kind,
// BallotForm writes the fields that ReadBallotForm reads back as the same ballot.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "web/decisions/forms.h"

namespace andel::web {
namespace {

using decisions::Ballot;
using decisions::Decision;
using decisions::Method;

Ballot RandomBallot(const Decision& decision, std::mt19937& random) {
  Ballot ballot;
  switch (decisions::KindOf(decision)) {
    case decisions::Kind::kMotion:
      ballot.choice = static_cast<voting::Choice>(random() % 3);
      break;
    case decisions::Kind::kConsent:
      if (random() % 2) ballot.objection = "not now, because " + std::to_string(random() % 100);
      break;
    case decisions::Kind::kApproval:
      for (const decisions::Option& option : decision.options) {
        if (random() % 2) ballot.approved.push_back(option.id);
      }
      break;
    case decisions::Kind::kScore:
      for (const decisions::Option& option : decision.options) {
        const int score = static_cast<int>(random() % (decision.max_score + 1));
        if (score != 0) ballot.scores[option.id] = score;
      }
      break;
    case decisions::Kind::kRanked: {
      std::vector<int> ids;
      for (const decisions::Option& option : decision.options) {
        if (random() % 4) ids.push_back(option.id);
      }
      std::shuffle(ids.begin(), ids.end(), random);
      for (const int id : ids) {
        if (!ballot.ranking.empty() && random() % 3 == 0) {
          ballot.ranking.back().push_back(id);
          std::sort(ballot.ranking.back().begin(), ballot.ranking.back().end());
        } else {
          ballot.ranking.push_back({id});
        }
      }
      break;
    }
  }
  return ballot;
}

TEST(BallotForm, ReadsBackAsTheSameBallotForEveryKind) {
  std::mt19937 random(7);
  for (const Method method : {Method::kMotion, Method::kConsent, Method::kApproval, Method::kScore,
                              Method::kSchulze, Method::kStv}) {
    for (int round = 0; round < 300; ++round) {
      Decision decision;
      decision.method = method;
      decision.max_score = 1 + static_cast<int>(random() % 9);
      if (method != Method::kMotion && method != Method::kConsent) {
        const int options = 2 + static_cast<int>(random() % 6);
        for (int i = 0; i < options; ++i) decision.options.push_back({10 + i * 3, "O"});
      }
      const Ballot ballot = RandomBallot(decision, random);
      if (!decisions::ValidateBallot(decision, ballot)) continue;
      Result<Ballot> read = ReadBallotForm(decision, BallotForm(decision, ballot));
      ASSERT_TRUE(read.has_value()) << read.error().message;
      EXPECT_EQ(*read, ballot) << decisions::FormatBallot(decision, ballot);
    }
  }
}

}  // namespace
}  // namespace andel::web
