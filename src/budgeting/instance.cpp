#include "budgeting/instance.h"

#include <algorithm>
#include <unordered_map>

namespace andel::budgeting {

long Instance::VoterCount() const {
  long total = 0;
  for (const Ballot& ballot : ballots) total += ballot.count;
  return total;
}

int Instance::IndexOf(const std::string& project_id) const {
  for (size_t p = 0; p < projects.size(); ++p) {
    if (projects[p].id == project_id) return static_cast<int>(p);
  }
  return -1;
}

Instance GroupIdenticalBallots(const Instance& instance) {
  Instance grouped;
  grouped.budget = instance.budget;
  grouped.vote_type = instance.vote_type;
  grouped.currency = instance.currency;
  grouped.projects = instance.projects;
  grouped.meta = instance.meta;
  // A ballot's key: its project indices as bytes, then its points as text.
  std::unordered_map<std::string, size_t> seen;
  seen.reserve(instance.ballots.size());
  std::string key;
  for (const Ballot& ballot : instance.ballots) {
    key.assign(reinterpret_cast<const char*>(ballot.projects.data()),
               ballot.projects.size() * sizeof(int));
    for (const mpq_class& p : ballot.points) key += ";" + p.get_str();
    const auto [it, added] = seen.try_emplace(key, grouped.ballots.size());
    if (added) {
      grouped.ballots.push_back(ballot);
    } else {
      grouped.ballots[it->second].count += ballot.count;
    }
  }
  return grouped;
}

std::string ExactText(const mpq_class& value) {
  mpq_class canonical = value;
  canonical.canonicalize();
  return canonical.get_str();
}

}  // namespace andel::budgeting
