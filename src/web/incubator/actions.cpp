#include "web/incubator/actions.h"

#include "core/text.h"

namespace andel::web {

Result<incubator::Initiative> InitiativeFromFields(const Context& ctx, const Form& form) {
  incubator::Initiative initiative;
  initiative.community_id = ctx.community->id;
  initiative.title = Trim(form.Get("title"));
  initiative.summary = Trim(form.Get("summary"));
  if (!Trim(form.Get("stage")).empty()) {
    Result<incubator::Stage> stage = incubator::ParseStage(form.Get("stage"));
    if (!stage) return stage.error();
    initiative.stage = *stage;
  }
  if (Status valid = incubator::ValidateInitiative(initiative); !valid) return valid.error();
  return initiative;
}

std::string StageLabel(const Context& ctx, incubator::Stage stage) {
  switch (stage) {
    case incubator::Stage::kIdea:
      return ctx.T("Idea");
    case incubator::Stage::kExploring:
      return ctx.T("Exploring");
    case incubator::Stage::kFounding:
      return ctx.T("Founding");
    case incubator::Stage::kOperating:
      return ctx.T("Operating");
  }
  return std::string(incubator::Name(stage));
}

}  // namespace andel::web
