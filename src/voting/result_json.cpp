// Writing a count's figures as JSON.
#include "voting/result_json.h"

#include <boost/json.hpp>
#include <string>

namespace andel::voting {

namespace json = boost::json;

json::object TallyFigures(const TallyResult& tally, const std::function<int64_t(int)>& id_of) {
  json::object out;
  if (tally.scores) {
    json::object scores;
    for (size_t i = 0; i < tally.scores->size(); ++i) {
      scores[std::to_string(id_of(static_cast<int>(i)))] = (*tally.scores)[i];
    }
    out["scores"] = std::move(scores);
  }
  if (!tally.rounds.empty()) {
    json::array rounds;
    for (const Round& round : tally.rounds) {
      json::object votes;
      for (const auto& [candidate, count] : round.votes)
        votes[std::to_string(id_of(candidate))] = count;
      json::array elected, eliminated;
      for (const int c : round.elected) elected.push_back(id_of(c));
      for (const int c : round.eliminated) eliminated.push_back(id_of(c));
      rounds.push_back(json::object{{"votes", std::move(votes)},
                                    {"elected", std::move(elected)},
                                    {"eliminated", std::move(eliminated)},
                                    {"exhausted", round.exhausted}});
    }
    out["rounds"] = std::move(rounds);
    if (tally.method == Method::kStv) out["quota"] = tally.quota;
  }
  if (tally.pairwise) {
    json::array matrix;
    for (int a = 0; a < tally.pairwise->candidate_count; ++a) {
      json::array row;
      for (int b = 0; b < tally.pairwise->candidate_count; ++b)
        row.push_back(tally.pairwise->at(a, b));
      matrix.push_back(std::move(row));
    }
    out["pairwise"] = std::move(matrix);
  }
  return out;
}

json::object MotionFigures(const MotionResult& motion) {
  return json::object{{"yes", motion.yes},
                      {"no", motion.no},
                      {"abstain", motion.abstain},
                      {"eligible", motion.eligible},
                      {"participated", motion.participated},
                      {"quorum_met", motion.quorum_met},
                      {"threshold_met", motion.threshold_met}};
}

}  // namespace andel::voting
