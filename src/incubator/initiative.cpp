#include "incubator/initiative.h"

#include "core/enum_names.h"
#include "core/text.h"

namespace andel::incubator {
namespace {

constexpr EnumNames<Stage, kStages> kStageNames{{
    {"idea", Stage::kIdea},
    {"exploring", Stage::kExploring},
    {"founding", Stage::kFounding},
    {"operating", Stage::kOperating},
}};

}  // namespace

std::string_view Name(Stage stage) { return NameOf(kStageNames, stage); }

Result<Stage> ParseStage(std::string_view text) {
  return ParseEnum(kStageNames, text, "stage", "unknown stage");
}

Status ValidateInitiative(const Initiative& initiative) {
  const std::string_view title = Trim(initiative.title);
  if (title.empty() || !IsValidUtf8(title) || CodePointCount(title) > 120) {
    return Error::InvalidArgument("an initiative needs a title of at most 120 characters", "title");
  }
  if (!IsValidUtf8(initiative.summary) || CodePointCount(initiative.summary) > 10000) {
    return Error::InvalidArgument("a summary has at most 10,000 characters", "summary");
  }
  return {};
}

}  // namespace andel::incubator
