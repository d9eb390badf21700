// View data for the decision pages: labels of methods and phases in the request's language, a
// decision's facts, a ballot as words, and the outcome with its explanation (motion
// arithmetic, scores, IRV/STV rounds, the pairwise matrix).
#pragma once

#include <string>

#include "decisions/decision.h"
#include "web/context.h"
#include "web/render/views.h"

namespace andel::web {

std::string MethodLabel(const Context& ctx, decisions::Method method);
std::string PhaseLabel(const Context& ctx, decisions::Phase phase);

// The methods as <option>s for the form that puts a proposal to a vote.
ViewData MethodOptions(const Context& ctx, const std::string& selected);

// method, phase, times, rule, secret/live, options.
ViewData DecisionItem(const Context& ctx, const decisions::Decision& decision);

// A ballot in words: "Yes", "1. Alpha · 2. Beta = Gamma", "Alpha, Gamma", "Alpha: 4 · Beta: 2".
std::string DescribeBallot(const Context& ctx, const decisions::Decision& decision,
                           const decisions::Ballot& ballot);

// The outcome with its explanation, for templates/outcome.html.
ViewData OutcomeItem(const Context& ctx, const decisions::Decision& decision,
                     const decisions::Outcome& outcome);

}  // namespace andel::web
