// Indicator cards: an indicator's figures, progress ring and chart with the figures beside it,
// rendered once and kept while nothing on them changes.
#include "web/impact/cards.h"

#include <cstring>

#include "impact/charts.h"

namespace andel::web {
namespace {

constexpr size_t kChartMonths = 24;

std::string MonthLabel(const Date& period) {
  return FormatIsoDate(period).substr(0, 7);  // "2025-03"
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
                         const IndicatorTree& web) {
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
                                const IndicatorTree& web) {
  // One entry per card and language, holding the fingerprint before the HTML: a changed card
  // replaces its entry rather than leaving the stale one to age out.
  const std::string key = "impact-card|" + ctx.language + "|" + std::to_string(indicator.id);
  const std::string stamp =
      std::to_string(CardFingerprint(ctx, indicator, values, today, web)) + "\n";
  if (std::shared_ptr<const std::string> cached = ctx.services.cache.Find(key);
      cached && cached->starts_with(stamp)) {
    return cached->substr(stamp.size());
  }
  std::string html = ctx.services.views.Render("impact/card", ctx.language,
                                               IndicatorCard(ctx, indicator, values, today, web));
  ctx.services.cache.Put(key, stamp + html);
  return html;
}

impact::ChartSpec LocalChart(const Context& ctx) {
  impact::ChartSpec chart;
  chart.thousands_separator = ctx.language == "en" ? ',' : '.';
  chart.decimal_separator = ctx.language == "en" ? '.' : ',';
  return chart;
}

ViewData IndicatorCard(const Context& ctx, const impact::Indicator& indicator,
                       const std::vector<impact::Measurement>& values, Date today,
                       const IndicatorTree& web) {
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
  const std::vector<impact::ChartedMonth> series = impact::ChartedMonths(indicator, effective);
  const size_t first = series.size() > kChartMonths ? series.size() - kChartMonths : 0;
  impact::ChartSpec chart = LocalChart(ctx);
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
    const impact::Quantity shown = series[i].plotted;
    chart.points.push_back({MonthLabel(series[i].period), shown.ToDouble(), label(shown)});
    ViewData row = MakeObject();
    row.set("period", MonthLabel(series[i].period));
    row.set("value", label(series[i].value));
    if (adds_up) row.set("total", label(shown));
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

}  // namespace andel::web
