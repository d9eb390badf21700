// The request handlers of partnerships: profiles and matches, circles, consortia, competences. The
// route list in routes.cpp beside this file says which address, method and role each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// profile_pages.cpp: partnerships as pages: a member's offers and needs, and their match
// recommendations with the reasons, to accept or decline.
Result<Response> ShowPartners(Context& ctx);
Result<Response> SubmitPartnerProfile(Context& ctx);
Result<Response> SubmitMatchResponse(Context& ctx);

// circle_pages.cpp: partner circles as pages: members see their published circle and why it was
// formed; the board forms a draft, moves members between circles (the objective and the constraints
// are shown again after each move) and publishes it.
Result<Response> ShowCircles(Context& ctx);
Result<Response> ExportCircles(Context& ctx);
Result<Response> SubmitGenerateCircles(Context& ctx);
Result<Response> SubmitMoveCircleMember(Context& ctx);
Result<Response> SubmitPublishCircles(Context& ctx);
// Forms and saves a draft of circles from the active members' profiles (pages and API).
Result<int64_t> FormDraftCircles(Context& ctx, int size, int64_t seed);

// consortium_pages.cpp: the consortium builder: the smallest team of members that covers a task's
// competences with enough categories, and who covers what. As a page (a GET form) and in the API.
Result<Response> ShowConsortia(Context& ctx);
Result<Response> ShowConsortium(Context& ctx);
Result<Response> SubmitConsortium(Context& ctx);
Result<Response> ApiFormConsortium(Context& ctx);

// competence_pages.cpp: the board's competence taxonomy: labels in three languages and synonyms,
// and merging members' free tags into it. As pages and in the API.
Result<Response> ShowCompetences(Context& ctx);
Result<Response> SubmitCompetence(Context& ctx);
Result<Response> SubmitCompetenceMerge(Context& ctx);
Result<Response> ApiSaveCompetence(Context& ctx);
Result<Response> ApiMergeCompetence(Context& ctx);

// partnership_api.cpp: partnerships in the JSON API: the community's competences, the caller's
// profile, and match recommendations with their reasons.
Result<Response> ApiListCompetences(Context& ctx);
Result<Response> ApiGetProfile(Context& ctx);
Result<Response> ApiPutProfile(Context& ctx);
Result<Response> ApiListMatches(Context& ctx);
Result<Response> ApiRespondToMatch(Context& ctx);
Result<Response> ApiGetCircles(Context& ctx);
Result<Response> ApiFormCircles(Context& ctx);
Result<Response> ApiMoveCircleMember(Context& ctx);
Result<Response> ApiPublishCircles(Context& ctx);

}  // namespace andel::web
