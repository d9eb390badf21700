// Writing the decision export: a closed decision's export from its facts, ballots and outcome, and
// the export as JSON text, its members in the order the format has always had.
#include "decisions/export.h"

#include <boost/json.hpp>

#include "communities/community.h"
#include "voting/tally.h"

namespace andel::decisions {

namespace {

namespace json = boost::json;

// A count's figures, candidates by id, as voting/result_json.h writes them.
ExportResult FiguresOf(const Decision& decision, const voting::TallyResult& tally) {
  const auto id_of = [&decision](int index) -> int64_t {
    return decision.options[static_cast<size_t>(index)].id;
  };
  ExportResult result;
  if (tally.scores) {
    result.scores.emplace();
    for (size_t i = 0; i < tally.scores->size(); ++i) {
      result.scores->emplace_back(id_of(static_cast<int>(i)), (*tally.scores)[i]);
    }
  }
  if (!tally.rounds.empty()) {
    result.rounds.emplace();
    for (const voting::Round& round : tally.rounds) {
      ExportRound out;
      for (const auto& [candidate, votes] : round.votes) {
        out.votes.emplace_back(id_of(candidate), votes);
      }
      for (const int candidate : round.elected) out.elected.push_back(id_of(candidate));
      for (const int candidate : round.eliminated) out.eliminated.push_back(id_of(candidate));
      out.exhausted = round.exhausted;
      result.rounds->push_back(std::move(out));
    }
    if (tally.method == voting::Method::kStv) result.quota = tally.quota;
  }
  if (tally.pairwise) {
    result.pairwise.emplace();
    for (int a = 0; a < tally.pairwise->candidate_count; ++a) {
      std::vector<int64_t>& row = result.pairwise->emplace_back();
      for (int b = 0; b < tally.pairwise->candidate_count; ++b) {
        row.push_back(tally.pairwise->at(a, b));
      }
    }
  }
  return result;
}

// The outcome as the export publishes it: the figures of its kind, without the summary.
ExportResult ResultOf(const Decision& decision, const Outcome& outcome) {
  ExportResult result;
  if (outcome.tally) result = FiguresOf(decision, *outcome.tally);
  result.ballots = outcome.ballots;
  if (outcome.motion) {
    const voting::MotionResult& motion = *outcome.motion;
    result.yes = motion.yes;
    result.no = motion.no;
    result.abstain = motion.abstain;
    result.eligible = motion.eligible;
    result.participated = motion.participated;
    result.quorum_met = motion.quorum_met;
    result.threshold_met = motion.threshold_met;
  }
  if (outcome.consent) result.objections = outcome.objections;
  if (outcome.kind == Kind::kMotion || outcome.kind == Kind::kConsent) {
    result.passed = outcome.passed;
    return result;
  }
  result.winners.emplace(outcome.winners.begin(), outcome.winners.end());
  if (outcome.winner) result.winner = *outcome.winner;
  if (decision.method == Method::kStv) {
    result.elected.emplace(outcome.elected.begin(), outcome.elected.end());
  }
  return result;
}

template <typename Number>
json::array Numbers(const std::vector<Number>& numbers) {
  json::array out;
  for (const Number number : numbers) out.push_back(static_cast<int64_t>(number));
  return out;
}

json::array Texts(const std::vector<std::string>& texts) {
  json::array out;
  for (const std::string& text : texts) out.push_back(json::string(text));
  return out;
}

json::object ByCandidate(const std::vector<std::pair<int64_t, int64_t>>& figures) {
  json::object out;
  for (const auto& [id, figure] : figures) out[std::to_string(id)] = figure;
  return out;
}

json::object ExportBallotJson(Kind kind, const ExportBallot& entry) {
  json::object out = BallotJson(kind, entry.ballot);
  out["receipt"] = entry.receipt;
  if (entry.weight) out["weight"] = *entry.weight;
  return out;
}

json::object ResultJson(const ExportResult& result) {
  json::object out;
  const auto number = [&out](std::string_view key, const std::optional<int64_t>& value) {
    if (value) out[key] = *value;
  };
  const auto truth = [&out](std::string_view key, const std::optional<bool>& value) {
    if (value) out[key] = *value;
  };
  number("ballots", result.ballots);
  number("yes", result.yes);
  number("no", result.no);
  number("abstain", result.abstain);
  number("eligible", result.eligible);
  number("participated", result.participated);
  truth("quorum_met", result.quorum_met);
  truth("threshold_met", result.threshold_met);
  if (result.objections) {
    out["objections"] = Texts(*result.objections);
  } else {
    number("objections", result.objection_count);
  }
  truth("passed", result.passed);
  if (result.winners) out["winners"] = Numbers(*result.winners);
  number("winner", result.winner);
  if (result.elected) out["elected"] = Numbers(*result.elected);
  if (result.scores) out["scores"] = ByCandidate(*result.scores);
  if (result.rounds) {
    json::array rounds;
    for (const ExportRound& round : *result.rounds) {
      rounds.push_back(json::object{{"votes", ByCandidate(round.votes)},
                                    {"elected", Numbers(round.elected)},
                                    {"eliminated", Numbers(round.eliminated)},
                                    {"exhausted", round.exhausted}});
    }
    out["rounds"] = std::move(rounds);
  }
  number("quota", result.quota);
  if (result.pairwise) {
    json::array matrix;
    for (const std::vector<int64_t>& row : *result.pairwise) matrix.push_back(Numbers(row));
    out["pairwise"] = std::move(matrix);
  }
  if (result.summary) out["summary"] = *result.summary;
  return out;
}

}  // namespace

json::object BallotJson(Kind kind, const Ballot& ballot) {
  json::object out;
  switch (kind) {
    case Kind::kMotion:
      out["choice"] = ballot.choice == voting::Choice::kYes  ? "yes"
                      : ballot.choice == voting::Choice::kNo ? "no"
                                                             : "abstain";
      break;
    case Kind::kConsent:
      if (ballot.objection) {
        out["objection"] = *ballot.objection;
      } else {
        out["consent"] = true;
      }
      break;
    case Kind::kApproval:
      out["approved"] = Numbers(ballot.approved);
      break;
    case Kind::kScore: {
      json::object scores;
      for (const auto& [id, score] : ballot.scores) scores[std::to_string(id)] = score;
      out["scores"] = std::move(scores);
      break;
    }
    case Kind::kRanked: {
      json::array ranking;
      for (const std::vector<int>& position : ballot.ranking) ranking.push_back(Numbers(position));
      out["ranking"] = std::move(ranking);
      break;
    }
  }
  return out;
}

Result<DecisionExport> ExportOf(const Decision& decision, std::string title, ExportRoll roll,
                                const std::vector<StoredBallot>& ballots, const Outcome& outcome) {
  DecisionExport out;
  out.method = decision.method;
  out.decision = decision.id;
  out.title = std::move(title);
  out.secret = decision.secret;
  out.opens_at = decision.opens_at;
  out.closes_at = decision.closes_at;
  out.seed = static_cast<int64_t>(decision.seed);
  const Kind kind = KindOf(decision);
  if (decision.method == Method::kStv) out.seats = decision.seats;
  if (kind == Kind::kScore) out.max_score = decision.max_score;
  if (kind == Kind::kMotion) {
    out.quorum_percent = decision.quorum_percent;
    out.threshold = communities::FormatFraction(decision.threshold);
    out.weighted = decision.weighted;
    out.eligible = decision.eligible_weight;
  }
  out.roll = std::move(roll);
  out.candidates = decision.options;
  for (const StoredBallot& stored : ballots) {
    Result<Ballot> ballot = ParseBallot(decision, stored.content);
    if (!ballot) return ballot.error();
    ExportBallot& entry = out.ballots.emplace_back();
    entry.receipt = stored.receipt;
    entry.ballot = std::move(*ballot);
    if (decision.weighted) entry.weight = stored.weight;
    out.receipts.push_back(stored.receipt);
  }
  out.result = ResultOf(decision, outcome);
  out.result.summary = decision.result;
  return out;
}

std::string WriteDecisionExport(const DecisionExport& e) {
  json::object root{{"format", kDecisionExportFormat}};
  const auto number = [&root](std::string_view key, const std::optional<int64_t>& value) {
    if (value) root[key] = *value;
  };
  const auto truth = [&root](std::string_view key, const std::optional<bool>& value) {
    if (value) root[key] = *value;
  };
  number("decision", e.decision);
  if (e.title) root["title"] = *e.title;
  root["method"] = MethodName(e.method);
  truth("secret", e.secret);
  number("opens_at", e.opens_at);
  number("closes_at", e.closes_at);
  number("seed", e.seed);
  number("seats", e.seats);
  number("max_score", e.max_score);
  number("quorum_percent", e.quorum_percent);
  if (e.threshold) root["threshold"] = *e.threshold;
  truth("weighted", e.weighted);
  number("eligible", e.eligible);
  if (e.roll) {
    root["roll"] = json::object{{"size", e.roll->size},
                                {"weight", e.roll->weight},
                                {"codes", Texts(e.roll->codes)},
                                {"voted", Texts(e.roll->voted)}};
  }
  json::array candidates;
  for (const Option& option : e.candidates) {
    candidates.push_back(json::object{{"id", option.id}, {"name", option.name}});
  }
  root["candidates"] = std::move(candidates);
  json::array ballots;
  for (const ExportBallot& entry : e.ballots)
    ballots.push_back(ExportBallotJson(KindOf(e.method), entry));
  root["ballots"] = std::move(ballots);
  root["receipts"] = Texts(e.receipts);
  root["result"] = ResultJson(e.result);
  return json::serialize(root);
}

}  // namespace andel::decisions
