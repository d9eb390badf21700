// The request handlers of decisions: proposals, discussion, amendments, votes, results, exports,
// notifications. The route list in routes.cpp beside this file says which address, method and role
// each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// proposal_pages.cpp: proposals as pages: the list, a proposal with its text, amendments,
// discussion and decision (with the vote form), and putting a proposal to a vote.
Result<Response> ShowProposals(Context& ctx);
Result<Response> SubmitProposal(Context& ctx);
Result<Response> ShowProposal(Context& ctx);
Result<Response> SubmitComment(Context& ctx);
Result<Response> SubmitDiscussionState(Context& ctx);
Result<Response> ApiSetDiscussion(Context& ctx);
Result<Response> SubmitAmendment(Context& ctx);
Result<Response> SubmitAmendmentDecision(Context& ctx);
Result<Response> SubmitDecision(Context& ctx);

// vote_pages.cpp: votes as pages: casting a ballot, results with their explanation, the public list
// of receipts, printable minutes, the export, and notifications.
Result<Response> SubmitVote(Context& ctx);
// The receipt of the caller's vote, where a cast vote redirects to.
Result<Response> ShowVoteCast(Context& ctx);
Result<Response> ShowResults(Context& ctx);
Result<Response> ShowReceipts(Context& ctx);
Result<Response> ShowMinutes(Context& ctx);
Result<Response> ExportDecisionPage(Context& ctx);
Result<Response> ShowNotifications(Context& ctx);
Result<Response> SubmitNotificationsRead(Context& ctx);

// decision_api.cpp: proposals and decisions in the JSON API: the same data and rules as the pages.
Result<Response> ApiListProposals(Context& ctx);
Result<Response> ApiCreateProposal(Context& ctx);
Result<Response> ApiGetProposal(Context& ctx);
Result<Response> ApiCreateComment(Context& ctx);
Result<Response> ApiCreateAmendment(Context& ctx);
Result<Response> ApiDecideAmendment(Context& ctx);
Result<Response> ApiCreateDecision(Context& ctx);
Result<Response> ApiGetDecision(Context& ctx);
Result<Response> ApiCastBallot(Context& ctx);
Result<Response> ApiGetOwnBallot(Context& ctx);
Result<Response> ApiGetResults(Context& ctx);
Result<Response> ApiListReceipts(Context& ctx);
Result<Response> ApiExportDecision(Context& ctx);
Result<Response> ApiListNotifications(Context& ctx);
Result<Response> ApiMarkNotificationsRead(Context& ctx);

}  // namespace andel::web
