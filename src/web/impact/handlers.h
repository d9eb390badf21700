// The request handlers of impact: indicators, measurements, links, reports, programmes, value
// cases, SROI. The route list in routes.cpp beside this file says which address, method and role
// each one serves.
#pragma once

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

// dashboard_pages.cpp: A community's impact as pages: the dashboard of its indicators (cards with
// progress and charts, goals with their parts, outcomes, value cases, the programmes it reports
// to), each indicator's page with every measurement and correction and what is expected to move it,
// and the board's forms to define indicators, record measurements and import or export CSV.
Result<Response> ShowImpact(Context& ctx);
Result<Response> ShowIndicator(Context& ctx);
Result<Response> SubmitIndicator(Context& ctx);
Result<Response> SubmitMeasurement(Context& ctx);
Result<Response> SubmitMeasurementImport(Context& ctx);
Result<Response> SubmitOutcome(Context& ctx);
Result<Response> ExportMeasurementsCsv(Context& ctx);

// link_pages.cpp: the board's form to link an indicator to a decision, fund project or initiative
// expected to move it, or to remove the link; posted from the indicator's, the proposal's and the
// initiative's pages, and back to the page it came from.
// Links an indicator to a decision or fund project expected to move it, or removes the link.
Result<Response> SubmitImpactLink(Context& ctx);

// report_pages.cpp: the printable annual impact report (see impact/report.h): each indicator's
// figure for the year against the year before, the progress at the year's end, a bar chart by month
// with its figures beside it, and what contributed; the value cases written that year.
Result<Response> ShowImpactReport(Context& ctx);

// programme_pages.cpp: A municipal programme's roll-up page, and a community board's choice of the
// programmes it reports to.
Result<Response> ShowProgrammeRollup(Context& ctx);
Result<Response> SubmitProgrammeMembership(Context& ctx);

// link_api.cpp: impact tied to what produced it, in the JSON API: the decisions, fund projects and
// initiatives expected to move an indicator, the annual report with what contributed, the municipal
// programmes a community reports to, and a programme's roll-up.
Result<Response> ApiListIndicatorLinks(Context& ctx);
Result<Response> ApiCreateIndicatorLink(Context& ctx);
Result<Response> ApiDeleteIndicatorLink(Context& ctx);
Result<Response> ApiListProgrammes(Context& ctx);
Result<Response> ApiJoinProgramme(Context& ctx);
Result<Response> ApiLeaveProgramme(Context& ctx);
Result<Response> ApiProgrammeRollup(Context& ctx);
Result<Response> ApiImpactReport(Context& ctx);

// value_case_pages.cpp: value cases as pages: a community's cases with the board's form, one case
// with its indicators and evidence (and the board's publish button), and the server's library of
// published cases with search.
Result<Response> ShowValueCases(Context& ctx);
Result<Response> SubmitValueCase(Context& ctx);
Result<Response> ShowValueCase(Context& ctx);
Result<Response> SubmitValueCasePublish(Context& ctx);
Result<Response> ShowCaseLibrary(Context& ctx);
Result<Response> ShowLibraryCase(Context& ctx);

// sroi_pages.cpp: SROI analyses as pages and in the API: the list with the board's form, and an
// analysis's report (present value by year, NPV, the ratio, the payback period, and the sensitivity
// of the ratio to each assumption, with a chart of the present value by year).
Result<Response> ShowSroiList(Context& ctx);
Result<Response> SubmitSroi(Context& ctx);
Result<Response> ShowSroi(Context& ctx);
Result<Response> ApiListSroi(Context& ctx);
Result<Response> ApiCreateSroi(Context& ctx);
Result<Response> ApiGetSroi(Context& ctx);

// impact_api.cpp: impact in the JSON API: indicators with their current value and progress, and
// measurements as JSON or CSV (Accept: text/csv), recorded one at a time or imported as CSV.
Result<Response> ApiListIndicators(Context& ctx);
Result<Response> ApiGetIndicator(Context& ctx);
Result<Response> ApiCreateIndicator(Context& ctx);
Result<Response> ApiListMeasurements(Context& ctx);
Result<Response> ApiRecordMeasurements(Context& ctx);
Result<Response> ApiListValueCases(Context& ctx);
Result<Response> ApiGetValueCase(Context& ctx);
Result<Response> ApiCreateValueCase(Context& ctx);
Result<Response> ApiSearchValueCases(Context& ctx);
Result<Response> ApiRecordOutcome(Context& ctx);
Result<Response> ApiCountOutcomes(Context& ctx);

// cids_export.cpp: the Common Impact Data Standard export for funders, at
// /c/{slug}/impact/cids.jsonld and /api/v1/communities/{slug}/impact.jsonld. The community's
// indicators and measurements in the Common Impact Data Standard (JSON-LD).
Result<Response> ExportCids(Context& ctx);

}  // namespace andel::web
