// Initiatives: what a co-creation house or an incubator helps grow, from an idea to an operating
// cooperative (seed 002's founding programme, seed 001's activities that grow from people's own
// ideas). An initiative moves through stages; the board moves it on, or back. Pure values.
// This is the incubator module's start, built for impact (an initiative names the indicators it
// is expected to move); checklists, resources, bookings and activities are still to come.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::incubator {

enum class Stage { kIdea, kExploring, kFounding, kOperating };
inline constexpr int kStages = 4;

std::string_view Name(Stage stage);  // "idea", "exploring", "founding", "operating"
Result<Stage> ParseStage(std::string_view text);

struct Initiative {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string title;
  std::string summary;  // Markdown
  Stage stage = Stage::kIdea;
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t created_at = 0;
  int64_t stage_changed_at = 0;
};

// kInvalidArgument naming the field: a title of 1–120 characters, a summary of at most 10,000.
Status ValidateInitiative(const Initiative& initiative);

}  // namespace andel::incubator
