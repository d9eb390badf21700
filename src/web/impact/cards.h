// An indicator's card as the impact pages show it: its figures, progress ring (a goal's from its
// parts), the goal it is part of and what is expected to move it, and its chart with the figures
// beside it.
#pragma once

#include <string>
#include <vector>

#include "core/date.h"
#include "impact/charts.h"
#include "impact/indicator.h"
#include "web/context.h"
#include "web/impact/indicator_tree.h"

namespace andel::web {

// One indicator's card, from the values of its measurements.
// A chart whose axis labels write numbers as the request's language does.
impact::ChartSpec LocalChart(const Context& ctx);

ViewData IndicatorCard(const Context& ctx, const impact::Indicator& indicator,
                       const std::vector<impact::Measurement>& values, Date today,
                       const IndicatorTree& web);

// The card rendered as HTML, from the server's render cache when nothing it shows has changed:
// the key is a fingerprint of everything IndicatorCard reads (the indicator, the values, the
// day, the language, its goal, parts and links).
std::string RenderIndicatorCard(Context& ctx, const impact::Indicator& indicator,
                                const std::vector<impact::Measurement>& values, Date today,
                                const IndicatorTree& web);

}  // namespace andel::web
