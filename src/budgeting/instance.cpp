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

Status CheckInstance(const Instance& instance) {
  constexpr long kMostVoters = 1L << 40;
  if (instance.budget < 0) return Error::InvalidArgument("the budget cannot be negative", "budget");
  for (const Project& project : instance.projects) {
    if (project.cost < 0) return Error::InvalidArgument("the cost is not a number", "cost");
  }
  const int projects = static_cast<int>(instance.projects.size());
  long voters = 0;
  for (const Ballot& ballot : instance.ballots) {
    if (ballot.count < 1) {
      return Error::InvalidArgument("a ballot counts at least one voter", "ballots");
    }
    if (ballot.count > kMostVoters - voters) {
      return Error::InvalidArgument("too many voters", "ballots");
    }
    voters += ballot.count;
    for (int p : ballot.projects) {
      if (p < 0 || p >= projects) {
        return Error::InvalidArgument("the vote names an unknown project", "ballots");
      }
    }
    if (!ballot.points.empty() && ballot.points.size() != ballot.projects.size()) {
      return Error::InvalidArgument("the points do not match the projects voted for", "ballots");
    }
  }
  return Status();
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
