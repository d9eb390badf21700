// What the fund pages and the fund API share: finding the fund a path names, the caller's
// rights in it, its outcome, explanations in words, and the Pabulib file it exports and imports.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "budgeting/rules.h"
#include "core/result.h"
#include "funds/fund.h"
#include "web/context.h"

namespace andel::web {

// The fund named by the path's {id}, in the path's community; kNotFound otherwise.
Result<funds::Fund> FundFromPath(Context& ctx);
// The project named by the path's {project}, in the fund; kNotFound otherwise.
Result<funds::Project> FundProjectFromPath(Context& ctx, const std::vector<funds::Project>& all);

// A new fund from form fields (title, description, amount, currency, ballot, rule, proposers,
// points), checked.
Result<funds::Fund> FundFromFields(const Context& ctx, const Form& form);
// The fields FundFromFields reads: all that the API accepts in a new fund's body.
inline constexpr std::string_view kFundFields[] = {"title",  "description", "amount",    "currency",
                                                   "ballot", "rule",        "proposers", "points"};

// "/c/{slug}/funds/{id}".
std::string FundPath(const Context& ctx, int64_t id);
// A phase's name in the caller's language.
std::string PhaseLabel(const Context& ctx, funds::Phase phase);
std::string ProjectStatusLabel(const Context& ctx, funds::ProjectStatus status);
// "12.500 DKK" (Danish, Dutch) or "12,500 DKK" (English).
std::string Money(const Context& ctx, const funds::Fund& fund, const mpq_class& amount);

// The caller's key as a voter ("p<person id>").
std::string VoterOf(const Context& ctx);
// kPermissionDenied unless the caller may propose projects to the fund.
Status CheckMayPropose(const Context& ctx, const funds::Fund& fund);

std::vector<funds::Project> Feasible(const std::vector<funds::Project>& projects);

// The use cases the fund page and the fund API share. Each checks what the caller sent and may
// do, stores the change, and returns what it made; errors are kInvalidArgument for what the
// caller sent and the store's codes otherwise.
//
// A member proposes a project from form fields (title, description, category, cost).
Result<funds::Project> ProposeProject(Context& ctx, const funds::Fund& fund, const Form& form);
// The board reviews a project: status names a funds::ProjectStatus, the reason is optional.
Status ReviewProject(Context& ctx, const funds::Fund& fund, int64_t project_id,
                     const std::string& status, const std::string& reason);
// The board moves the fund to `phase`; entering the result phase starts computing the result.
Status MoveFundTo(Context& ctx, const funds::Fund& fund, funds::Phase phase);
// A member's ballot while the vote is open, checked against the feasible projects; returns the
// ballot as stored.
Result<funds::Ballot> SaveFundBallot(Context& ctx, const funds::Fund& fund,
                                     const funds::Ballot& ballot);

// A fund's result as the pages and the API show it; stored once computed (web/fund_results.h).
struct FundOutcome {
  std::vector<int64_t> projects;  // the feasible projects' ids; the outcome's indices are into this
  long voters = 0;
  budgeting::Outcome outcome;
  std::vector<funds::VoterGroup> groups;
  std::string fingerprint;  // a hash of the inputs it was computed from
  int64_t computed_at = 0;  // when it was stored (0 while not stored)
};
// The fund's result from its ballots and feasible projects, computed now: heavy (seconds on a
// large imported fund), so only on the compute pool. kUnavailable if the ballots cannot be
// read; the rule's errors otherwise.
Result<FundOutcome> ComputeOutcome(Services& services, const funds::Fund& fund,
                                   const std::vector<funds::Project>& projects);

// A project's explanation in the caller's language.
std::string ExplanationWords(const Context& ctx, const funds::Fund& fund,
                             const budgeting::Explanation& e);

// The fund as a Pabulib file: its feasible projects and its ballots (voters numbered 1, 2, …).
Result<std::string> FundPabulib(Context& ctx, const funds::Fund& fund);
// A fund from a Pabulib file, in the result phase; returns its id.
Result<int64_t> ImportFund(Context& ctx, const std::string& text, const std::string& title);

}  // namespace andel::web
