// A community's impact as pages: the dashboard of its indicators (progress to the target, a
// chart of the last two years with its figures beside it), each indicator's page with every
// measurement and correction, and the board's forms to define indicators, record measurements
// and import or export CSV.
#include <array>
#include <map>
#include <set>

#include "core/text.h"
#include "impact/catalogue.h"
#include "impact/charts.h"
#include "web/community_views.h"
#include "web/handlers.h"
#include "web/impact.h"
#include "web/impact_cards.h"
#include "web/responses.h"

namespace andel::web {
namespace {

// The municipal programmes the community reports to and, for the board, those it may join; a
// programme's own roll-up.
Status AddProgrammes(Context& ctx, ViewData& page) {
  page.set("is_programme", ctx.community->kind == communities::CommunityKind::kMunicipalProgramme);
  Result<std::vector<store::ProgrammeEntry>> joined =
      ctx.services.programmes.ProgrammesOf(ctx.community->id);
  if (!joined) return joined.error();
  std::set<int64_t> taken = {ctx.community->id};
  ViewData list = MakeList();
  for (const store::ProgrammeEntry& programme : *joined) {
    taken.insert(programme.community_id);
    ViewData item = MakeObject();
    item.set("slug", programme.slug);
    item.set("name", programme.name);
    item.set("link", "/c/" + programme.slug + "/impact/programme");
    list.push_back(item);
  }
  page.set("programmes", list);
  page.set("has_programmes", !joined->empty());
  if (!ctx.IsBoard()) return {};
  Result<std::vector<store::ProgrammeEntry>> all = ctx.services.programmes.Programmes();
  if (!all) return all.error();
  ViewData options = MakeList();
  for (const store::ProgrammeEntry& programme : *all) {
    if (taken.contains(programme.community_id)) continue;
    ViewData option = MakeObject();
    option.set("slug", programme.slug);
    option.set("name", programme.name);
    options.push_back(option);
  }
  page.set("programme_options", options);
  page.set("has_programme_options", all->size() + 1 > taken.size());
  return {};
}

// The community's proposals, fund projects and initiatives a board may link to an indicator,
// less those already linked: value "proposal:12", "project:5" or "initiative:3", and a label.
Result<ViewData> LinkSubjectOptions(Context& ctx, const std::vector<store::ImpactLink>& linked) {
  std::set<std::pair<store::LinkSubject, int64_t>> taken;
  for (const store::ImpactLink& link : linked) taken.insert({link.subject, link.subject_id});
  ViewData options = MakeList();
  const auto add = [&](store::LinkSubject subject, int64_t id, const std::string& label) {
    if (taken.contains({subject, id})) return;
    ViewData option = MakeObject();
    option.set("value", std::string(store::Name(subject)) + ":" + std::to_string(id));
    option.set("label", label);
    options.push_back(option);
  };
  Result<std::vector<store::ProposalSummary>> proposals =
      ctx.services.decisions.ListProposals(ctx.community->id, 0, 500);
  if (!proposals) return proposals.error();
  for (const store::ProposalSummary& summary : *proposals) {
    add(store::LinkSubject::kProposal, summary.proposal.id,
        ctx.T("Decision") + ": " + summary.proposal.title);
  }
  Result<std::vector<funds::Fund>> funds = ctx.services.funds.List(ctx.community->id);
  if (!funds) return funds.error();
  for (const funds::Fund& fund : *funds) {
    Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund.id);
    if (!projects) return projects.error();
    for (const funds::Project& project : *projects) {
      add(store::LinkSubject::kProject, project.id,
          ctx.T("Fund project") + ": " + project.title + " (" + fund.title + ")");
    }
  }
  Result<std::vector<incubator::Initiative>> initiatives =
      ctx.services.initiatives.List(ctx.community->id);
  if (!initiatives) return initiatives.error();
  for (const incubator::Initiative& initiative : *initiatives) {
    add(store::LinkSubject::kInitiative, initiative.id,
        ctx.T("Initiative") + ": " + initiative.title);
  }
  return options;
}

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
  if (Status added = AddProgrammes(ctx, page); !added) return added.error();
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
  return HtmlPageWith(ctx, "impact", page, "cards_html", cards, status);
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
               "impact_card", ctx.language,
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
  page.set("can_record", ctx.IsBoard());
  return HtmlPage(ctx, "impact_indicator", page);
}

Result<Response> SubmitImpactLink(Context& ctx) {
  Result<int64_t> indicator = PositiveId(ctx.form.Get("indicator"), "indicator");
  if (!indicator) return indicator.error();
  const std::string_view subject_text = Trim(ctx.form.Get("subject"));
  const size_t colon = subject_text.find(':');
  Result<store::LinkSubject> subject = store::ParseLinkSubject(subject_text.substr(0, colon));
  Result<int64_t> subject_id = colon == std::string_view::npos
                                   ? Result<int64_t>(Error::InvalidArgument("", "subject"))
                                   : PositiveId(subject_text.substr(colon + 1), "subject");
  if (!subject || !subject_id) {
    return Error::InvalidArgument(
        "choose a decision, a fund project or an initiative from the list", "subject");
  }
  const bool remove = ctx.form.Get("action") == "remove";
  Status done = remove ? ctx.services.impact_links.Unlink(ctx.community->id, *indicator, *subject,
                                                          *subject_id, ctx.person->id, ctx.Now())
                       : ctx.services.impact_links.Link(ctx.community->id, *indicator, *subject,
                                                        *subject_id, ctx.person->id, ctx.Now());
  if (!done) return done.error();
  if (ctx.form.Get("back") == "proposal" && *subject == store::LinkSubject::kProposal) {
    return Redirect("/c/" + ctx.community->slug + "/proposals/" + std::to_string(*subject_id) +
                    "#expected-impact");
  }
  if (ctx.form.Get("back") == "initiative" && *subject == store::LinkSubject::kInitiative) {
    return Redirect("/c/" + ctx.community->slug + "/initiatives/" + std::to_string(*subject_id) +
                    "#expected-impact");
  }
  return Redirect("/c/" + ctx.community->slug + "/impact/indicators/" + std::to_string(*indicator) +
                  "#moved-by");
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
  Result<impact::Measurement> m = MeasurementFromFields(ctx.form);
  if (!m) return ImpactPage(ctx, 400, m.error());
  Result<int64_t> id = ctx.services.impact.Record(ctx.community->id, *m, ctx.person->id, ctx.Now());
  if (!id && id.error().code != ErrorCode::kUnavailable) return ImpactPage(ctx, 400, id.error());
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
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  const impact::MeasurementFile file = ReadCommunityMeasurements(text, *indicators);
  if (!file.errors.empty()) {
    return ImpactPage(ctx, 400,
                      Error::InvalidArgument("The file has errors; nothing was imported.", "file"),
                      file.errors);
  }
  std::vector<impact::Measurement> rows;
  rows.reserve(file.rows.size());
  for (const impact::MeasurementRow& row : file.rows) rows.push_back(row.measurement);
  Result<size_t> imported =
      ctx.services.impact.Import(ctx.community->id, rows, ctx.person->id, ctx.Now());
  if (!imported) return imported.error();
  return Redirect("/c/" + ctx.community->slug + "/impact");
}

Result<Response> ExportMeasurementsCsv(Context& ctx) { return MeasurementsCsvResponse(ctx); }

}  // namespace andel::web
