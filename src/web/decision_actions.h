// What the decision pages and the decision API share: reading a decision or a ballot from a
// form or JSON, finding the proposal or decision an address names, casting a ballot, closing
// decisions whose time has come, the outcome a viewer may see, and the export anyone can recount.
#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decisions/decision.h"
#include "store/ballot_writer.h"
#include "store/decision_repository.h"
#include "web/context.h"

namespace andel::web {

// A decision as a board member asks for it; the rest comes from the statutes.
struct DecisionFields {
  std::string method = "motion";
  std::vector<std::string> options;
  int seats = 1;
  int max_score = 5;
  std::optional<int> quorum;  // percent; the statutes' if absent
  std::string threshold;      // "simple", "qualified" (the statutes'), or a share: "3/4", "1"
  bool secret = false;
  bool live_results = false;
  std::optional<int64_t> opens_at;  // now if absent
  int64_t closes_at = 0;
};

// From the page's form: options one per line; opens/closes as datetime-local (Central European
// Time); numbers as text. kInvalidArgument naming the field at fault.
Result<DecisionFields> ReadDecisionForm(const Form& form);
Result<DecisionFields> ReadDecisionJson(const boost::json::object& body);

// The decision for proposal `proposal_id` of the route's community, checked.
Result<decisions::Decision> BuildDecision(Context& ctx, int64_t proposal_id,
                                          const DecisionFields& fields);

// The proposal the route's {id} names in the route's community.
Result<store::ProposalSummary> ProposalFromPath(Context& ctx);

// The decision the route's {id} names, with the community and the caller's membership set on
// ctx as for a community route. kNotFound if the caller may not see the community.
Result<decisions::Decision> DecisionFromPath(Context& ctx);

// Closes the decisions whose time has come and sends reminders for those closing within a day.
// Runs before a decision is shown and from the server's timer, at most once per clock second
// (a decision past its time is never open to votes meanwhile: casting checks the time itself);
// errors are logged.
void SweepDecisions(Services& services);

// A ballot from the vote form: choice (motion); object + reason (consent); approve (repeated,
// approval); score_<option> (score); rank_<option> (ranked: a rank number, blank for unranked).
Result<decisions::Ballot> ReadBallotForm(const decisions::Decision& decision, const Form& form);
// The same from JSON: {"choice"}, {"objection"} or {"consent": true}, {"approved"}, {"scores"},
// {"ranking"}.
Result<decisions::Ballot> ReadBallotJson(const decisions::Decision& decision,
                                         const boost::json::object& body);
boost::json::object BallotJson(const decisions::Decision& decision,
                               const decisions::Ballot& ballot);

struct Cast {
  store::CastResult result;
  std::string key;  // a secret first ballot's key to change it later; empty otherwise
};

// Casts the caller's ballot (durably, before it returns). kPermissionDenied for a non-member,
// kFailedPrecondition if the vote is not open.
Result<Cast> CastBallot(Context& ctx, const decisions::Decision& decision,
                        const decisions::Ballot& ballot, const std::string& key);

// The outcome the caller may see now: the final one once closed, a live count while open if
// the decision shows results live, else none.
Result<std::optional<decisions::Outcome>> VisibleOutcome(Context& ctx,
                                                         const decisions::Decision& decision);

// The export of a closed decision (format andel-decision-export/1, which `andel tally
// --verify` reads): the anonymous ballots with their receipts, the receipts, and the result.
Result<std::string> ExportDecision(Context& ctx, const decisions::Decision& decision,
                                   const std::string& title);

// The receipts of a decision, sorted.
Result<std::vector<std::string>> Receipts(Context& ctx, const decisions::Decision& decision);

}  // namespace andel::web
