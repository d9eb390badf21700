#include "impact/rollup.h"

#include <set>

#include "core/text.h"

namespace andel::impact {
namespace {

std::string KeyOf(const Indicator& indicator) {
  const std::string what = indicator.catalogue_key.empty()
                               ? "name:" + FoldCase(Trim(indicator.name))
                               : "catalogue:" + indicator.catalogue_key;
  return what + "|" + FoldCase(Trim(indicator.unit)) + "|" +
         std::string(Name(indicator.aggregation));
}

}  // namespace

std::vector<RollupLine> RollUp(const std::vector<ReportingCommunity>& communities, Date today) {
  std::vector<RollupLine> lines;
  std::map<std::string, size_t> line_of;
  for (const ReportingCommunity& community : communities) {
    std::set<int64_t> goals;
    for (const Indicator& indicator : community.indicators) {
      if (indicator.parent) goals.insert(*indicator.parent);
    }
    for (const Indicator& indicator : community.indicators) {
      if (goals.contains(indicator.id)) continue;
      const std::string key = KeyOf(indicator);
      auto [found, added] = line_of.emplace(key, lines.size());
      if (added) lines.push_back({key, {}, std::nullopt});
      RollupEntry entry{community.community_id, indicator, std::nullopt, std::nullopt,
                        std::nullopt};
      static const std::vector<Measurement> kNone;
      const auto effective = community.effective.find(indicator.id);
      entry.current = CurrentValue(
          indicator, effective == community.effective.end() ? kNone : effective->second, today);
      entry.target = TargetOn(indicator, today);
      if (entry.current && entry.target) {
        entry.progress = Progress(indicator, *entry.current, entry.target->value);
      }
      lines[found->second].entries.push_back(std::move(entry));
    }
  }
  for (RollupLine& line : lines) {
    int64_t sum = 0, count = 0;
    for (const RollupEntry& entry : line.entries) {
      if (!entry.current) continue;
      sum += entry.current->thousandths;
      ++count;
    }
    if (count == 0) continue;
    const Aggregation aggregation = line.entries.front().indicator.aggregation;
    line.total = aggregation == Aggregation::kMean ? MeanOf(Quantity{sum}, count) : Quantity{sum};
  }
  return lines;
}

}  // namespace andel::impact
