// The printable annual impact report: for one calendar year, each indicator's value for the
// year against the year before and the progress to its target at the year's end (a goal's from
// its parts), with a bar chart by month and its figures, and what contributed: the decisions,
// funded projects and partnerships; the value cases written that year.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/text.h"
#include "impact/charts.h"
#include "web/funds.h"
#include "web/handlers.h"
#include "web/impact.h"
#include "web/impact_cards.h"
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

// The projects each fund in its result phase funded, of those linked to the community's
// indicators.
Result<std::set<int64_t>> FundedProjects(Context& ctx,
                                         const std::vector<store::ImpactLink>& links) {
  std::set<int64_t> fund_ids, funded;
  for (const store::ImpactLink& link : links) {
    if (link.subject == store::LinkSubject::kProject && link.fund_phase == "result") {
      fund_ids.insert(link.fund_id);
    }
  }
  for (const int64_t fund_id : fund_ids) {
    Result<funds::Fund> fund = ctx.services.funds.Find(fund_id);
    if (!fund) return fund.error();
    Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund_id);
    if (!projects) return projects.error();
    Result<FundOutcome> outcome = ComputeOutcome(ctx, *fund, *projects);
    if (!outcome) return outcome.error();
    const std::vector<funds::Project> feasible = Feasible(*projects);
    for (const int index : outcome->outcome.selection_order) funded.insert(feasible[index].id);
  }
  return funded;
}

// What contributed to an indicator in the year: the linked decisions decided by its end, the
// linked projects their funds chose, the linked initiatives founding or operating now, and for
// "partnerships formed" the matches and circles.
ViewData Contributions(const Context& ctx, const impact::Indicator& indicator,
                       const std::vector<store::ImpactLink>& links, const std::set<int64_t>& funded,
                       const std::vector<store::FormedPartnership>& partnerships, int year) {
  std::vector<store::ImpactLink> decided, chosen;
  for (const store::ImpactLink& link : links) {
    if (link.subject == store::LinkSubject::kProposal && link.closed_at > 0 &&
        DateFromUnixSeconds(link.closed_at).year <= year) {
      decided.push_back(link);
    }
    if (link.subject == store::LinkSubject::kProject && funded.contains(link.subject_id)) {
      chosen.push_back(link);
    }
    if (link.subject == store::LinkSubject::kInitiative &&
        (link.stage == "founding" || link.stage == "operating")) {
      chosen.push_back(link);
    }
  }
  ViewData view = MakeObject();
  decided.insert(decided.end(), chosen.begin(), chosen.end());
  view.set("items", LinkItems(ctx, decided, ctx.T("funded")));
  bool any = !decided.empty() || !chosen.empty();
  if (indicator.catalogue_key == "partnerships_formed") {
    int64_t matches = 0, circles = 0;
    for (const store::FormedPartnership& partnership : partnerships) {
      if (partnership.day.year != year) continue;
      ++(partnership.circle ? circles : matches);
    }
    if (matches + circles > 0) {
      view.set("partnerships", ctx.T("Partnerships across categories") + ": " +
                                   FormatInteger(ctx.language, matches) + " " +
                                   ctx.T("accepted matches") + ", " +
                                   FormatInteger(ctx.language, circles) + " " + ctx.T("circles"));
      any = true;
    }
  }
  view.set("any", any);
  return view;
}

}  // namespace

Result<Response> ShowImpactReport(Context& ctx) {
  const int64_t year = ctx.ParamId("year");
  if (year < 1900 || year > 9999) return Error::NotFound("there is no such year", "year");
  const int y = static_cast<int>(year);
  const Date year_end{y, 12, 31};
  Result<std::unique_ptr<CommunityImpact>> loaded =
      LoadCommunityImpact(ctx, std::min(year_end, DateFromUnixSeconds(ctx.Now())));
  if (!loaded) return loaded.error();
  CommunityImpact& impact = **loaded;
  std::vector<store::ImpactLink> all_links;
  for (const auto& [id, links] : impact.web.links) {
    all_links.insert(all_links.end(), links.begin(), links.end());
  }
  Result<std::set<int64_t>> funded = FundedProjects(ctx, all_links);
  if (!funded) return funded.error();
  std::vector<store::FormedPartnership> partnerships;
  for (const impact::Indicator& indicator : impact.indicators) {
    if (indicator.catalogue_key != "partnerships_formed") continue;
    Result<std::vector<store::FormedPartnership>> formed =
        ctx.services.impact.PartnershipsFormed(ctx.community->id);
    if (!formed) return formed.error();
    partnerships = std::move(*formed);
    break;
  }
  ViewData page = BasePage(
      ctx, ctx.T("Impact report") + " " + std::to_string(year) + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("year", std::to_string(year));
  page.set("previous_year", std::to_string(year - 1));
  page.set("next_year", std::to_string(year + 1));
  page.set("community", ctx.community->name);
  ViewData cards = MakeList();
  for (const impact::Indicator& indicator : impact.indicators) {
    const std::vector<impact::Measurement> effective =
        impact::Effective(impact.values_of[indicator.id]);
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
    const bool is_goal = impact.web.parts.contains(indicator.id);
    card.set("value", value     ? label(*value)
                      : is_goal ? ctx.T("measured by its parts")
                                : ctx.T("no measurements yet"));
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
    if (is_goal) {
      card.set("progress", ProgressLabel(ctx, impact.web.tree_progress.at(indicator.id)));
      card.set("is_goal", true);
    } else if (const std::optional<impact::Target> target = impact::TargetOn(indicator, year_end);
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
    card.set("contributions", Contributions(ctx, indicator, impact.web.links[indicator.id], *funded,
                                            partnerships, y));
    cards.push_back(card);
  }
  page.set("indicators", cards);
  page.set("has_indicators", !impact.indicators.empty());
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
