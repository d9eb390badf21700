// What the impact pages know of a community's indicators together: the values by indicator,
// the results tree, and the decisions, fund projects and initiatives expected to move each
// indicator, with their views.
#include "web/impact/indicator_tree.h"

#include <algorithm>
#include <set>

#include "funds/fund.h"
#include "impact/results_tree.h"
#include "web/funds/actions.h"
#include "web/incubator/actions.h"

namespace andel::web {

ViewData IndicatorLink(const Context& ctx, const impact::Indicator& indicator) {
  ViewData link = MakeObject();
  link.set("name", IndicatorName(ctx, indicator));
  link.set("link",
           "/c/" + ctx.community->slug + "/impact/indicators/" + std::to_string(indicator.id));
  return link;
}

std::optional<double> OwnProgress(const impact::Indicator& indicator,
                                  const std::vector<impact::Measurement>& effective, Date today) {
  const std::optional<impact::Quantity> current = impact::CurrentValue(indicator, effective, today);
  const std::optional<impact::Target> target = impact::TargetOn(indicator, today);
  if (!current || !target) return std::nullopt;
  return impact::Progress(indicator, *current, target->value);
}

Result<IndicatorTree> LoadIndicatorTree(Context& ctx,
                                        const std::vector<impact::Indicator>& indicators,
                                        const std::map<int64_t, double>& own_progress) {
  IndicatorTree web;
  for (const impact::Indicator& indicator : indicators) web.by_id[indicator.id] = &indicator;
  for (const impact::Indicator& indicator : indicators) {
    if (indicator.parent && web.by_id.contains(*indicator.parent)) {
      web.parts[*indicator.parent].push_back(indicator.id);
    }
  }
  Result<std::map<int64_t, double>> tree =
      impact::TreeProgressPercent(impact::IndicatorNodes(indicators, own_progress));
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
  loaded->partnerships = std::move(records->partnerships);
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
  Result<IndicatorTree> web = LoadIndicatorTree(ctx, loaded->indicators, own_progress);
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

ViewData ResultsTreeRows(const Context& ctx, const IndicatorTree& web) {
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

Result<ViewData> LinkSubjectOptions(Context& ctx, const std::vector<store::ImpactLink>& linked) {
  std::set<std::pair<store::LinkSubject, int64_t>> taken;
  for (const store::ImpactLink& link : linked) taken.insert({link.subject, link.subject_id});
  ViewData options = MakeList();
  const auto add = [&](store::LinkSubject subject, int64_t id, const std::string& label) {
    if (taken.contains({subject, id})) return;
    ViewData option = MakeObject();
    option.set("value", std::string(store::Name(subject)) + ":" + std::to_string(id));
    option.set("label", label);
    options.push_back(option);
  };
  Result<std::vector<store::ProposalSummary>> proposals =
      ctx.services.decisions.ListProposals(ctx.community->id, 0, 500);
  if (!proposals) return proposals.error();
  for (const store::ProposalSummary& summary : *proposals) {
    add(store::LinkSubject::kProposal, summary.proposal.id,
        ctx.T("Decision") + ": " + summary.proposal.title);
  }
  Result<std::vector<funds::Fund>> funds = ctx.services.funds.List(ctx.community->id);
  if (!funds) return funds.error();
  for (const funds::Fund& fund : *funds) {
    Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund.id);
    if (!projects) return projects.error();
    for (const funds::Project& project : *projects) {
      add(store::LinkSubject::kProject, project.id,
          ctx.T("Fund project") + ": " + project.title + " (" + fund.title + ")");
    }
  }
  Result<std::vector<incubator::Initiative>> initiatives =
      ctx.services.initiatives.List(ctx.community->id);
  if (!initiatives) return initiatives.error();
  for (const incubator::Initiative& initiative : *initiatives) {
    add(store::LinkSubject::kInitiative, initiative.id,
        ctx.T("Initiative") + ": " + initiative.title);
  }
  return options;
}

}  // namespace andel::web
