#include "web/impact/report.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "impact/catalogue.h"
#include "web/funds/actions.h"
#include "web/funds/results.h"

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
Result<std::set<int64_t>> FundedProjects(Context& ctx, const IndicatorTree& web) {
  std::set<int64_t> fund_ids, funded;
  for (const auto& [indicator, links] : web.links) {
    for (const store::ImpactLink& link : links) {
      if (link.subject == store::LinkSubject::kProject && link.fund_phase == "result") {
        fund_ids.insert(link.fund_id);
      }
    }
  }
  for (const int64_t fund_id : fund_ids) {
    Result<funds::Fund> fund = ctx.services.funds.Find(fund_id);
    if (!fund) return fund.error();
    // The stored result: a fund whose result is still being computed (it is queued) counts no
    // funded project until it is there, rather than the report computing it on this request.
    Result<std::optional<FundOutcome>> outcome = StoredFundResult(ctx, *fund);
    if (!outcome) return outcome.error();
    if (!*outcome) continue;
    for (const int index : (*outcome)->outcome.selection_order) {
      funded.insert((*outcome)->projects[static_cast<size_t>(index)]);
    }
  }
  return funded;
}

std::vector<store::ImpactLink> Contributors(const std::vector<store::ImpactLink>& links,
                                            const std::set<int64_t>& funded, int year) {
  std::vector<store::ImpactLink> contributors;
  for (const store::ImpactLink& link : links) {
    const bool decided = link.subject == store::LinkSubject::kProposal && link.closed_at > 0 &&
                         DateFromUnixSeconds(link.closed_at).year <= year;
    const bool chosen =
        link.subject == store::LinkSubject::kProject && funded.contains(link.subject_id);
    const bool growing = link.subject == store::LinkSubject::kInitiative &&
                         (link.stage == "founding" || link.stage == "operating");
    if (decided || chosen || growing) contributors.push_back(link);
  }
  return contributors;
}

}  // namespace

Result<AnnualReport> BuildAnnualReport(Context& ctx, int64_t year) {
  if (year < 1900 || year > 9999) return Error::NotFound("there is no such year", "year");
  AnnualReport report;
  report.year = static_cast<int>(year);
  const int y = report.year;
  const Date year_end{y, 12, 31};
  Result<std::unique_ptr<CommunityImpact>> loaded =
      LoadCommunityImpact(ctx, std::min(year_end, DateFromUnixSeconds(ctx.Now())));
  if (!loaded) return loaded.error();
  report.impact = std::move(*loaded);
  CommunityImpact& impact = *report.impact;
  Result<std::set<int64_t>> funded = FundedProjects(ctx, impact.web);
  if (!funded) return funded.error();
  for (const impact::Indicator& indicator : impact.indicators) {
    ReportIndicator entry;
    entry.indicator = &indicator;
    const std::vector<impact::Measurement> effective =
        impact::Effective(impact.values_of[indicator.id]);
    const std::vector<impact::Measurement> in_year = InYear(effective, y);
    const std::vector<impact::Measurement> year_before = InYear(effective, y - 1);
    entry.value = impact::Aggregate(indicator.aggregation, in_year);
    entry.before = impact::Aggregate(indicator.aggregation, year_before);
    entry.months = impact::Series(indicator, in_year, impact::Granularity::kMonth);
    // The change against the same calendar months of the year before, when that year was
    // measured in each of them: a year not yet over is not set against a whole one.
    std::set<int> months_measured;
    for (const impact::Point& point : entry.months) months_measured.insert(point.period.month);
    std::vector<impact::Measurement> same_months;
    for (const impact::Measurement& m : year_before) {
      if (months_measured.contains(m.period_end.month)) same_months.push_back(m);
    }
    const size_t months_before =
        impact::Series(indicator, year_before, impact::Granularity::kMonth).size();
    const size_t same_months_before =
        impact::Series(indicator, same_months, impact::Granularity::kMonth).size();
    const std::optional<impact::Quantity> comparable =
        impact::Aggregate(indicator.aggregation, same_months);
    if (entry.value && comparable && comparable->thousandths != 0 &&
        same_months_before == months_measured.size()) {
      entry.change_percent = (entry.value->ToDouble() - comparable->ToDouble()) /
                             std::abs(comparable->ToDouble()) * 100;
      entry.change_same_months_only = months_before > same_months_before;
    }
    entry.from_parts = impact.web.parts.contains(indicator.id);
    if (entry.from_parts) {
      entry.progress = impact.web.tree_progress.at(indicator.id);
    } else {
      entry.target = impact::TargetOn(indicator, year_end);
      const std::optional<impact::Quantity> at_end =
          impact::CurrentValue(indicator, effective, year_end);
      if (entry.target && at_end) {
        entry.progress = impact::Progress(indicator, *at_end, entry.target->value);
      }
    }
    entry.contributors = Contributors(impact.web.links[indicator.id], *funded, y);
    if (impact::CountsPartnershipsFormed(indicator)) {
      for (const store::FormedPartnership& partnership : impact.partnerships) {
        if (partnership.day.year == y) ++(partnership.circle ? entry.circles : entry.matches);
      }
    }
    report.indicators.push_back(std::move(entry));
  }
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  for (impact::ValueCase& value_case : *cases) {
    if (DateFromUnixSeconds(value_case.created_at).year == y) {
      report.cases.push_back(std::move(value_case));
    }
  }
  return report;
}

}  // namespace andel::web
