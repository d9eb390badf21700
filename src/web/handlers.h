// Every request handler, grouped by the file that implements it. The route table in routes.cpp
// says which address, method and role each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// pages_auth.cpp: signing in and out, signing up, password reset, invitations (each through a
// link mailed to the address; see email_links.h).
Result<Response> ShowLogin(Context& ctx);
Result<Response> SubmitLogin(Context& ctx);
Result<Response> ShowSignInLink(Context& ctx);
Result<Response> SubmitSignInLink(Context& ctx);
Result<Response> SubmitLogout(Context& ctx);
Result<Response> ShowSignup(Context& ctx);
Result<Response> SubmitSignup(Context& ctx);
Result<Response> ShowSignupLink(Context& ctx);
Result<Response> SubmitSignupLink(Context& ctx);
Result<Response> ShowResetRequest(Context& ctx);
Result<Response> SubmitResetRequest(Context& ctx);
Result<Response> ShowResetPassword(Context& ctx);
Result<Response> SubmitResetPassword(Context& ctx);
Result<Response> ShowInvitation(Context& ctx);
Result<Response> AcceptInvitation(Context& ctx);

// pages_account.cpp: the signed-in person's own account.
Result<Response> ShowAccount(Context& ctx);
Result<Response> SubmitAccount(Context& ctx);
Result<Response> SubmitPassword(Context& ctx);
Result<Response> SubmitCreateToken(Context& ctx);
Result<Response> SubmitDeleteToken(Context& ctx);
Result<Response> SubmitSendVerification(Context& ctx);
Result<Response> ShowVerifyLink(Context& ctx);
Result<Response> SubmitVerifyLink(Context& ctx);

// pages_second_factor.cpp: two-step sign-in: the code after the password, and setting it up,
// new recovery codes and turning it off on the account.
Result<Response> ShowSignInCode(Context& ctx);
Result<Response> SubmitSignInCode(Context& ctx);
Result<Response> ShowTwoStep(Context& ctx);
Result<Response> SubmitTwoStepSetup(Context& ctx);
Result<Response> SubmitTwoStepConfirm(Context& ctx);
Result<Response> SubmitRecoveryCodes(Context& ctx);
Result<Response> SubmitTwoStepRemove(Context& ctx);

// pages_server.cpp: the server administrator's settings and programmes to verify.
Result<Response> ShowServerAdmin(Context& ctx);
Result<Response> SubmitServerSettings(Context& ctx);
Result<Response> SubmitVerifyProgramme(Context& ctx);

// pages_community.cpp: home, communities and their members, static files.
Result<Response> ShowHome(Context& ctx);
Result<Response> SubmitCreateCommunity(Context& ctx);
Result<Response> ShowCommunity(Context& ctx);
Result<Response> SubmitJoin(Context& ctx);
Result<Response> ShowMembers(Context& ctx);
Result<Response> ShowMember(Context& ctx);
Result<Response> SubmitMemberPrivacy(Context& ctx);
Result<Response> ServeStatic(Context& ctx);

// pages_admin.cpp: running a community.
Result<Response> ShowAdmin(Context& ctx);
Result<Response> SubmitSettings(Context& ctx);
Result<Response> SubmitStatutes(Context& ctx);
Result<Response> ShowAdminMembers(Context& ctx);
Result<Response> SubmitMemberUpdate(Context& ctx);
Result<Response> SubmitInvite(Context& ctx);
Result<Response> SubmitJoinDecision(Context& ctx);
Result<Response> ShowCategories(Context& ctx);
Result<Response> SubmitCategoryCreate(Context& ctx);
Result<Response> SubmitCategoryUpdate(Context& ctx);
Result<Response> SubmitCategoryDelete(Context& ctx);
Result<Response> ShowImport(Context& ctx);
Result<Response> SubmitImport(Context& ctx);
Result<Response> ExportMembersCsv(Context& ctx);
Result<Response> ShowAuditLog(Context& ctx);

// pages_proposals.cpp and pages_votes.cpp: proposals, discussion, amendments, decisions, votes.
Result<Response> ShowProposals(Context& ctx);
Result<Response> SubmitProposal(Context& ctx);
Result<Response> ShowProposal(Context& ctx);
Result<Response> SubmitComment(Context& ctx);
Result<Response> SubmitAmendment(Context& ctx);
Result<Response> SubmitAmendmentDecision(Context& ctx);
Result<Response> SubmitDecision(Context& ctx);
Result<Response> SubmitVote(Context& ctx);
Result<Response> ShowResults(Context& ctx);
Result<Response> ShowReceipts(Context& ctx);
Result<Response> ShowMinutes(Context& ctx);
Result<Response> ExportDecisionPage(Context& ctx);
Result<Response> ShowNotifications(Context& ctx);
Result<Response> SubmitNotificationsRead(Context& ctx);

// pages_partners.cpp: a member's offers and needs, and match recommendations.
Result<Response> ShowPartners(Context& ctx);
Result<Response> SubmitPartnerProfile(Context& ctx);
Result<Response> SubmitMatchResponse(Context& ctx);

// pages_circles.cpp: partner circles.
Result<Response> ShowCircles(Context& ctx);
Result<Response> ShowFunds(Context& ctx);
Result<Response> SubmitFund(Context& ctx);
Result<Response> SubmitFundImport(Context& ctx);
Result<Response> ShowFund(Context& ctx);
Result<Response> SubmitFundProject(Context& ctx);
Result<Response> SubmitFundReview(Context& ctx);
Result<Response> SubmitFundPhase(Context& ctx);
Result<Response> SubmitFundBallot(Context& ctx);
Result<Response> ExportFundPabulib(Context& ctx);
Result<Response> SubmitGenerateCircles(Context& ctx);
Result<Response> SubmitMoveCircleMember(Context& ctx);
Result<Response> SubmitPublishCircles(Context& ctx);
// Forms and saves a draft of circles from the active members' profiles (pages and API).
Result<int64_t> FormDraftCircles(Context& ctx, int size, int64_t seed);

// pages_consortia.cpp: the consortium builder, as a page and in the API.
Result<Response> ShowConsortia(Context& ctx);
Result<Response> SubmitConsortium(Context& ctx);
Result<Response> ApiFormConsortium(Context& ctx);

// pages_competences.cpp: the board's competence taxonomy, as pages and in the API.
Result<Response> ShowCompetences(Context& ctx);
Result<Response> SubmitCompetence(Context& ctx);
Result<Response> SubmitCompetenceMerge(Context& ctx);
Result<Response> ApiSaveCompetence(Context& ctx);
Result<Response> ApiMergeCompetence(Context& ctx);

// pages_impact.cpp: the impact dashboard, indicators, measurements and their CSV.
Result<Response> ShowImpact(Context& ctx);
Result<Response> ShowIndicator(Context& ctx);
Result<Response> SubmitIndicator(Context& ctx);
Result<Response> SubmitMeasurement(Context& ctx);
Result<Response> SubmitMeasurementImport(Context& ctx);
Result<Response> SubmitOutcome(Context& ctx);
// Links an indicator to a decision or fund project expected to move it, or removes the link.
Result<Response> SubmitImpactLink(Context& ctx);
Result<Response> ExportMeasurementsCsv(Context& ctx);
// pages_impact_report.cpp: the printable annual report.
Result<Response> ShowImpactReport(Context& ctx);

// pages_programme.cpp: a municipal programme's roll-up, and the programmes a community reports
// to.
Result<Response> ShowProgrammeRollup(Context& ctx);
Result<Response> SubmitProgrammeMembership(Context& ctx);

// api_impact_links.cpp: links from decisions and projects to indicators, programmes and their
// roll-up, in the API.
Result<Response> ApiListIndicatorLinks(Context& ctx);
Result<Response> ApiCreateIndicatorLink(Context& ctx);
Result<Response> ApiDeleteIndicatorLink(Context& ctx);
Result<Response> ApiListProgrammes(Context& ctx);
Result<Response> ApiJoinProgramme(Context& ctx);
Result<Response> ApiLeaveProgramme(Context& ctx);
Result<Response> ApiProgrammeRollup(Context& ctx);
Result<Response> ApiImpactReport(Context& ctx);

// pages_initiatives.cpp: the incubator's initiatives and their stages.
Result<Response> ShowInitiatives(Context& ctx);
Result<Response> SubmitInitiative(Context& ctx);
Result<Response> ShowInitiative(Context& ctx);
Result<Response> SubmitInitiativeStage(Context& ctx);

// api_initiatives.cpp: the same in the API.
Result<Response> ApiListInitiatives(Context& ctx);
Result<Response> ApiCreateInitiative(Context& ctx);
Result<Response> ApiGetInitiative(Context& ctx);
Result<Response> ApiUpdateInitiative(Context& ctx);

// pages_value_cases.cpp: value cases, and the server's library of published ones.
Result<Response> ShowValueCases(Context& ctx);
Result<Response> SubmitValueCase(Context& ctx);
Result<Response> ShowValueCase(Context& ctx);
Result<Response> SubmitValueCasePublish(Context& ctx);
Result<Response> ShowCaseLibrary(Context& ctx);
Result<Response> ShowLibraryCase(Context& ctx);

// pages_sroi.cpp: SROI analyses, as pages and in the API.
Result<Response> ShowSroiList(Context& ctx);
Result<Response> SubmitSroi(Context& ctx);
Result<Response> ShowSroi(Context& ctx);
Result<Response> ApiListSroi(Context& ctx);
Result<Response> ApiCreateSroi(Context& ctx);
Result<Response> ApiGetSroi(Context& ctx);

// api_impact.cpp: indicators, measurements and value cases in the API.
Result<Response> ApiListIndicators(Context& ctx);
Result<Response> ApiGetIndicator(Context& ctx);
Result<Response> ApiCreateIndicator(Context& ctx);
Result<Response> ApiListMeasurements(Context& ctx);
Result<Response> ApiRecordMeasurements(Context& ctx);
Result<Response> ApiListValueCases(Context& ctx);
Result<Response> ApiGetValueCase(Context& ctx);
Result<Response> ApiCreateValueCase(Context& ctx);
Result<Response> ApiSearchValueCases(Context& ctx);
// The community's indicators and measurements in the Common Impact Data Standard (JSON-LD).
Result<Response> ExportCids(Context& ctx);
Result<Response> ApiRecordOutcome(Context& ctx);
Result<Response> ApiCountOutcomes(Context& ctx);

// api.cpp: the JSON API under /api/v1.
Result<Response> ApiHealth(Context& ctx);
Result<Response> ApiOpenApi(Context& ctx);
Result<Response> ApiMe(Context& ctx);
Result<Response> ApiCreateToken(Context& ctx);
Result<Response> ApiListCommunities(Context& ctx);
Result<Response> ApiCreateCommunity(Context& ctx);
Result<Response> ApiGetCommunity(Context& ctx);
Result<Response> ApiUpdateCommunity(Context& ctx);
Result<Response> ApiDeleteCommunity(Context& ctx);
Result<Response> ApiListMembers(Context& ctx);
Result<Response> ApiCreateMember(Context& ctx);
Result<Response> ApiGetMember(Context& ctx);
Result<Response> ApiUpdateMember(Context& ctx);
Result<Response> ApiDeleteMember(Context& ctx);
Result<Response> ApiListCategories(Context& ctx);
Result<Response> ApiCreateCategory(Context& ctx);
Result<Response> ApiGetCategory(Context& ctx);
Result<Response> ApiUpdateCategory(Context& ctx);
Result<Response> ApiDeleteCategory(Context& ctx);
Result<Response> ApiAuditLog(Context& ctx);

// api_partners.cpp: competences, profiles and matches in the API.
Result<Response> ApiListCompetences(Context& ctx);
Result<Response> ApiGetProfile(Context& ctx);
Result<Response> ApiPutProfile(Context& ctx);
Result<Response> ApiListMatches(Context& ctx);
Result<Response> ApiRespondToMatch(Context& ctx);
Result<Response> ApiGetCircles(Context& ctx);
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
Result<Response> ApiFormCircles(Context& ctx);
Result<Response> ApiMoveCircleMember(Context& ctx);
Result<Response> ApiPublishCircles(Context& ctx);

// api_decisions.cpp: proposals and decisions in the API.
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
