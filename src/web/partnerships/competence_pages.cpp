// The board's competence taxonomy: labels in three languages and synonyms, and merging
// members' free tags into it. As pages and in the API.
#include <boost/json.hpp>
#include <charconv>
#include <tuple>

#include "core/text.h"
#include "matching/profile.h"
#include "web/api_support.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

// Reads and checks the labels: English 1-80 characters, the others at most 80, synonyms as a
// comma-separated list of at most 500 characters.
Result<store::CompetenceRecord> ReadCompetence(const std::string& en, const std::string& da,
                                               const std::string& nl, const std::string& synonyms) {
  store::CompetenceRecord record;
  for (const auto& [text, field, out] : {std::tuple{&en, "label_en", &record.label_en},
                                         std::tuple{&da, "label_da", &record.label_da},
                                         std::tuple{&nl, "label_nl", &record.label_nl}}) {
    if (!IsValidUtf8(*text)) return Error::InvalidArgument("the text is not valid UTF-8", field);
    *out = std::string(Trim(*text));
    if (CodePointCount(*out) > 80 || out->find(',') != std::string::npos) {
      return Error::InvalidArgument("a competence can have at most 80 characters and no commas",
                                    field);
    }
  }
  if (record.label_en.empty()) return Error::InvalidArgument("give the English label", "label_en");
  if (!IsValidUtf8(synonyms) || CodePointCount(synonyms) > 500) {
    return Error::InvalidArgument("the synonyms are too long", "synonyms");
  }
  std::string folded;
  for (std::string_view synonym : Split(synonyms, ',')) {
    const std::string key = matching::CompetenceKey(synonym);
    if (!key.empty()) folded += (folded.empty() ? "" : ",") + key;
  }
  record.synonyms = folded;
  record.key = matching::CompetenceKey(record.label_en);
  return record;
}

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

json::object CompetenceJson(const store::CompetenceRecord& record) {
  return {{"id", record.id},
          {"key", record.key},
          {"labels", {{"en", record.label_en}, {"da", record.label_da}, {"nl", record.label_nl}}},
          {"synonyms", record.synonyms},
          {"curated", record.curated}};
}

}  // namespace

Result<Response> ShowCompetences(Context& ctx) { return CompetencesPage(ctx, 200, std::nullopt); }

Result<Response> SubmitCompetence(Context& ctx) {
  Result<store::CompetenceRecord> record =
      ReadCompetence(ctx.form.Get("label_en"), ctx.form.Get("label_da"), ctx.form.Get("label_nl"),
                     ctx.form.Get("synonyms"));
  if (!record) return CompetencesPage(ctx, 400, record.error());
  const int64_t id = ctx.ParamId("id");
  Status saved = [&]() -> Status {
    if (id == 0) return ctx.services.partnerships.AddCompetence(ctx.community->id, *record);
    record->id = id;
    return ctx.services.partnerships.UpdateCompetence(ctx.community->id, *record);
  }();
  if (!saved) return saved.error();
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

Result<Response> ApiSaveCompetence(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"label_en", "label_da", "label_nl", "synonyms"});
  if (!body) return body.error();
  Result<std::string> en = StringField(*body, "label_en");
  Result<std::string> da = StringField(*body, "label_da");
  Result<std::string> nl = StringField(*body, "label_nl");
  Result<std::string> synonyms = StringField(*body, "synonyms");
  for (const Result<std::string>* field : {&en, &da, &nl, &synonyms}) {
    if (!*field) return field->error();
  }
  Result<store::CompetenceRecord> record = ReadCompetence(*en, *da, *nl, *synonyms);
  if (!record) return record.error();
  const int64_t id = ctx.ParamId("id");
  Status saved = [&]() -> Status {
    if (id == 0) return ctx.services.partnerships.AddCompetence(ctx.community->id, *record);
    record->id = id;
    return ctx.services.partnerships.UpdateCompetence(ctx.community->id, *record);
  }();
  if (!saved) return saved.error();
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  for (const auto& [key, stored] : *labels) {
    if ((id != 0 && stored.id == id) || (id == 0 && key == record->key)) {
      return JsonOf(CompetenceJson(stored), id == 0 ? 201 : 200);
    }
  }
  return Error::NotFound("no such competence", "id");
}

Result<Response> ApiMergeCompetence(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"into"});
  if (!body) return body.error();
  const json::value* into = body->if_contains("into");
  if (!into || !into->is_int64()) return Error::InvalidArgument("this must be an id", "into");
  Status merged = ctx.services.partnerships.MergeCompetence(
      ctx.community->id, ctx.ParamId("id"), into->as_int64(), ctx.person->id, ctx.Now());
  if (!merged) return merged.error();
  return JsonOf(json::object{{"merged", ctx.ParamId("id")}, {"into", into->as_int64()}});
}

}  // namespace andel::web
