// What the impact pages know of a community's indicators together: the values by indicator, the
// results tree, and the decisions, fund projects and initiatives expected to move each
// indicator, with the views the pages share.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "impact/indicator.h"
#include "store/impact/impact_link_repository.h"
#include "web/context.h"
#include "web/impact/actions.h"

namespace andel::web {

// What the pages know of the community's indicators together.
struct IndicatorTree {
  std::map<int64_t, const impact::Indicator*> by_id;
  std::map<int64_t, std::vector<int64_t>> parts;            // a goal's parts, in id order
  std::map<int64_t, double> tree_progress;                  // 0–1 for every indicator
  std::map<int64_t, std::vector<store::ImpactLink>> links;  // by indicator
};

// An indicator's own progress on `today` (0–1): from its baseline towards the target that
// counts, by its effective measurements; nothing without a current value or a target.
std::optional<double> OwnProgress(const impact::Indicator& indicator,
                                  const std::vector<impact::Measurement>& effective, Date today);

// The tree and the links of the community's `indicators` (which must outlive the result), given
// each one's own progress where known. A goal's progress comes from its parts (Decidim's rules).
Result<IndicatorTree> LoadIndicatorTree(Context& ctx,
                                        const std::vector<impact::Indicator>& indicators,
                                        const std::map<int64_t, double>& own_progress);

// Everything the dashboard, an indicator's page and the report read of a community's impact:
// its indicators, the values of their measurements by indicator (derived partnerships
// included), and the tree and links.
struct CommunityImpact {
  std::vector<impact::Indicator> indicators;
  std::map<int64_t, std::vector<impact::Measurement>> values_of;
  std::vector<store::FormedPartnership> partnerships;  // as ImpactRecords keeps them
  IndicatorTree web;
};
Result<std::unique_ptr<CommunityImpact>> LoadCommunityImpact(Context& ctx, Date today);

// An indicator as a link: name and address.
ViewData IndicatorLink(const Context& ctx, const impact::Indicator& indicator);

// The decisions and projects linked to an indicator as list items: kind, title, link and state
// in the reader's language; `project_note` ("funded") is added to a project's state.
ViewData LinkItems(const Context& ctx, const std::vector<store::ImpactLink>& links,
                   const std::string& project_note = "");

// The results tree as rows in reading order: goals, then their parts indented (depth 0–3), with
// name, link, weight and progress. Empty if no indicator is part of a goal.
ViewData ResultsTreeRows(const Context& ctx, const IndicatorTree& web);

// What decisions and fund projects are expected to move, for their pages: the community's
// indicators and links, read once per page.
struct ExpectedImpact {
  std::vector<impact::Indicator> indicators;
  std::vector<store::ImpactLink> links;
};
Result<ExpectedImpact> LoadExpectedImpact(Context& ctx);
// For one decision (its proposal) or project: "indicators" (name, link) it is expected to move,
// "has_indicators", and "options" (id, name): the other indicators, which the board may add.
ViewData ExpectedImpactView(const Context& ctx, const ExpectedImpact& expected,
                            store::LinkSubject subject, int64_t subject_id);

// The community's proposals, fund projects and initiatives a board may link to an indicator,
// less those already `linked`: "value" ("proposal:12", "project:5", "initiative:3") and "label".
Result<ViewData> LinkSubjectOptions(Context& ctx, const std::vector<store::ImpactLink>& linked);

}  // namespace andel::web
