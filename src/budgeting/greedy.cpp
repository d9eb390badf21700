// The greedy rule: most utility per cost first, every project that still fits.
#include <algorithm>
#include <numeric>

#include "budgeting/rules_internal.h"

namespace andel::budgeting {
namespace internal {

Result<Utilities> ComputeUtilities(const Instance& instance, Utility utility) {
  if (Status valid = CheckInstance(instance); !valid) return valid.error();
  Utilities u;
  u.uniform = utility != Utility::kPoints;
  u.supporters.resize(instance.projects.size());
  if (u.uniform) {
    u.of_project.resize(instance.projects.size());
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      u.of_project[p] = utility == Utility::kCost ? instance.projects[p].cost : mpq_class(1);
    }
  } else {
    u.points.resize(instance.projects.size());
  }
  // Each ballot group is a project's supporter at most once, however often its ballot names
  // the project (with points utility the points add up): the wallets move a supporter's money
  // once per purchase, and count it once per price.
  std::vector<int> named_by(instance.projects.size(), -1);  // project → last group naming it
  std::vector<mpq_class> sum(instance.projects.size());     // points: project → this ballot's
  std::vector<size_t> named;                                // points: this ballot's projects
  for (size_t g = 0; g < instance.ballots.size(); ++g) {
    const Ballot& ballot = instance.ballots[g];
    const int group = static_cast<int>(g);
    if (!u.uniform && ballot.points.size() != ballot.projects.size()) {
      return Error::InvalidArgument("points utility needs ballots with points", "utility");
    }
    named.clear();
    for (size_t i = 0; i < ballot.projects.size(); ++i) {
      const size_t p = static_cast<size_t>(ballot.projects[i]);
      const bool first = named_by[p] != group;
      named_by[p] = group;
      if (u.uniform) {
        if (first && u.of_project[p] > 0) u.supporters[p].push_back(group);
        continue;
      }
      if (first) {
        sum[p] = 0;
        named.push_back(p);
      }
      sum[p] += ballot.points[i];
    }
    for (size_t p : named) {
      if (sum[p] <= 0) continue;
      u.supporters[p].push_back(group);
      u.points[p].push_back(sum[p]);
    }
  }
  return u;
}

std::vector<int> GreedyOrder(const Instance& instance, const Utilities& u, Utility utility) {
  const size_t n = instance.projects.size();
  std::vector<mpq_class> total(n);
  for (size_t p = 0; p < n; ++p) {
    long supporters = 0;
    for (size_t s = 0; s < u.supporters[p].size(); ++s) {
      const long w = instance.ballots[static_cast<size_t>(u.supporters[p][s])].count;
      if (utility == Utility::kPoints) {
        total[p] += u.points[p][s] * w;
      } else {
        supporters += w;
      }
    }
    // Cost utility divided by cost is the number of supporters; card utility is that too.
    if (utility != Utility::kPoints) total[p] = supporters;
  }
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return instance.projects[static_cast<size_t>(a)].id <
           instance.projects[static_cast<size_t>(b)].id;
  });
  // (class, value): a supported project by its ratio, one of cost 0 first, an unsupported last.
  std::vector<std::pair<int, mpq_class>> key(n);
  for (size_t p = 0; p < n; ++p) {
    const mpq_class& cost = instance.projects[p].cost;
    if (total[p] == 0) {
      key[p] = {0, 0};
    } else if (utility == Utility::kCost) {
      key[p] = {1, total[p]};
    } else if (cost == 0) {
      key[p] = {2, 0};
    } else {
      key[p] = {1, total[p] / cost};
    }
  }
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
    const auto& ka = key[static_cast<size_t>(a)];
    const auto& kb = key[static_cast<size_t>(b)];
    if (ka.first != kb.first) return ka.first > kb.first;
    return ka.second > kb.second;
  });
  return order;
}

void GreedyWalk(const Instance& instance, const std::vector<int>& order, mpq_class& total,
                std::vector<bool>& selected, Outcome& outcome, const std::string& how) {
  int position = 0;
  for (int p : order) {
    ++position;
    if (selected[static_cast<size_t>(p)]) continue;
    const mpq_class& cost = instance.projects[static_cast<size_t>(p)].cost;
    Explanation& e = outcome.explanations[p];
    if (total + cost <= instance.budget) {
      total += cost;
      selected[static_cast<size_t>(p)] = true;
      outcome.selection_order.push_back(p);
      e = Explanation{};
      e.funded = true;
      e.how = how;
      e.round = position;
    } else if (!e.funded && e.reason.empty()) {
      e.reason = "did_not_fit";
      e.round = position;
      e.cost = cost;
    }
  }
}

}  // namespace internal

Result<Outcome> Greedy(const Instance& instance, Utility utility) {
  Result<internal::Utilities> u = internal::ComputeUtilities(instance, utility);
  if (!u) return u.error();
  Outcome outcome;
  std::vector<bool> selected(instance.projects.size(), false);
  for (size_t p = 0; p < instance.projects.size(); ++p) outcome.explanations[static_cast<int>(p)];
  internal::GreedyWalk(instance, internal::GreedyOrder(instance, *u, utility), outcome.total_cost,
                       selected, outcome, "greedy");
  return outcome;
}

}  // namespace andel::budgeting
