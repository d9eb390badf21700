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

// The use cases of proposals that the pages and the API share. Each checks what the caller sent
// and may do, stores the change and returns its id; kInvalidArgument names the field at fault.
//
// A member puts a proposal (title, body) to the route's community.
Result<int64_t> CreateProposal(Context& ctx, const std::string& title, const std::string& body);
// A member comments on the proposal, in reply to comment `parent_id` (0: none).
Result<int64_t> AddComment(Context& ctx, const store::ProposalSummary& summary, int64_t parent_id,
                           const std::string& body);
// A member proposes new text for the proposal, with a reason; kFailedPrecondition once the
// proposal is put to a vote, kInvalidArgument if the text is the proposal's own.
// The proposal's author or the board closes its discussion (closed) or opens it again.
Status SetDiscussionClosed(Context& ctx, const store::ProposalSummary& summary, bool closed);

Result<int64_t> ProposeAmendment(Context& ctx, const store::ProposalSummary& summary,
                                 const std::string& body, const std::string& reason);
// The proposal's author or the board accepts or rejects an amendment.
Status DecideAmendment(Context& ctx, const store::ProposalSummary& summary, int64_t amendment_id,
                       bool accept);

// The decision for proposal `proposal_id` of the route's community, checked.
Result<decisions::Decision> BuildDecision(Context& ctx, int64_t proposal_id,
                                          const DecisionFields& fields);

// The proposal the route's {id} names in the route's community.
Result<store::ProposalSummary> ProposalFromPath(Context& ctx);

// The filter of a proposal list from its query: q (words), state (discussion, upcoming, open,
// closing, closed), method (a voting method's name) and mine=1 (the caller's own).
// kInvalidArgument naming the field for a state or method that does not exist.
Result<store::ProposalFilter> ProposalFilterFrom(const Context& ctx, const Form& query);

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

// The receipts a voter checks theirs against, sorted. While a secret vote is open the list is
// not shown to anyone (nullopt): receipts appearing one by one could be matched to voters.
Result<std::optional<std::vector<std::string>>> Receipts(Context& ctx,
                                                         const decisions::Decision& decision);
// Whether `receipt` belongs to a ballot of the decision (a voter's own check, at any time).
Result<bool> HasReceipt(Context& ctx, const decisions::Decision& decision,
                        const std::string& receipt);

}  // namespace andel::web
