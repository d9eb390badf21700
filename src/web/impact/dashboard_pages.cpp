// A community's impact as pages: the dashboard of its indicators (cards with progress and
// charts, goals with their parts, outcomes, value cases, the programmes it reports to), each
// indicator's page with every measurement and correction and what is expected to move it, and
// the board's forms to define indicators, record measurements and import or export CSV.
#include <array>
#include <map>

#include "core/text.h"
#include "impact/catalogue.h"
#include "web/communities/views.h"
#include "web/impact/actions.h"
#include "web/impact/cards.h"
#include "web/impact/handlers.h"
#include "web/impact/indicator_tree.h"
#include "web/impact/programme.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Response> ImpactPage(Context& ctx, int status, const std::optional<Error>& error,
                            const std::vector<Error>& problems = {}) {
  const Date today = DateFromUnixSeconds(ctx.Now());
  Result<std::unique_ptr<CommunityImpact>> loaded = LoadCommunityImpact(ctx, today);
  if (!loaded) return loaded.error();
  CommunityImpact& impact = **loaded;
  ViewData page = BasePage(ctx, ctx.T("Impact") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  // Each card is rendered on its own and the page takes the HTML: a hundred cards of charts and
  // tables are not copied through the template data.
  std::string cards;
  cards.reserve(impact.indicators.size() * 8192);
  ViewData options = MakeList();
  const std::string& chosen =
      ctx.form.Has("indicator") ? ctx.form.Get("indicator") : ctx.query.Get("indicator");
  for (const impact::Indicator& indicator : impact.indicators) {
    cards += RenderIndicatorCard(ctx, indicator, impact.values_of[indicator.id], today, impact.web);
    ViewData option = MakeObject();
    option.set("id", std::to_string(indicator.id));
    option.set("name", IndicatorName(ctx, indicator));
    option.set("selected", chosen == std::to_string(indicator.id));
    option.set("parent_selected", ctx.form.Get("parent") == std::to_string(indicator.id));
    options.push_back(option);
  }
  ViewData tree = ResultsTreeRows(ctx, impact.web);
  page.set("has_tree", !impact.web.parts.empty());
  page.set("tree", tree);
  page.set("this_year", std::to_string(today.year));
  // Participant outcomes, counted for this year and the last (never named).
  Result<std::array<int64_t, impact::kOutcomeKinds>> this_year =
      ctx.services.outcomes.Counts(ctx.community->id, {today.year, 1, 1}, {today.year, 12, 31});
  if (!this_year) return this_year.error();
  Result<std::array<int64_t, impact::kOutcomeKinds>> last_year = ctx.services.outcomes.Counts(
      ctx.community->id, {today.year - 1, 1, 1}, {today.year - 1, 12, 31});
  if (!last_year) return last_year.error();
  ViewData outcome_rows = MakeList();
  bool any_outcome = false;
  for (size_t k = 0; k < impact::kOutcomeKinds; ++k) {
    ViewData row = MakeObject();
    const auto kind = static_cast<impact::OutcomeKind>(k);
    row.set("key", std::string(impact::Name(kind)));
    row.set("kind", OutcomeKindLabel(ctx, kind));
    row.set("this_year", FormatInteger(ctx.language, (*this_year)[k]));
    row.set("last_year", FormatInteger(ctx.language, (*last_year)[k]));
    any_outcome = any_outcome || (*this_year)[k] > 0 || (*last_year)[k] > 0;
    outcome_rows.push_back(row);
  }
  page.set("outcomes", outcome_rows);
  page.set("has_outcomes", any_outcome);
  page.set("last_year", std::to_string(today.year - 1));
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  ViewData latest_cases = MakeList();
  for (size_t i = 0; i < cases->size() && i < 3; ++i) {
    const impact::ValueCase& value_case = (*cases)[i];
    latest_cases.push_back(ValueCaseItem(
        value_case,
        "/c/" + ctx.community->slug + "/impact/cases/" + std::to_string(value_case.id)));
  }
  page.set("cases", latest_cases);
  page.set("has_cases", !cases->empty());
  page.set("has_indicators", !impact.indicators.empty());
  if (Status added = AddProgrammesView(ctx, page); !added) return added.error();
  if (ctx.IsBoard()) {
    page.set("can_record", true);
    page.set("indicator_options", options);
    ViewData catalogue = MakeList();
    for (const impact::CatalogueEntry& entry : impact::StarterCatalogue()) {
      ViewData item = MakeObject();
      item.set("key", std::string(entry.key));
      item.set("name", ctx.T(std::string(entry.name)));
      catalogue.push_back(item);
    }
    page.set("catalogue", catalogue);
    for (const char* field : {"name", "unit", "iris_metric", "baseline", "baseline_date", "target",
                              "target_due", "period_start", "period_end", "value", "source",
                              "evidence_url", "supersedes", "weight"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
  }
  if (error) AddFieldError(ctx, page, *error);
  if (!problems.empty()) {
    ViewData list = MakeList();
    for (const Error& problem : problems) {
      ViewData item = MakeObject();
      item.set("where", LocalizedPlace(ctx, problem.where));
      item.set("message", ctx.T(problem.message));
      list.push_back(item);
    }
    page.set("problems", list);
    page.set("has_problems", true);
  }
  return HtmlPageWith(ctx, "impact/dashboard", page, "cards_html", cards, status);
}

}  // namespace

Result<Response> ShowImpact(Context& ctx) { return ImpactPage(ctx, 200, std::nullopt); }

Result<Response> ShowIndicator(Context& ctx) {
  Result<impact::Indicator> indicator =
      ctx.services.impact.FindIndicator(ctx.community->id, ctx.ParamId("id"));
  if (!indicator) return indicator.error();
  Result<std::vector<impact::Measurement>> measurements =
      ctx.services.impact.MeasurementsOf(ctx.community->id, indicator->id);
  if (!measurements) return measurements.error();
  const Date today = DateFromUnixSeconds(ctx.Now());
  Result<std::unique_ptr<CommunityImpact>> loaded = LoadCommunityImpact(ctx, today);
  if (!loaded) return loaded.error();
  CommunityImpact& impact = **loaded;
  const std::string name = IndicatorName(ctx, *indicator);
  ViewData page = BasePage(ctx, name + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("id", std::to_string(indicator->id));
  page.set("csrf", ctx.CsrfToken());
  page.set("card_html",
           ctx.services.views.Render(
               "impact/card", ctx.language,
               IndicatorCard(ctx, *indicator, impact.values_of[indicator->id], today, impact.web)));
  const std::vector<store::ImpactLink>& links = impact.web.links[indicator->id];
  page.set("links", LinkItems(ctx, links));
  page.set("has_links", !links.empty());
  if (ctx.IsBoard()) {
    Result<ViewData> subjects = LinkSubjectOptions(ctx, links);
    if (!subjects) return subjects.error();
    page.set("subjects", *subjects);
    page.set("can_link", true);
  }
  // Every measurement, newest first, corrections included: nothing is hidden.
  std::map<int64_t, int64_t> corrected;
  for (const impact::Measurement& m : *measurements) {
    if (m.supersedes) corrected[*m.supersedes] = m.id;
  }
  const std::string unit = IndicatorUnit(ctx, *indicator);
  ViewData history = MakeList();
  for (auto it = measurements->rbegin(); it != measurements->rend(); ++it) {
    const impact::Measurement& m = *it;
    ViewData item = MakeObject();
    item.set("id", std::to_string(m.id));
    item.set("period", FormatIsoDate(m.period_start) + " – " + FormatIsoDate(m.period_end));
    item.set("value", QuantityLabel(ctx, m.value, unit));
    item.set("source", m.source);
    if (!m.evidence_url.empty()) item.set("evidence_url", m.evidence_url);
    item.set("recorded_by", m.recorded_by);
    if (m.supersedes) item.set("corrects", std::to_string(*m.supersedes));
    if (const auto found = corrected.find(m.id); found != corrected.end()) {
      item.set("superseded_by", std::to_string(found->second));
    }
    history.push_back(item);
  }
  page.set("history", history);
  page.set("has_history", !measurements->empty());
  // What Andel counts by itself for this indicator, each partnership or circle once; the names
  // only for those who may see the member list.
  Result<std::vector<store::FormedPartnership>> formed =
      PartnershipsCounted(ctx, ctx.community->id, {*indicator});
  if (!formed) return formed.error();
  Result<MemberListView> view = MemberListViewOf(ctx);
  if (!view) return view.error();
  const bool names_shown = *view != MemberListView::kCounts;
  ViewData counted = MakeList();
  for (auto it = formed->rbegin(); it != formed->rend(); ++it) {
    std::string names;
    for (size_t i = 0; i < it->names.size(); ++i) {
      if (i > 0) names += i + 1 == it->names.size() ? " " + ctx.T("and") + " " : ", ";
      names += it->names[i];
    }
    ViewData item = MakeObject();
    item.set("day", FormatDate(ctx.language, it->day));
    item.set("what", it->circle ? ctx.T("A circle:") : ctx.T("A partnership:"));
    if (names_shown) item.set("names", names);
    counted.push_back(item);
  }
  if (!formed->empty()) {
    page.set("counted", counted);
    page.set("counted_total", ctx.N("Andel counts {n} partnership formed by itself:",
                                    "Andel counts {n} partnerships formed by itself:",
                                    static_cast<int64_t>(formed->size())));
  }
  page.set("can_record", ctx.IsBoard());
  return HtmlPage(ctx, "impact/indicator", page);
}

Result<Response> SubmitOutcome(Context& ctx) {
  Result<impact::ParticipantOutcome> outcome = OutcomeFromFields(ctx.form);
  if (!outcome) return ImpactPage(ctx, 400, outcome.error());
  Result<int64_t> id =
      ctx.services.outcomes.Record(ctx.community->id, *outcome, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#outcomes-heading");
}

Result<Response> SubmitIndicator(Context& ctx) {
  Result<impact::Indicator> indicator = IndicatorFromFields(ctx, ctx.form);
  if (!indicator) return ImpactPage(ctx, 400, indicator.error());
  Result<int64_t> id =
      ctx.services.impact.CreateIndicator(ctx.community->id, *indicator, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#indicator-" + std::to_string(*id));
}

Result<Response> SubmitMeasurement(Context& ctx) {
  Result<impact::Measurement> m = MeasurementFromFields(ctx, ctx.form);
  if (!m) return ImpactPage(ctx, 400, m.error());
  Result<int64_t> id = ctx.services.impact.Record(ctx.community->id, *m, ctx.person->id, ctx.Now());
  const bool database_failed = !id && (id.error().code == ErrorCode::kUnavailable ||
                                       id.error().code == ErrorCode::kInternal);
  if (!id && !database_failed) return ImpactPage(ctx, 400, id.error());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact#indicator-" +
                  std::to_string(m->indicator_id));
}

Result<Response> SubmitMeasurementImport(Context& ctx) {
  std::string_view text;
  for (const UploadedFile& file : ctx.files) {
    if (file.field == "file") text = file.content;
  }
  if (text.empty()) {
    return ImpactPage(ctx, 400, Error::InvalidArgument("choose a CSV file to import", "file"));
  }
  Result<MeasurementImport> imported = ImportCommunityMeasurements(ctx, text);
  if (!imported) return imported.error();
  if (!imported->errors.empty()) {
    return ImpactPage(ctx, 400,
                      Error::InvalidArgument("The file has errors; nothing was imported.", "file"),
                      imported->errors);
  }
  return Redirect("/c/" + ctx.community->slug + "/impact");
}

Result<Response> ExportMeasurementsCsv(Context& ctx) { return MeasurementsCsvResponse(ctx); }

}  // namespace andel::web
