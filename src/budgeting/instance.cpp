#include "budgeting/instance.h"

#include <algorithm>

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
  Instance grouped = instance;
  grouped.ballots.clear();
  std::map<std::pair<std::vector<int>, std::vector<std::string>>, size_t> seen;
  for (const Ballot& ballot : instance.ballots) {
    std::vector<std::string> points;
    for (const mpq_class& p : ballot.points) points.push_back(p.get_str());
    auto key = std::make_pair(ballot.projects, points);
    const auto it = seen.find(key);
    if (it == seen.end()) {
      seen.emplace(std::move(key), grouped.ballots.size());
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
