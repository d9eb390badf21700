// The printable annual impact report: for one calendar year, each indicator's value for the
// year against the year before and the progress to its target at the year's end, with a bar
// chart by month and its figures; the value cases written and the SROI analyses made that year.
#include <cmath>
#include <map>

#include "core/text.h"
#include "impact/charts.h"
#include "web/handlers.h"
#include "web/impact.h"
#include "web/responses.h"

namespace andel::web {
namespace {

// The effective measurements whose period ends in `year`.
std::vector<impact::Measurement> InYear(const std::vector<impact::Measurement>& effective,
                                        int year) {
  std::vector<impact::Measurement> in;
  for (const impact::Measurement& m : effective) {
    if (m.period_end.year == year) in.push_back(m);
  }
  return in;
}

}  // namespace

Result<Response> ShowImpactReport(Context& ctx) {
  const int64_t year = ctx.ParamId("year");
  if (year < 1900 || year > 9999) return Error::NotFound("there is no such year", "year");
  Result<ImpactRecords> records = LoadImpact(ctx);
  if (!records) return records.error();
  std::map<int64_t, std::vector<impact::Measurement>> values_of;
  for (const impact::Measurement& m : records->values) values_of[m.indicator_id].push_back(m);
  const int y = static_cast<int>(year);
  const Date year_end{y, 12, 31};
  ViewData page = BasePage(
      ctx, ctx.T("Impact report") + " " + std::to_string(year) + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("year", std::to_string(year));
  page.set("previous_year", std::to_string(year - 1));
  page.set("next_year", std::to_string(year + 1));
  page.set("community", ctx.community->name);
  ViewData cards = MakeList();
  for (const impact::Indicator& indicator : records->indicators) {
    const std::vector<impact::Measurement> effective = impact::Effective(values_of[indicator.id]);
    const std::string unit = IndicatorUnit(ctx, indicator);
    const auto label = [&](impact::Quantity q) { return QuantityLabel(ctx, q, unit); };
    const std::optional<impact::Quantity> value =
        impact::Aggregate(indicator.aggregation, InYear(effective, y));
    const std::optional<impact::Quantity> before =
        impact::Aggregate(indicator.aggregation, InYear(effective, y - 1));
    ViewData card = MakeObject();
    const std::string name = IndicatorName(ctx, indicator);
    card.set("id", std::to_string(indicator.id));
    card.set("name", name);
    card.set("value", value ? label(*value) : ctx.T("no measurements yet"));
    if (before) card.set("before", label(*before));
    // The change against the year before, when that year was measured as fully as this one.
    const size_t months =
        impact::Series(indicator, InYear(effective, y), impact::Granularity::kMonth).size();
    const size_t months_before =
        impact::Series(indicator, InYear(effective, y - 1), impact::Granularity::kMonth).size();
    if (value && before && before->thousandths != 0 && months_before >= months) {
      const double change =
          (value->ToDouble() - before->ToDouble()) / std::abs(before->ToDouble()) * 100;
      card.set("change",
               (change >= 0 ? "+" : "") +
                   FormatInteger(ctx.language, static_cast<int64_t>(std::lround(change))) + " %");
    }
    const std::optional<impact::Quantity> at_end =
        impact::CurrentValue(indicator, effective, year_end);
    if (const std::optional<impact::Target> target = impact::TargetOn(indicator, year_end);
        target && at_end) {
      const double progress = impact::Progress(indicator, *at_end, target->value);
      card.set("progress", ProgressLabel(ctx, progress));
      card.set("target", label(target->value) + " " + ctx.T("by") + " " +
                             FormatDate(ctx.language, target->due));
    }
    // The year by month: bars, and the same figures as a table.
    impact::ChartSpec chart;
    chart.id = "report-" + std::to_string(indicator.id);
    chart.title = name + " " + std::to_string(year);
    chart.description = ctx.T("By month.");
    chart.width = 560;
    chart.height = 200;
    ViewData rows = MakeList();
    for (const impact::Point& point :
         impact::Series(indicator, InYear(effective, y), impact::Granularity::kMonth)) {
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
    cards.push_back(card);
  }
  page.set("indicators", cards);
  page.set("has_indicators", !records->indicators.empty());
  // The value cases written and the analyses made in the year.
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  ViewData case_list = MakeList();
  for (const impact::ValueCase& value_case : *cases) {
    if (DateFromUnixSeconds(value_case.created_at).year != y) continue;
    case_list.push_back(ValueCaseItem(value_case, "/c/" + ctx.community->slug + "/impact/cases/" +
                                                      std::to_string(value_case.id)));
  }
  page.set("has_cases", !case_list.list_value().empty());
  page.set("cases", case_list);
  return HtmlPage(ctx, "impact_report", page);
}

}  // namespace andel::web
