// The board's competence taxonomy in the JSON API: the list, adding or changing a competence, and
// merging a free tag into a curated one.
#include <boost/json.hpp>

#include "web/api_support.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object CompetenceJson(const std::string& key, const store::CompetenceRecord& record) {
  return {{"id", record.id},
          {"key", key},
          {"labels", {{"en", record.label_en}, {"da", record.label_da}, {"nl", record.label_nl}}},
          {"synonyms", record.synonyms},
          {"curated", record.curated}};
}

}  // namespace

Result<Response> ApiListCompetences(Context& ctx) {
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  json::array items;
  for (const auto& [key, record] : *labels) {
    items.push_back(CompetenceJson(key, record));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiSaveCompetence(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"label_en", "label_da", "label_nl", "synonyms"});
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  const int64_t id = ctx.ParamId("id");
  Result<store::CompetenceRecord> saved = SaveCompetence(ctx, id, *form);
  if (!saved) return saved.error();
  return JsonOf(CompetenceJson(saved->key, *saved), id == 0 ? 201 : 200);
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
