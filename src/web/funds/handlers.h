// The request handlers of funds: participatory budgets through their phases. The route list in
// routes.cpp beside this file says which address, method and role each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// fund_list_pages.cpp: the community's funds as a page: the list, and the board's forms to create a
// fund and to import one from a Pabulib file.
Result<Response> ShowFunds(Context& ctx);
Result<Response> SubmitFund(Context& ctx);
Result<Response> SubmitFundImport(Context& ctx);

// fund_pages.cpp: A fund as a page, through its phases: members propose projects, the board reviews
// them, members vote (approval within the fund, points or a ranking, editable until the board
// closes the vote), and the result with every project's explanation and a chart of how the money
// was shared among groups of voters; the ballots as a Pabulib file.
Result<Response> ShowFund(Context& ctx);
Result<Response> SubmitFundProject(Context& ctx);
Result<Response> SubmitFundReview(Context& ctx);
Result<Response> SubmitFundPhase(Context& ctx);
Result<Response> SubmitFundBallot(Context& ctx);
Result<Response> ExportFundPabulib(Context& ctx);

// fund_api.cpp: funds in the JSON API: the same phases, projects, ballots, result and Pabulib files
// as the pages.
Result<Response> ApiListFunds(Context& ctx);
Result<Response> ApiCreateFund(Context& ctx);
Result<Response> ApiImportFund(Context& ctx);
Result<Response> ApiGetFund(Context& ctx);
Result<Response> ApiProposeFundProject(Context& ctx);
Result<Response> ApiReviewFundProject(Context& ctx);
Result<Response> ApiAdvanceFund(Context& ctx);
Result<Response> ApiPutFundBallot(Context& ctx);
Result<Response> ApiGetFundBallot(Context& ctx);
Result<Response> ApiGetFundResult(Context& ctx);

}  // namespace andel::web
