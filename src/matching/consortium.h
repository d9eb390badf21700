// Consortia for a task: the smallest team whose offers cover every competence the task needs,
// with members of at least m categories; among the smallest, the largest total pairwise score
// (then the smaller ids). Exact by depth-first search with iterative deepening on the team size
// for up to 16 needed competences and 60 candidates; beyond that, greedy set cover (the member
// covering most of what is left, best score on ties) then category repair, with its guarantee:
// at most H(d) times the smallest cover, d the most needed competences one member covers.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "matching/profile.h"

namespace andel::matching {

struct ConsortiumResult {
  bool feasible = false;
  std::vector<int> members;   // member indices, by id
  std::map<int, int> covers;  // needed competence → the member who covers it (the first, by id)
  std::vector<int> missing;   // needed competences nobody offers (infeasible)
  bool optimal = false;       // found by the exact search
  double bound = 1;           // the team is at most this factor above the smallest (greedy)
  double score = 0;           // total pairwise score of the team
};

// `needs` are competence keys. kInvalidArgument for no needs or min_categories below 0.
Result<ConsortiumResult> FormConsortium(const Profiles& profiles,
                                        const std::vector<std::string>& needs, int min_categories);

// The exact search is used up to these sizes.
constexpr int kExactCompetences = 16;
constexpr int kExactCandidates = 60;

}  // namespace andel::matching
