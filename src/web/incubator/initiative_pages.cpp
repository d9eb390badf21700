// The incubator's initiatives as pages: the community's initiatives by stage, with a form for
// members to put forward a new one; an initiative's page with its story, its stage (which the
// board moves on or back) and the indicators it is expected to move.
#include "core/text.h"
#include "web/impact/indicator_tree.h"
#include "web/incubator/actions.h"
#include "web/incubator/handlers.h"
#include "web/render/markdown.h"
#include "web/responses.h"

namespace andel::web {
namespace {

std::string InitiativePath(const Context& ctx, int64_t id) {
  return "/c/" + ctx.community->slug + "/initiatives/" + std::to_string(id);
}

// The stages as options, the current one chosen.
ViewData StageOptions(const Context& ctx, incubator::Stage chosen) {
  ViewData options = MakeList();
  for (int s = 0; s < incubator::kStages; ++s) {
    const auto stage = static_cast<incubator::Stage>(s);
    ViewData option = MakeObject();
    option.set("value", std::string(incubator::Name(stage)));
    option.set("label", StageLabel(ctx, stage));
    option.set("selected", stage == chosen);
    options.push_back(option);
  }
  return options;
}

Result<Response> InitiativesPage(Context& ctx, int status, const std::optional<Error>& error) {
  Result<std::vector<incubator::Initiative>> initiatives =
      ctx.services.initiatives.List(ctx.community->id);
  if (!initiatives) return initiatives.error();
  ViewData page = BasePage(ctx, ctx.T("Initiatives") + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  // A column per stage, newest first within each.
  ViewData stages = MakeList();
  for (int s = 0; s < incubator::kStages; ++s) {
    const auto stage = static_cast<incubator::Stage>(s);
    ViewData column = MakeObject();
    column.set("code", std::string(incubator::Name(stage)));
    column.set("label", StageLabel(ctx, stage));
    ViewData items = MakeList();
    size_t count = 0;
    for (const incubator::Initiative& initiative : *initiatives) {
      if (initiative.stage != stage) continue;
      ViewData item = MakeObject();
      item.set("title", initiative.title);
      item.set("link", InitiativePath(ctx, initiative.id));
      item.set("since", FormatDate(ctx.language, DateFromUnixSeconds(initiative.stage_changed_at)));
      items.push_back(item);
      ++count;
    }
    column.set("initiatives", items);
    column.set("count", FormatInteger(ctx.language, static_cast<int64_t>(count)));
    column.set("empty", count == 0);
    stages.push_back(column);
  }
  page.set("stages", stages);
  if (ctx.membership) {
    page.set("can_propose", true);
    page.set("csrf", ctx.CsrfToken());
    page.set("form_title", ctx.form.Get("title"));
    page.set("form_summary", ctx.form.Get("summary"));
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "incubator/initiative_list", page, status);
}

Result<Response> InitiativePage(Context& ctx, int status, const std::optional<Error>& error) {
  Result<incubator::Initiative> initiative =
      ctx.services.initiatives.Find(ctx.community->id, ctx.ParamId("id"));
  if (!initiative) return initiative.error();
  ViewData page = BasePage(ctx, initiative->title + " · " + ctx.community->name);
  page.set("slug", ctx.community->slug);
  page.set("id", std::to_string(initiative->id));
  page.set("title", initiative->title);
  page.set("summary_html", RenderMarkdown(initiative->summary));
  page.set("stage", StageLabel(ctx, initiative->stage));
  page.set("stage_code", std::string(incubator::Name(initiative->stage)));
  page.set("since", FormatDate(ctx.language, DateFromUnixSeconds(initiative->stage_changed_at)));
  page.set("author", initiative->created_by_name);
  page.set("created", FormatDate(ctx.language, DateFromUnixSeconds(initiative->created_at)));
  page.set("is_board", ctx.IsBoard());
  page.set("csrf", ctx.CsrfToken());
  if (ctx.IsBoard()) page.set("stages", StageOptions(ctx, initiative->stage));
  Result<ExpectedImpact> expected = LoadExpectedImpact(ctx);
  if (!expected) return expected.error();
  page.set("impact",
           ExpectedImpactView(ctx, *expected, store::LinkSubject::kInitiative, initiative->id));
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "incubator/initiative", page, status);
}

}  // namespace

Result<Response> ShowInitiatives(Context& ctx) { return InitiativesPage(ctx, 200, std::nullopt); }

Result<Response> SubmitInitiative(Context& ctx) {
  Result<incubator::Initiative> initiative = InitiativeFromFields(ctx, ctx.form);
  if (!initiative) return InitiativesPage(ctx, 400, initiative.error());
  // A member puts an initiative forward as an idea; only the board moves it on.
  if (!ctx.IsBoard()) initiative->stage = incubator::Stage::kIdea;
  Result<int64_t> id = ctx.services.initiatives.Create(*initiative, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  return Redirect(InitiativePath(ctx, *id));
}

Result<Response> ShowInitiative(Context& ctx) { return InitiativePage(ctx, 200, std::nullopt); }

Result<Response> SubmitInitiativeStage(Context& ctx) {
  Result<incubator::Stage> stage = incubator::ParseStage(ctx.form.Get("stage"));
  if (!stage) return InitiativePage(ctx, 400, stage.error());
  const int64_t id = ctx.ParamId("id");
  if (Status moved = ctx.services.initiatives.SetStage(ctx.community->id, id, *stage,
                                                       ctx.person->id, ctx.Now());
      !moved) {
    return moved.error();
  }
  return Redirect(InitiativePath(ctx, id));
}

}  // namespace andel::web
