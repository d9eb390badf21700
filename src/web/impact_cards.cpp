// Indicator cards, the results tree, and the links to the decisions, fund projects and
// initiatives expected to move an indicator.
#include "web/impact_cards.h"

#include <algorithm>
#include <cstring>
#include <set>

#include "funds/fund.h"
#include "impact/charts.h"
#include "impact/results_tree.h"
#include "web/funds.h"
#include "web/initiatives.h"

namespace andel::web {
namespace {

constexpr size_t kChartMonths = 24;

std::string MonthLabel(const Date& period) {
  return FormatIsoDate(period).substr(0, 7);  // "2025-03"
}

// An indicator as a link: name and address.
ViewData IndicatorLink(const Context& ctx, const impact::Indicator& indicator) {
  ViewData link = MakeObject();
  link.set("name", IndicatorName(ctx, indicator));
  link.set("link",
           "/c/" + ctx.community->slug + "/impact/indicators/" + std::to_string(indicator.id));
  return link;
}

// A 64-bit FNV-1a hash of the fields fed to it, for cache keys.
class Fingerprint {
 public:
  Fingerprint& Add(std::string_view text) {
    for (const char c : text) Byte(static_cast<unsigned char>(c));
    Byte(0);
    return *this;
  }
  Fingerprint& Add(int64_t value) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<unsigned char>(value >> (8 * i)));
    return *this;
  }
  Fingerprint& Add(const Date& day) {
    return Add(int64_t{day.year} * 10000 + day.month * 100 + day.day);
  }
  Fingerprint& Add(double value) {
    int64_t bits = 0;
    std::memcpy(&bits, &value, sizeof bits);
    return Add(bits);
  }
  uint64_t value() const { return hash_; }

 private:
  void Byte(unsigned char byte) {
    hash_ ^= byte;
    hash_ *= 1099511628211ULL;
  }
  uint64_t hash_ = 14695981039346656037ULL;
};

// Everything IndicatorCard reads, fingerprinted.
uint64_t CardFingerprint(const Context& ctx, const impact::Indicator& indicator,
                         const std::vector<impact::Measurement>& values, Date today,
                         const ImpactWeb& web) {
  Fingerprint f;
  f.Add(ctx.language).Add(ctx.community->slug).Add(today);
  f.Add(indicator.id).Add(indicator.catalogue_key).Add(indicator.name).Add(indicator.unit);
  f.Add(int64_t{static_cast<int>(indicator.direction)});
  f.Add(int64_t{static_cast<int>(indicator.aggregation)});
  f.Add(indicator.iris_metric).Add(indicator.baseline.thousandths).Add(indicator.baseline_date);
  for (const impact::Target& target : indicator.targets) {
    f.Add(target.value.thousandths).Add(target.due);
  }
  f.Add(indicator.parent.value_or(0)).Add(indicator.weight ? indicator.weight->thousandths : -1);
  if (indicator.parent) {
    if (const auto goal = web.by_id.find(*indicator.parent); goal != web.by_id.end()) {
      f.Add(goal->second->name).Add(goal->second->catalogue_key);
    }
  }
  if (const auto parts = web.parts.find(indicator.id); parts != web.parts.end()) {
    f.Add(web.tree_progress.at(indicator.id));
    for (const int64_t part : parts->second) {
      f.Add(part).Add(web.by_id.at(part)->name).Add(web.by_id.at(part)->catalogue_key);
    }
  }
  if (const auto links = web.links.find(indicator.id); links != web.links.end()) {
    for (const store::ImpactLink& link : links->second) {
      f.Add(int64_t{static_cast<int>(link.subject)}).Add(link.subject_id).Add(link.title);
      f.Add(link.closes_at).Add(link.closed_at).Add(link.fund_id).Add(link.fund_title);
      f.Add(link.fund_phase).Add(link.stage);
    }
  }
  f.Add(static_cast<int64_t>(values.size()));
  for (const impact::Measurement& m : values) {
    f.Add(m.id).Add(m.period_start).Add(m.period_end).Add(m.value.thousandths);
    f.Add(m.supersedes.value_or(0));
  }
  return f.value();
}

}  // namespace

std::string RenderIndicatorCard(Context& ctx, const impact::Indicator& indicator,
                                const std::vector<impact::Measurement>& values, Date today,
                                const ImpactWeb& web) {
  // One entry per card and language, holding the fingerprint before the HTML: a changed card
  // replaces its entry rather than leaving the stale one to age out.
  const std::string key = "impact-card|" + ctx.language + "|" + std::to_string(indicator.id);
  const std::string stamp =
      std::to_string(CardFingerprint(ctx, indicator, values, today, web)) + "\n";
  if (std::shared_ptr<const std::string> cached = ctx.services.cache.Find(key);
      cached && cached->starts_with(stamp)) {
    return cached->substr(stamp.size());
  }
  std::string html = ctx.services.views.Render("impact_card", ctx.language,
                                               IndicatorCard(ctx, indicator, values, today, web));
  ctx.services.cache.Put(key, stamp + html);
  return html;
}

ViewData IndicatorCard(const Context& ctx, const impact::Indicator& indicator,
                       const std::vector<impact::Measurement>& values, Date today,
                       const ImpactWeb& web) {
  ViewData card = MakeObject();
  const std::string name = IndicatorName(ctx, indicator);
  card.set("id", std::to_string(indicator.id));
  card.set("slug", ctx.community->slug);
  card.set("name", name);
  const std::string unit = IndicatorUnit(ctx, indicator);
  card.set("unit", unit);
  const std::vector<impact::Measurement> effective = impact::Effective(values);
  const std::optional<impact::Quantity> current = impact::CurrentValue(indicator, effective, today);
  const std::optional<impact::Target> target = impact::TargetOn(indicator, today);
  const auto label = [&](impact::Quantity q) { return QuantityLabel(ctx, q, unit); };
  // A goal's progress is its parts'; another indicator's is its own.
  const auto parts = web.parts.find(indicator.id);
  const bool is_goal = parts != web.parts.end();
  if (!is_goal || !values.empty()) {
    card.set("baseline", label(indicator.baseline) + " (" +
                             FormatDate(ctx.language, indicator.baseline_date) + ")");
  }
  if (current) card.set("current", label(*current));
  if (target) {
    card.set("target", label(target->value) + " " + ctx.T("by") + " " +
                           FormatDate(ctx.language, target->due));
  }
  std::optional<double> progress;
  if (is_goal) {
    progress = web.tree_progress.at(indicator.id);
    card.set("is_goal", true);
    ViewData items = MakeList();
    for (int64_t part : parts->second) items.push_back(IndicatorLink(ctx, *web.by_id.at(part)));
    card.set("parts", items);
  } else if (current && target) {
    progress = impact::Progress(indicator, *current, target->value);
  }
  if (progress) {
    const std::string percent = ProgressLabel(ctx, *progress);
    card.set("progress", percent);
    const std::string description =
        is_goal ? percent + " " + ctx.T("of the way, from its parts")
                : percent + " " + ctx.T("of the way from the baseline to the target");
    card.set("ring_html", impact::ProgressRingSvg("ring-" + std::to_string(indicator.id), name,
                                                  description, *progress, percent, 96));
  }
  if (indicator.parent) {
    if (const auto goal = web.by_id.find(*indicator.parent); goal != web.by_id.end()) {
      ViewData link = IndicatorLink(ctx, *goal->second);
      if (indicator.weight) link.set("weight", ProgressLabel(ctx, indicator.weight->ToDouble()));
      card.set("goal", link);
    }
  }
  if (const auto links = web.links.find(indicator.id); links != web.links.end()) {
    card.set("moved_by", LinkItems(ctx, links->second));
    card.set("has_moved_by", !links->second.empty());
  }
  // The last two years by month, with the data beside the chart. An indicator that adds up is
  // drawn as its running total since the baseline, which climbs towards the target.
  const bool adds_up = indicator.aggregation == impact::Aggregation::kSum;
  std::vector<impact::Point> series;
  for (const impact::Point& point :
       impact::Series(indicator, effective, impact::Granularity::kMonth)) {
    if (point.period >= Date{indicator.baseline_date.year, indicator.baseline_date.month, 1}) {
      series.push_back(point);
    }
  }
  std::vector<impact::Quantity> totals;
  impact::Quantity total = indicator.baseline;
  for (const impact::Point& point : series) {
    total = total + point.value;
    totals.push_back(total);
  }
  const size_t first = series.size() > kChartMonths ? series.size() - kChartMonths : 0;
  impact::ChartSpec chart;
  chart.id = "chart-" + std::to_string(indicator.id);
  chart.title = name;
  chart.description =
      adds_up
          ? ctx.T(
                "The running total by month since the baseline, with the target as a dashed line.")
          : ctx.T("By month, with the baseline and the target as dashed lines.");
  std::vector<ViewData> rows;
  rows.reserve(series.size() - first);
  for (size_t i = first; i < series.size(); ++i) {
    const impact::Quantity shown = adds_up ? totals[i] : series[i].value;
    chart.points.push_back({MonthLabel(series[i].period), shown.ToDouble(), label(shown)});
    ViewData row = MakeObject();
    row.set("period", MonthLabel(series[i].period));
    row.set("value", label(series[i].value));
    if (adds_up) row.set("total", label(totals[i]));
    rows.push_back(std::move(row));
  }
  if (adds_up) card.set("adds_up", true);
  chart.baseline = impact::ChartReference{indicator.baseline.ToDouble(),
                                          ctx.T("Baseline") + " " + label(indicator.baseline)};
  if (target) {
    chart.target = impact::ChartReference{target->value.ToDouble(),
                                          ctx.T("Target") + " " + label(target->value)};
  }
  if (!series.empty()) {
    card.set("chart_html", impact::LineChartSvg(chart));
    card.set("rows", ViewData(rows));
  }
  return card;
}

std::optional<double> OwnProgress(const impact::Indicator& indicator,
                                  const std::vector<impact::Measurement>& effective, Date today) {
  const std::optional<impact::Quantity> current = impact::CurrentValue(indicator, effective, today);
  const std::optional<impact::Target> target = impact::TargetOn(indicator, today);
  if (!current || !target) return std::nullopt;
  return impact::Progress(indicator, *current, target->value);
}

Result<ImpactWeb> LoadImpactWeb(Context& ctx, const std::vector<impact::Indicator>& indicators,
                                const std::map<int64_t, double>& own_progress) {
  ImpactWeb web;
  for (const impact::Indicator& indicator : indicators) web.by_id[indicator.id] = &indicator;
  for (const impact::Indicator& indicator : indicators) {
    if (indicator.parent && web.by_id.contains(*indicator.parent)) {
      web.parts[*indicator.parent].push_back(indicator.id);
    }
  }
  Result<std::map<int64_t, double>> tree =
      impact::TreeProgress(impact::IndicatorNodes(indicators, own_progress));
  if (!tree) return tree.error();
  for (const auto& [id, percent] : *tree) web.tree_progress[id] = percent / 100;
  Result<std::vector<store::ImpactLink>> links = ctx.services.impact_links.Links(ctx.community->id);
  if (!links) return links.error();
  for (store::ImpactLink& link : *links) web.links[link.indicator_id].push_back(std::move(link));
  return web;
}

Result<std::unique_ptr<CommunityImpact>> LoadCommunityImpact(Context& ctx, Date today) {
  Result<ImpactRecords> records = LoadImpact(ctx, ctx.community->id);
  if (!records) return records.error();
  auto loaded = std::make_unique<CommunityImpact>();
  loaded->indicators = std::move(records->indicators);
  std::map<int64_t, size_t> counts;
  for (const impact::Measurement& m : records->values) ++counts[m.indicator_id];
  for (const auto& [indicator, count] : counts) loaded->values_of[indicator].reserve(count);
  for (impact::Measurement& m : records->values) {
    loaded->values_of[m.indicator_id].push_back(std::move(m));
  }
  // Own progress is needed only where a goal's progress comes from its parts.
  std::map<int64_t, double> own_progress;
  const bool any_part =
      std::any_of(loaded->indicators.begin(), loaded->indicators.end(),
                  [](const impact::Indicator& indicator) { return indicator.parent.has_value(); });
  if (any_part) {
    for (const impact::Indicator& indicator : loaded->indicators) {
      const std::optional<double> progress =
          OwnProgress(indicator, impact::Effective(loaded->values_of[indicator.id]), today);
      if (progress) own_progress[indicator.id] = *progress;
    }
  }
  Result<ImpactWeb> web = LoadImpactWeb(ctx, loaded->indicators, own_progress);
  if (!web) return web.error();
  loaded->web = std::move(*web);
  return loaded;
}

ViewData LinkItems(const Context& ctx, const std::vector<store::ImpactLink>& links,
                   const std::string& project_note) {
  ViewData items = MakeList();
  for (const store::ImpactLink& link : links) {
    ViewData item = MakeObject();
    item.set("title", link.title);
    item.set("subject", std::string(store::Name(link.subject)));
    item.set("subject_id", std::to_string(link.subject_id));
    if (link.subject == store::LinkSubject::kProposal) {
      item.set("kind", ctx.T("Decision"));
      item.set("link",
               "/c/" + ctx.community->slug + "/proposals/" + std::to_string(link.subject_id));
      if (link.closed_at > 0) {
        item.set("state", ctx.T("decided on") + " " +
                              FormatDate(ctx.language, DateFromUnixSeconds(link.closed_at)));
      } else if (link.closes_at > 0) {
        item.set("state", ctx.T("in vote until") + " " +
                              FormatDate(ctx.language, DateFromUnixSeconds(link.closes_at)));
      } else {
        item.set("state", ctx.T("under discussion"));
      }
    } else if (link.subject == store::LinkSubject::kInitiative) {
      item.set("kind", ctx.T("Initiative"));
      item.set("link",
               "/c/" + ctx.community->slug + "/initiatives/" + std::to_string(link.subject_id));
      Result<incubator::Stage> stage = incubator::ParseStage(link.stage);
      item.set("state", stage ? StageLabel(ctx, *stage) : link.stage);
    } else {
      item.set("kind", ctx.T("Fund project"));
      item.set("link", FundPath(ctx, link.fund_id) + "#project-" + std::to_string(link.subject_id));
      Result<funds::Phase> phase = funds::ParsePhase(link.fund_phase);
      item.set("state", link.fund_title + (phase ? ", " + PhaseLabel(ctx, *phase) : "") +
                            (project_note.empty() ? "" : ", " + project_note));
    }
    items.push_back(item);
  }
  return items;
}

Result<ExpectedImpact> LoadExpectedImpact(Context& ctx) {
  ExpectedImpact expected;
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  Result<std::vector<store::ImpactLink>> links = ctx.services.impact_links.Links(ctx.community->id);
  if (!links) return links.error();
  expected.indicators = std::move(*indicators);
  expected.links = std::move(*links);
  return expected;
}

ViewData ExpectedImpactView(const Context& ctx, const ExpectedImpact& expected,
                            store::LinkSubject subject, int64_t subject_id) {
  std::set<int64_t> linked;
  for (const store::ImpactLink& link : expected.links) {
    if (link.subject == subject && link.subject_id == subject_id) linked.insert(link.indicator_id);
  }
  ViewData view = MakeObject();
  ViewData indicators = MakeList();
  ViewData options = MakeList();
  for (const impact::Indicator& indicator : expected.indicators) {
    ViewData item = IndicatorLink(ctx, indicator);
    item.set("id", std::to_string(indicator.id));
    (linked.contains(indicator.id) ? indicators : options).push_back(item);
  }
  view.set("indicators", indicators);
  view.set("has_indicators", !linked.empty());
  view.set("options", options);
  view.set("has_options", linked.size() < expected.indicators.size());
  view.set("subject", std::string(store::Name(subject)) + ":" + std::to_string(subject_id));
  return view;
}

ViewData ResultsTreeRows(const Context& ctx, const ImpactWeb& web) {
  ViewData rows = MakeList();
  if (web.parts.empty()) return rows;
  const auto add = [&](const auto& self, int64_t id, int depth) -> void {
    const impact::Indicator& indicator = *web.by_id.at(id);
    ViewData row = IndicatorLink(ctx, indicator);
    row.set("depth", std::to_string(std::min(depth, 3)));
    const double progress = web.tree_progress.at(id);
    row.set("progress", ProgressLabel(ctx, progress));
    row.set("percent", std::to_string(static_cast<int>(progress * 100 + 0.5)));
    if (indicator.weight) row.set("weight", ProgressLabel(ctx, indicator.weight->ToDouble()));
    const auto parts = web.parts.find(id);
    if (parts != web.parts.end()) row.set("is_goal", true);
    rows.push_back(row);
    if (parts == web.parts.end()) return;
    for (int64_t part : parts->second) self(self, part, depth + 1);
  };
  // The top goals: indicators with parts and no goal above them.
  for (const auto& [id, parts] : web.parts) {
    const impact::Indicator& indicator = *web.by_id.at(id);
    if (!indicator.parent || !web.by_id.contains(*indicator.parent)) add(add, id, 0);
  }
  return rows;
}

}  // namespace andel::web
