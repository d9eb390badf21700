#include "impact/results_tree.h"

#include <algorithm>
#include <functional>

namespace andel::impact {

Result<std::map<int64_t, double>> TreeProgressPercent(const std::vector<ResultNode>& nodes) {
  std::map<int64_t, const ResultNode*> by_id;
  std::map<int64_t, std::vector<const ResultNode*>> children;
  for (const ResultNode& node : nodes) {
    if (node.weight && (*node.weight < 0 || *node.weight > 1)) {
      return Error::InvalidArgument("a weight lies between 0 and 1", "weight");
    }
    if (node.progress_percent && (*node.progress_percent < 0 || *node.progress_percent > 100)) {
      return Error::InvalidArgument("progress lies between 0 and 100", "progress");
    }
    by_id[node.id] = &node;
  }
  for (const ResultNode& node : nodes) {
    if (!node.parent) continue;
    if (!by_id.contains(*node.parent) || *node.parent == node.id) {
      return Error::InvalidArgument("a result's parent is another result", "parent");
    }
    children[*node.parent].push_back(&node);
  }
  std::map<int64_t, double> progress;
  std::map<int64_t, int> state;  // 1: being computed, 2: done
  std::function<bool(const ResultNode&)> visit = [&](const ResultNode& node) {
    int& s = state[node.id];
    if (s == 2) return true;
    if (s == 1) return false;  // a cycle
    s = 1;
    const auto found = children.find(node.id);
    if (found == children.end()) {
      progress[node.id] = node.progress_percent.value_or(0);
    } else {
      const std::vector<const ResultNode*>& kids = found->second;
      const bool weighted =
          std::any_of(kids.begin(), kids.end(), [](const ResultNode* k) { return k->weight; });
      double sum = 0;
      for (const ResultNode* kid : kids) {
        if (!visit(*kid)) return false;
        sum += weighted ? progress[kid->id] * kid->weight.value_or(0) : progress[kid->id];
      }
      progress[node.id] = weighted ? sum : sum / static_cast<double>(kids.size());
    }
    state[node.id] = 2;
    return true;
  };
  for (const ResultNode& node : nodes) {
    if (!visit(node))
      return Error::InvalidArgument("a result's parent is another result", "parent");
  }
  return progress;
}

std::vector<ResultNode> IndicatorNodes(const std::vector<Indicator>& indicators,
                                       const std::map<int64_t, double>& progress) {
  std::vector<ResultNode> nodes;
  nodes.reserve(indicators.size());
  for (const Indicator& indicator : indicators) {
    ResultNode node{indicator.id, indicator.parent, std::nullopt, std::nullopt};
    if (indicator.weight) node.weight = indicator.weight->thousandths / 1000.0;
    if (const auto found = progress.find(indicator.id); found != progress.end()) {
      node.progress_percent = found->second * 100;
    }
    nodes.push_back(node);
  }
  return nodes;
}

}  // namespace andel::impact
