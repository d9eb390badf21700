// The board's competence taxonomy as pages: labels in three languages and synonyms, and merging
// members' free tags into it (the API: competence_api.cpp).
#include <charconv>

#include "core/text.h"
#include "matching/profile.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

Result<Response> CompetencesPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Competences") + " · " + ctx.community->name);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ViewData curated = MakeList();
  ViewData tags = MakeList();
  ViewData targets = MakeList();
  for (const auto& [key, record] : *labels) {
    if (!record.curated) continue;
    ViewData target = MakeObject();
    target.set("id", std::to_string(record.id));
    target.set("label", CompetenceLabel(ctx, *labels, key));
    targets.push_back(target);
  }
  for (const auto& [key, record] : *labels) {
    ViewData item = MakeObject();
    item.set("id", std::to_string(record.id));
    item.set("label_en", record.label_en);
    item.set("label_da", record.label_da);
    item.set("label_nl", record.label_nl);
    item.set("synonyms", record.synonyms);
    item.set("label", CompetenceLabel(ctx, *labels, key));
    if (record.curated) {
      curated.push_back(item);
    } else {
      item.set("targets", targets);
      tags.push_back(item);
    }
  }
  page.set("curated", curated);
  if (!tags.is_empty_list()) page.set("tags", tags);
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "partnerships/competences", page, status);
}

int64_t FormId(const std::string& text) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && ptr == text.data() + text.size() && id > 0 ? id : 0;
}

}  // namespace

Result<Response> ShowCompetences(Context& ctx) { return CompetencesPage(ctx, 200, std::nullopt); }

Result<Response> SubmitCompetence(Context& ctx) {
  Result<store::CompetenceRecord> saved = SaveCompetence(ctx, ctx.ParamId("id"), ctx.form);
  if (!saved) {
    if (saved.error().code == ErrorCode::kInvalidArgument) {
      return CompetencesPage(ctx, 400, saved.error());
    }
    return saved.error();
  }
  return Redirect("/c/" + ctx.community->slug + "/admin/competences?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitCompetenceMerge(Context& ctx) {
  Status merged = ctx.services.partnerships.MergeCompetence(ctx.community->id, ctx.ParamId("id"),
                                                            FormId(ctx.form.Get("into")),
                                                            ctx.person->id, ctx.Now());
  if (!merged) {
    if (merged.error().code == ErrorCode::kInvalidArgument)
      return CompetencesPage(ctx, 400, merged.error());
    return merged.error();
  }
  return Redirect("/c/" + ctx.community->slug + "/admin/competences?notice=" + UrlEncode("Saved."));
}

}  // namespace andel::web
