// What the decision pages and the decision API share: finding the proposal or decision an
// address names, checking a decision against the statutes, casting a ballot, closing decisions
// whose time has come, the outcome a viewer may see, and the export anyone can recount.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "decisions/decision.h"
#include "store/decisions/ballot_writer.h"
#include "store/decisions/decision_repository.h"
#include "web/context.h"
#include "web/decisions/forms.h"

namespace andel::web {

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
// The receipts a voter checks theirs against, sorted. While a secret vote is open the list is
// not shown to anyone (nullopt): receipts appearing one by one could be matched to voters.
Result<std::optional<std::vector<std::string>>> Receipts(Context& ctx,
                                                         const decisions::Decision& decision);
// Whether `receipt` belongs to a ballot of the decision (a voter's own check, at any time).
Result<bool> HasReceipt(Context& ctx, const decisions::Decision& decision,
                        const std::string& receipt);

}  // namespace andel::web
