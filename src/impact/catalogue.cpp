#include "impact/catalogue.h"

#include <array>

namespace andel::impact {
namespace {

constexpr std::array<CatalogueEntry, 7> kCatalogue{{
    {"participants", "Participants", "people", Direction::kHigherIsBetter, Aggregation::kSum},
    {"volunteer_hours", "Volunteers' hours", "hours", Direction::kHigherIsBetter,
     Aggregation::kSum},
    {"people_into_jobs", "People into jobs", "people", Direction::kHigherIsBetter,
     Aggregation::kSum},
    {"people_into_education", "People into education", "people", Direction::kHigherIsBetter,
     Aggregation::kSum},
    {"partnerships_formed", "Partnerships formed across categories", "partnerships",
     Direction::kHigherIsBetter, Aggregation::kSum},
    {"co2_avoided", "CO₂ avoided", "t CO₂e", Direction::kHigherIsBetter, Aggregation::kSum},
    {"local_spend", "Local spend", "DKK", Direction::kHigherIsBetter, Aggregation::kSum},
}};

}  // namespace

std::span<const CatalogueEntry> StarterCatalogue() { return kCatalogue; }

const CatalogueEntry* FindCatalogueEntry(std::string_view key) {
  for (const CatalogueEntry& entry : kCatalogue) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

bool CountsPartnershipsFormed(const Indicator& indicator) {
  return indicator.catalogue_key == "partnerships_formed";
}

}  // namespace andel::impact
