// The starter catalogue of indicators a board can pick from: what the seed texts count
// (participants, volunteers' hours, people into jobs and education, partnerships formed across
// categories, CO₂ avoided, local spend). Names are English; pages show them translated.
#pragma once

#include <span>
#include <string_view>

#include "impact/indicator.h"

namespace andel::impact {

struct CatalogueEntry {
  std::string_view key;   // stored with the indicator: "people_into_jobs"
  std::string_view name;  // "People into jobs"
  std::string_view unit;  // "people"
  Direction direction = Direction::kHigherIsBetter;
  Aggregation aggregation = Aggregation::kSum;
};

std::span<const CatalogueEntry> StarterCatalogue();

// The entry with this key, or nullptr.
const CatalogueEntry* FindCatalogueEntry(std::string_view key);

// True for the catalogue's "partnerships formed across categories", which counts by itself:
// the platform adds the community's accepted cross-category matches and published circles.
bool CountsPartnershipsFormed(const Indicator& indicator);

}  // namespace andel::impact
