// Counting a decision's ballots: motions and consent with the motion rules, the other methods with
// the voting library; and the one-line summary recorded at the close.
#include <algorithm>

#include "decisions/decision.h"
#include "voting/cardinal.h"

namespace andel::decisions {
namespace {

int IndexOfOption(const Decision& decision, int id) {
  for (size_t i = 0; i < decision.options.size(); ++i) {
    if (decision.options[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

std::string JoinIds(const std::vector<int>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out;
}

std::vector<int> OptionIds(const Decision& decision, const std::vector<int>& indices) {
  std::vector<int> ids;
  for (int index : indices) ids.push_back(decision.options[static_cast<size_t>(index)].id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

}  // namespace

Result<Outcome> Count(const Decision& decision, const std::vector<StoredBallot>& ballots,
                      int64_t eligible_weight) {
  Outcome outcome;
  outcome.kind = KindOf(decision);
  outcome.ballots = static_cast<int64_t>(ballots.size());
  std::vector<Ballot> parsed;
  parsed.reserve(ballots.size());
  for (const StoredBallot& stored : ballots) {
    Result<Ballot> ballot = ParseBallot(decision, stored.content);
    if (!ballot) return ballot.error();
    parsed.push_back(std::move(*ballot));
  }
  const int n = static_cast<int>(decision.options.size());
  switch (outcome.kind) {
    case Kind::kMotion: {
      std::vector<voting::MotionVote> votes;
      int64_t participated = 0;
      for (size_t i = 0; i < parsed.size(); ++i) {
        const int64_t weight = decision.weighted ? ballots[i].weight : 1;
        votes.push_back({parsed[i].choice, weight});
        participated += weight;
      }
      Result<voting::MotionResult> result =
          voting::DecideMotion(votes, std::max(eligible_weight, participated), RuleOf(decision));
      if (!result) return result.error();
      outcome.motion = *result;
      outcome.passed = result->passed;
      return outcome;
    }
    case Kind::kConsent: {
      std::vector<voting::Objection> objections;
      for (const Ballot& ballot : parsed) {
        if (!ballot.objection) continue;
        objections.push_back({*ballot.objection});
        outcome.objections.push_back(*ballot.objection);
      }
      Result<voting::ConsentResult> result = voting::DecideConsent(objections);
      if (!result) return result.error();
      outcome.consent = *result;
      outcome.passed = result->passed;
      return outcome;
    }
    case Kind::kApproval: {
      std::vector<voting::ApprovalBallot> approvals;
      for (const Ballot& ballot : parsed) {
        voting::ApprovalBallot approval;
        for (int id : ballot.approved) approval.approved.push_back(IndexOfOption(decision, id));
        approvals.push_back(std::move(approval));
      }
      Result<voting::TallyResult> tally = voting::CountApproval(n, approvals);
      if (!tally) return tally.error();
      outcome.tally = std::move(*tally);
      break;
    }
    case Kind::kScore: {
      std::vector<voting::ScoreBallot> scores;
      for (const Ballot& ballot : parsed) {
        voting::ScoreBallot score;
        score.scores.assign(static_cast<size_t>(n), 0);
        for (const auto& [id, value] : ballot.scores) {
          score.scores[static_cast<size_t>(IndexOfOption(decision, id))] = value;
        }
        scores.push_back(std::move(score));
      }
      Result<voting::TallyResult> tally = voting::CountScore(n, scores, decision.max_score);
      if (!tally) return tally.error();
      outcome.tally = std::move(*tally);
      break;
    }
    case Kind::kRanked: {
      std::vector<int> ids;
      std::vector<std::string> names;
      for (const Option& option : decision.options) {
        ids.push_back(option.id);
        names.push_back(option.name);
      }
      voting::Profile profile(ids, names);
      for (const Ballot& ballot : parsed) {
        std::vector<std::vector<int>> order;
        for (const std::vector<int>& position : ballot.ranking) {
          order.emplace_back();
          for (int id : position) order.back().push_back(IndexOfOption(decision, id));
        }
        if (Status added = profile.Add(order, 1); !added) return added.error();
      }
      voting::TallyOptions options;
      options.seats = decision.seats;
      options.seed = decision.seed;
      Result<voting::TallyResult> tally =
          voting::Count(profile, *CountingMethod(decision.method), options);
      if (!tally) return tally.error();
      outcome.tally = std::move(*tally);
      break;
    }
  }
  outcome.winners = OptionIds(decision, outcome.tally->winners);
  outcome.elected = OptionIds(decision, outcome.tally->elected);
  if (!outcome.tally->winners.empty() && outcome.ballots > 0) {
    const int index = voting::DrawWinner(outcome.tally->winners, decision.seed);
    outcome.winner = decision.options[static_cast<size_t>(index)].id;
  }
  return outcome;
}

std::string FormatResultSummary(const Outcome& outcome) {
  if (outcome.kind == Kind::kMotion || outcome.kind == Kind::kConsent) {
    return outcome.passed ? "passed" : "rejected";
  }
  if (!outcome.elected.empty()) return "elected=" + JoinIds(outcome.elected);
  std::string out = "winners=" + JoinIds(outcome.winners);
  if (outcome.winner) out += " winner=" + std::to_string(*outcome.winner);
  return out;
}

}  // namespace andel::decisions
