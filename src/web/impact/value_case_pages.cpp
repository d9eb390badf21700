// Value cases as pages: a community's cases with the board's form, one case with its
// indicators and evidence (and the board's publish button), and the server's library of
// published cases with search.
#include "core/text.h"
#include "web/communities/views.h"
#include "web/impact/actions.h"
#include "web/impact/handlers.h"
#include "web/render/markdown.h"
#include "web/responses.h"

namespace andel::web {
namespace {

std::string CasePath(const impact::ValueCase& value_case) {
  return "/c/" + value_case.community_slug + "/impact/cases/" + std::to_string(value_case.id);
}

// The evidence links as a list for the page.
ViewData EvidenceList(const std::vector<std::string>& links) {
  ViewData evidence = MakeList();
  for (const std::string& link : links) {
    ViewData item = MakeObject();
    item.set("link", link);
    evidence.push_back(item);
  }
  return evidence;
}

Result<Response> CasesPage(Context& ctx, int status, const std::optional<Error>& error) {
  Result<std::vector<impact::ValueCase>> cases = ctx.services.value_cases.List(ctx.community->id);
  if (!cases) return cases.error();
  ViewData page = BasePage(ctx, ctx.T("Value cases") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("csrf", ctx.CsrfToken());
  ViewData list = MakeList();
  for (const impact::ValueCase& value_case : *cases) {
    list.push_back(ValueCaseItem(value_case, CasePath(value_case)));
  }
  page.set("cases", list);
  page.set("has_cases", !cases->empty());
  if (ctx.IsBoard()) {
    Result<std::vector<impact::Indicator>> indicators =
        ctx.services.impact.Indicators(ctx.community->id);
    if (!indicators) return indicators.error();
    ViewData options = MakeList();
    for (const impact::Indicator& indicator : *indicators) {
      ViewData option = MakeObject();
      option.set("id", std::to_string(indicator.id));
      option.set("name", IndicatorName(ctx, indicator));
      for (const std::string& chosen : ctx.form.GetAll("indicator")) {
        if (chosen == std::to_string(indicator.id)) option.set("checked", true);
      }
      options.push_back(option);
    }
    page.set("can_write", true);
    page.set("indicator_options", options);
    for (const char* field : {"title", "story", "evidence"}) {
      page.set(std::string("form_") + field, ctx.form.Get(field));
    }
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "impact/value_case_list", page, status);
}

}  // namespace

Result<Response> ShowValueCases(Context& ctx) { return CasesPage(ctx, 200, std::nullopt); }

Result<Response> SubmitValueCase(Context& ctx) {
  Result<impact::ValueCase> value_case = ValueCaseFromFields(ctx, ctx.form);
  if (!value_case) return CasesPage(ctx, 400, value_case.error());
  Result<int64_t> id = ctx.services.value_cases.Create(*value_case, ctx.person->id, ctx.Now());
  if (!id && id.error().code == ErrorCode::kInvalidArgument) return CasesPage(ctx, 400, id.error());
  if (!id) return id.error();
  return Redirect("/c/" + ctx.community->slug + "/impact/cases/" + std::to_string(*id));
}

Result<Response> ShowValueCase(Context& ctx) {
  Result<impact::ValueCase> value_case = ctx.services.value_cases.Find(ctx.ParamId("id"));
  if (!value_case || value_case->community_id != ctx.community->id) {
    return Error::NotFound("there is no such value case", "value_case");
  }
  Result<std::vector<impact::Indicator>> indicators =
      ctx.services.impact.Indicators(ctx.community->id);
  if (!indicators) return indicators.error();
  ViewData page = BasePage(ctx, value_case->title + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("id", std::to_string(value_case->id));
  page.set("csrf", ctx.CsrfToken());
  page.set("title", value_case->title);
  page.set("story_html", RenderMarkdown(value_case->story));
  page.set("date", FormatDate(ctx.language, DateFromUnixSeconds(value_case->created_at)));
  ViewData rests_on = MakeList();
  for (const impact::Indicator& indicator : *indicators) {
    for (const int64_t id : value_case->indicator_ids) {
      if (id != indicator.id) continue;
      ViewData item = MakeObject();
      item.set("id", std::to_string(indicator.id));
      item.set("name", IndicatorName(ctx, indicator));
      rests_on.push_back(item);
    }
  }
  page.set("indicators", rests_on);
  page.set("has_indicators", !value_case->indicator_ids.empty());
  page.set("evidence", EvidenceList(value_case->evidence_urls));
  page.set("has_evidence", !value_case->evidence_urls.empty());
  if (value_case->published) page.set("published", true);
  if (ctx.IsBoard()) page.set("can_publish", true);
  return HtmlPage(ctx, "impact/value_case", page);
}

Result<Response> SubmitValueCasePublish(Context& ctx) {
  const bool published = ctx.form.Get("published") == "1";
  if (Status done = ctx.services.value_cases.SetPublished(ctx.community->id, ctx.ParamId("id"),
                                                          published, ctx.person->id, ctx.Now());
      !done) {
    return done.error();
  }
  return Redirect("/c/" + ctx.community->slug + "/impact/cases/" +
                  std::to_string(ctx.ParamId("id")));
}

Result<Response> ShowCaseLibrary(Context& ctx) {
  const std::string query(Trim(ctx.query.Get("q")));
  Result<std::vector<impact::ValueCase>> cases =
      ctx.services.value_cases.SearchPublished(query, 100);
  if (!cases) return cases.error();
  ViewData page = BasePage(ctx, ctx.T("Value cases from every community"));
  page.set("q", query);
  ViewData list = MakeList();
  for (const impact::ValueCase& value_case : *cases) {
    list.push_back(ValueCaseItem(value_case, "/cases/" + std::to_string(value_case.id)));
  }
  page.set("cases", list);
  page.set("has_cases", !cases->empty());
  return HtmlPage(ctx, "impact/case_library", page);
}

Result<Response> ShowLibraryCase(Context& ctx) {
  Result<impact::ValueCase> value_case = ctx.services.value_cases.Find(ctx.ParamId("id"));
  if (!value_case || !value_case->published) {
    return Error::NotFound("there is no such value case", "value_case");
  }
  ViewData page = BasePage(ctx, value_case->title);
  page.set("title", value_case->title);
  page.set("community_name", value_case->community_name);
  page.set("story_html", RenderMarkdown(value_case->story));
  page.set("date", FormatDate(ctx.language, DateFromUnixSeconds(value_case->created_at)));
  page.set("evidence", EvidenceList(value_case->evidence_urls));
  page.set("has_evidence", !value_case->evidence_urls.empty());
  page.set("library", true);
  return HtmlPage(ctx, "impact/value_case", page);
}

}  // namespace andel::web
