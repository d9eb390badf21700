// The incubator's initiatives in the JSON API: list, put forward (a member's start as an idea;
// the board may give any stage), read, and move to another stage (board).
#include <boost/json.hpp>

#include "web/api_support.h"
#include "web/incubator/actions.h"
#include "web/incubator/handlers.h"

namespace andel::web {
namespace {

namespace json = boost::json;

json::object InitiativeJson(const incubator::Initiative& initiative) {
  return {{"id", initiative.id},
          {"title", initiative.title},
          {"summary", initiative.summary},
          {"stage", incubator::Name(initiative.stage)},
          {"created_by", initiative.created_by_name},
          {"created_at", initiative.created_at},
          {"stage_changed_at", initiative.stage_changed_at}};
}

}  // namespace

Result<Response> ApiListInitiatives(Context& ctx) {
  Result<std::vector<incubator::Initiative>> initiatives =
      ctx.services.initiatives.List(ctx.community->id);
  if (!initiatives) return initiatives.error();
  json::array items;
  for (const incubator::Initiative& initiative : *initiatives) {
    items.push_back(InitiativeJson(initiative));
  }
  return JsonOf(json::object{{"items", std::move(items)}});
}

Result<Response> ApiCreateInitiative(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, kInitiativeFields);
  if (!body) return body.error();
  Result<Form> form = FieldsOf(*body);
  if (!form) return form.error();
  Result<incubator::Initiative> initiative = InitiativeFromFields(ctx, *form);
  if (!initiative) return initiative.error();
  if (!ctx.IsBoard() && initiative->stage != incubator::Stage::kIdea) {
    return Error::PermissionDenied("only the board moves an initiative on", "stage");
  }
  Result<int64_t> id = ctx.services.initiatives.Create(*initiative, ctx.person->id, ctx.Now());
  if (!id) return id.error();
  Result<incubator::Initiative> created = ctx.services.initiatives.Find(ctx.community->id, *id);
  if (!created) return created.error();
  return JsonOf(InitiativeJson(*created), 201);
}

Result<Response> ApiGetInitiative(Context& ctx) {
  Result<incubator::Initiative> initiative =
      ctx.services.initiatives.Find(ctx.community->id, ctx.ParamId("id"));
  if (!initiative) return initiative.error();
  return JsonOf(InitiativeJson(*initiative));
}

Result<Response> ApiUpdateInitiative(Context& ctx) {
  Result<json::object> body = BodyObject(ctx, {"stage"});
  if (!body) return body.error();
  Result<std::string> text = StringField(*body, "stage");
  if (!text) return text.error();
  Result<incubator::Stage> stage = incubator::ParseStage(*text);
  if (!stage) return stage.error();
  const int64_t id = ctx.ParamId("id");
  if (Status moved = ctx.services.initiatives.SetStage(ctx.community->id, id, *stage,
                                                       ctx.person->id, ctx.Now());
      !moved) {
    return moved.error();
  }
  return ApiGetInitiative(ctx);
}

}  // namespace andel::web
