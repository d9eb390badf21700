// Decisions to read ballots for, and ballot equality, shared by the ballot text and JSON API
// targets.
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "decisions/decision.h"

namespace andel::fuzz {

// One decision per method: all but the first two methods get four options (ids 1-4); STV fills
// two seats; scores go up to 5; the quorum is 10%.
inline std::vector<decisions::Decision> DecisionsFor(std::initializer_list<const char*> methods) {
  std::vector<decisions::Decision> out;
  for (const char* method : methods) {
    decisions::Decision decision;
    decision.method = *decisions::ParseMethod(method);
    const bool has_options = out.size() >= 2;
    for (int id = 1; has_options && id <= 4; ++id) {
      decision.options.push_back({id, "option " + std::to_string(id)});
    }
    decision.seats = decision.method == decisions::Method::kStv ? 2 : 1;
    decision.max_score = 5;
    decision.quorum_percent = 10;
    out.push_back(decision);
  }
  return out;
}

// The same ballot, where a score of 0 and no score are the same (text and JSON leave zeros out).
inline bool SameBallot(const decisions::Ballot& a, const decisions::Ballot& b) {
  const auto given = [](const decisions::Ballot& ballot) {
    std::map<int, int> scores;
    for (const auto& [id, score] : ballot.scores) {
      if (score != 0) scores[id] = score;
    }
    return scores;
  };
  return a.choice == b.choice && a.objection == b.objection && a.approved == b.approved &&
         given(a) == given(b) && a.ranking == b.ranking;
}

}  // namespace andel::fuzz
