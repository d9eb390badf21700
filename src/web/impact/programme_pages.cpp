// A municipal programme's roll-up page, and a community board's choice of the programmes it
// reports to.
#include <algorithm>
#include <set>

#include "core/text.h"
#include "impact/charts.h"
#include "web/impact/actions.h"
#include "web/impact/cards.h"
#include "web/impact/handlers.h"
#include "web/impact/programme.h"
#include "web/responses.h"

namespace andel::web {
namespace {

constexpr size_t kChartMonths = 24;

// One line of the roll-up: each community's figures, the total, and small multiples of the
// communities' months with the same figures in a table.
ViewData LineView(const Context& ctx, const ProgrammeRollup& rollup, const impact::RollupLine& line,
                  size_t index, Date today) {
  const impact::Indicator& first = line.entries.front().indicator;
  const std::string unit = IndicatorUnit(ctx, first);
  const auto label = [&](impact::Quantity q) { return QuantityLabel(ctx, q, unit); };
  ViewData view = MakeObject();
  view.set("id", std::to_string(index));
  view.set("name", IndicatorName(ctx, first));
  if (line.total) view.set("total", label(*line.total));
  view.set("total_label", first.aggregation == impact::Aggregation::kMean
                              ? ctx.T("Mean of the communities")
                              : ctx.T("Together"));
  ViewData rows = MakeList();
  std::vector<impact::ChartSpec> panels;
  std::set<std::string> months;
  std::map<std::pair<size_t, std::string>, std::string> cells;  // (column, month) → value
  ViewData columns = MakeList();
  for (const impact::RollupEntry& entry : line.entries) {
    const store::ProgrammeEntry& community = CommunityOf(rollup, entry.community_id);
    ViewData row = MakeObject();
    row.set("community", community.name);
    row.set("link",
            "/c/" + community.slug + "/impact/indicators/" + std::to_string(entry.indicator.id));
    row.set("is_programme", community.community_id == rollup.communities.front().community_id);
    row.set("current", entry.current ? label(*entry.current) : ctx.T("no measurements yet"));
    if (entry.target) {
      row.set("target", label(entry.target->value) + " " + ctx.T("by") + " " +
                            FormatDate(ctx.language, entry.target->due));
    }
    if (entry.progress) row.set("progress", ProgressLabel(ctx, *entry.progress));
    rows.push_back(row);
    // This community's months, the last two years.
    static const std::vector<impact::Measurement> kNone;
    const impact::ReportingCommunity* reporting = nullptr;
    for (const impact::ReportingCommunity& r : rollup.reporting) {
      if (r.community_id == entry.community_id) reporting = &r;
    }
    const auto effective = reporting->effective.find(entry.indicator.id);
    // Drawn as the community's own dashboard draws it: an indicator that adds up as its running
    // total, so that the line ends at the figure in the table.
    const std::vector<impact::ChartedMonth> series = impact::ChartedMonths(
        entry.indicator, effective == reporting->effective.end() ? kNone : effective->second);
    impact::ChartSpec panel = LocalChart(ctx);
    panel.id = "rollup-" + std::to_string(index) + "-" + std::to_string(panels.size());
    panel.title = community.name;
    panel.description = first.aggregation == impact::Aggregation::kSum
                            ? ctx.T("The running total by month since the baseline.")
                            : ctx.T("By month.");
    const Date since{today.year - 2, today.month, 1};
    for (const impact::ChartedMonth& month_figure : series) {
      if (month_figure.period < since) continue;
      const std::string month = FormatIsoDate(month_figure.period).substr(0, 7);
      const std::string shown = label(month_figure.plotted);
      panel.points.push_back({month, month_figure.plotted.ToDouble(), shown});
      months.insert(month);
      cells[{panels.size(), month}] = shown;
    }
    if (panel.points.size() > kChartMonths) {
      panel.points.erase(panel.points.begin(), panel.points.end() - kChartMonths);
    }
    ViewData column = MakeObject();
    column.set("name", community.name);
    columns.push_back(column);
    panels.push_back(std::move(panel));
  }
  view.set("rows", rows);
  view.set("columns", columns);
  ViewData table = MakeList();
  for (const std::string& month : months) {
    ViewData row = MakeObject();
    row.set("month", month);
    ViewData values = MakeList();
    for (size_t c = 0; c < panels.size(); ++c) {
      const auto found = cells.find({c, month});
      values.push_back(ViewData(found == cells.end() ? std::string("–") : found->second));
    }
    row.set("values", values);
    table.push_back(row);
  }
  view.set("months", table);
  if (!months.empty()) {
    view.set("columns_class", "cols-" + std::to_string(std::min<size_t>(panels.size(), 3)));
    view.set("chart_html", impact::SmallMultiplesSvg(
                               "rollup-" + std::to_string(index), IndicatorName(ctx, first),
                               first.aggregation == impact::Aggregation::kSum
                                   ? ctx.T("Each community's running total by month, on "
                                           "its own scale.")
                                   : ctx.T("Each community by month, on its own scale."),
                               panels, panels.size() < 3 ? static_cast<int>(panels.size()) : 3));
  }
  return view;
}

}  // namespace

Result<Response> ShowProgrammeRollup(Context& ctx) {
  const Date today = DateFromUnixSeconds(ctx.Now());
  Result<ProgrammeRollup> rollup = LoadRollup(ctx, today);
  if (!rollup) return rollup.error();
  ViewData page = BasePage(ctx, ctx.T("Programme roll-up") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("programme", ctx.community->name);
  ViewData communities = MakeList();
  for (size_t i = 1; i < rollup->communities.size(); ++i) {
    const store::ProgrammeEntry& community = rollup->communities[i];
    ViewData item = MakeObject();
    item.set("name", community.name);
    item.set("link", "/c/" + community.slug + "/impact");
    item.set("since", FormatDate(ctx.language, DateFromUnixSeconds(community.joined_at)));
    communities.push_back(item);
  }
  page.set("communities", communities);
  page.set("has_communities", rollup->communities.size() > 1);
  ViewData lines = MakeList();
  for (size_t i = 0; i < rollup->lines.size(); ++i) {
    lines.push_back(LineView(ctx, *rollup, rollup->lines[i], i, today));
  }
  page.set("lines", lines);
  page.set("has_lines", !rollup->lines.empty());
  return HtmlPage(ctx, "impact/programme_rollup", page);
}

Result<Response> SubmitProgrammeMembership(Context& ctx) {
  Result<communities::Community> programme =
      ctx.services.communities.FindBySlug(std::string(Trim(ctx.form.Get("programme"))));
  if (!programme) return Error::NotFound("there is no such municipal programme", "programme");
  const Status done = ctx.form.Get("action") == "leave"
                          ? ctx.services.programmes.Leave(programme->id, ctx.community->id,
                                                          ctx.person->id, ctx.Now())
                          : ctx.services.programmes.Join(programme->id, ctx.community->id,
                                                         ctx.person->id, ctx.Now());
  if (!done) return done.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#programmes-heading");
}

}  // namespace andel::web
