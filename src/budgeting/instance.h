// A participatory-budgeting instance: the budget, the projects and the voters' ballots, with
// exact rational numbers throughout (GMP), as the rules need them. Pure values.
#pragma once

#include <gmpxx.h>

#include <map>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::budgeting {

enum class VoteType { kApproval, kCumulative, kOrdinal, kScoring };

struct Project {
  std::string id;
  mpq_class cost;
  std::string name;
  std::string category;
};

// One ballot, or several identical ones (count > 1). For approval and ordinal ballots `points`
// is empty; for cumulative and scoring ballots it holds the points given to each project.
// A project named more than once on one ballot is supported once; with points utility its
// points add up (the rules read it so; the Pabulib reader already merges such repeats).
struct Ballot {
  std::vector<int> projects;      // project indices; in rank order for ordinal ballots
  std::vector<mpq_class> points;  // parallel to `projects`
  long count = 1;
};

struct Instance {
  mpq_class budget;
  VoteType vote_type = VoteType::kApproval;
  std::string currency;
  std::vector<Project> projects;
  std::vector<Ballot> ballots;
  std::map<std::string, std::string> meta;  // as read, for writing back

  long VoterCount() const;
  int IndexOf(const std::string& project_id) const;  // -1 if unknown
};

// The limits every rule relies on: a budget and costs of at least 0, ballots naming existing
// projects, each counting 1 to 2⁴⁰ voters (2⁴⁰ in all), and points, if any, one per project
// named. kInvalidArgument naming the field otherwise. Every rule checks it first.
Status CheckInstance(const Instance& instance);

// Merges identical ballots into one with their count (the outcome of every rule is the same).
Instance GroupIdenticalBallots(const Instance& instance);

// "n" or "n/d".
std::string ExactText(const mpq_class& value);

}  // namespace andel::budgeting
