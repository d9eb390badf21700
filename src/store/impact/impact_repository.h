// Impact in the database: a community's indicators and their append-only measurements.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "impact/indicator.h"

namespace andel::store {

class Database;

// A partnership formed across categories: an accepted match or a circle of a published set.
struct FormedPartnership {
  Date day;
  bool circle = false;
  std::vector<std::string> names;  // the two partners, or the circle's members
};

class ImpactRepository {
 public:
  explicit ImpactRepository(Database& db) : db_(db) {}

  // The indicator must be valid (impact::ValidateIndicator); its id is ignored. kInvalidArgument
  // naming "parent" unless its goal is an indicator of the community.
  Result<int64_t> CreateIndicator(int64_t community_id, const impact::Indicator& indicator,
                                  int64_t actor_person_id, int64_t now);
  Result<std::vector<impact::Indicator>> Indicators(int64_t community_id);
  // kNotFound unless the indicator is the community's.
  Result<impact::Indicator> FindIndicator(int64_t community_id, int64_t indicator_id);

  // Records one measurement (valid, impact::ValidateMeasurement). kNotFound unless its
  // indicator is the community's; kInvalidArgument naming "supersedes" unless the measurement
  // it corrects is the same indicator's.
  Result<int64_t> Record(int64_t community_id, const impact::Measurement& measurement,
                         int64_t actor_person_id, int64_t now);
  // Every measurement of the community, by id; `recorded_by` is the recorder's name.
  Result<std::vector<impact::Measurement>> Measurements(int64_t community_id);
  // The same without the texts and period starts (source, evidence, recorder): what the
  // aggregations need, read quickly for a dashboard.
  Result<std::vector<impact::Measurement>> Values(int64_t community_id);
  // One indicator's measurements, whole, by id (none if it is not the community's).
  Result<std::vector<impact::Measurement>> MeasurementsOf(int64_t community_id,
                                                          int64_t indicator_id);
  // The partnerships the community formed across categories, one day each: every accepted
  // match between members of different categories (the day it was accepted) and every circle
  // of a published set with members of more than one category (the day it was published).
  Result<std::vector<FormedPartnership>> PartnershipsFormed(int64_t community_id);
  // Many valid measurements of the community's indicators in one transaction, with one entry
  // in the audit log: all or nothing. Returns how many.
  Result<size_t> Import(int64_t community_id, const std::vector<impact::Measurement>& rows,
                        int64_t actor_person_id, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
