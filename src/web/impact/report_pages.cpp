// The printable annual impact report (see impact/report.h): each indicator's figure for the year
// against the year before, the progress at the year's end, a bar chart by month with its figures
// beside it, and what contributed; the value cases written that year.
#include <algorithm>
#include <cmath>

#include "core/text.h"
#include "impact/charts.h"
#include "web/impact/actions.h"
#include "web/impact/cards.h"
#include "web/impact/handlers.h"
#include "web/impact/report.h"
#include "web/responses.h"

namespace andel::web {
namespace {

// What contributed to an indicator, as the page lists it.
ViewData ContributionsView(const Context& ctx, const ReportIndicator& entry) {
  ViewData view = MakeObject();
  view.set("items", LinkItems(ctx, entry.contributors, ctx.T("funded")));
  if (entry.matches + entry.circles > 0) {
    view.set("partnerships",
             ctx.T("Partnerships across categories") + ": " +
                 FormatInteger(ctx.language, entry.matches) + " " + ctx.T("accepted matches") +
                 ", " + FormatInteger(ctx.language, entry.circles) + " " + ctx.T("circles"));
  }
  view.set("any", !entry.contributors.empty() || entry.matches + entry.circles > 0);
  return view;
}

ViewData IndicatorView(const Context& ctx, const ReportIndicator& entry, int year) {
  const impact::Indicator& indicator = *entry.indicator;
  const std::string unit = IndicatorUnit(ctx, indicator);
  const auto label = [&](impact::Quantity q) { return QuantityLabel(ctx, q, unit); };
  ViewData card = MakeObject();
  const std::string name = IndicatorName(ctx, indicator);
  card.set("id", std::to_string(indicator.id));
  card.set("name", name);
  card.set("value", entry.value        ? label(*entry.value)
                    : entry.from_parts ? ctx.T("measured by its parts")
                                       : ctx.T("no measurements yet"));
  if (entry.before) card.set("before", label(*entry.before));
  card.set("same_months_only", entry.change_same_months_only);
  if (entry.change_percent) {
    card.set("change", (*entry.change_percent >= 0 ? "+" : "") +
                           FormatInteger(ctx.language,
                                         static_cast<int64_t>(std::lround(*entry.change_percent))) +
                           " %");
  }
  if (entry.progress) card.set("progress", ProgressLabel(ctx, *entry.progress));
  card.set("is_goal", entry.from_parts);
  if (entry.target && entry.progress) {
    card.set("target", label(entry.target->value) + " " + ctx.T("by") + " " +
                           FormatDate(ctx.language, entry.target->due));
  }
  // The year by month: bars, and the same figures as a table.
  impact::ChartSpec chart = LocalChart(ctx);
  chart.id = "report-" + std::to_string(indicator.id);
  chart.title = name + " " + std::to_string(year);
  chart.description = ctx.T("By month.");
  chart.width = 560;
  chart.height = 200;
  ViewData rows = MakeList();
  for (const impact::Point& point : entry.months) {
    const std::string month = FormatIsoDate(point.period).substr(0, 7);
    chart.points.push_back({month.substr(5), point.value.ToDouble(), ""});
    ViewData row = MakeObject();
    row.set("period", month);
    row.set("value", label(point.value));
    rows.push_back(row);
  }
  if (!chart.points.empty()) {
    card.set("chart_html", impact::BarChartSvg(chart));
    card.set("rows", rows);
  }
  card.set("contributions", ContributionsView(ctx, entry));
  return card;
}

}  // namespace

Result<Response> ShowImpactReport(Context& ctx) {
  Result<AnnualReport> report = BuildAnnualReport(ctx, ctx.ParamId("year"));
  if (!report) return report.error();
  const int year = report->year;
  ViewData page = BasePage(
      ctx, ctx.T("Impact report") + " " + std::to_string(year) + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("year", std::to_string(year));
  page.set("previous_year", std::to_string(year - 1));
  // Links to the years around it only where there is something to report: a year before the
  // first measurement or after this one has none.
  int first_year = DateFromUnixSeconds(ctx.Now()).year;
  for (const auto& [indicator, measurements] : report->impact->values_of) {
    for (const impact::Measurement& m : measurements) {
      first_year = std::min(first_year, m.period_start.year);
    }
  }
  if (year - 1 >= first_year) page.set("has_previous", true);
  if (year + 1 <= DateFromUnixSeconds(ctx.Now()).year)
    page.set("next_year", std::to_string(year + 1));
  page.set("community_name", ctx.community->name);
  ViewData cards = MakeList();
  for (const ReportIndicator& entry : report->indicators) {
    cards.push_back(IndicatorView(ctx, entry, year));
  }
  page.set("indicators", cards);
  page.set("has_indicators", !report->indicators.empty());
  ViewData case_list = MakeList();
  for (const impact::ValueCase& value_case : report->cases) {
    case_list.push_back(ValueCaseItem(value_case, "/c/" + ctx.community->slug + "/impact/cases/" +
                                                      std::to_string(value_case.id)));
  }
  page.set("has_cases", !report->cases.empty());
  page.set("cases", case_list);
  return HtmlPage(ctx, "impact/report", page);
}

}  // namespace andel::web
