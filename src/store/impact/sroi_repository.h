// SROI analyses in the database: the inputs; the report is computed when shown.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "impact/sroi.h"

namespace andel::store {

class Database;

struct SroiAnalysis {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string title;
  std::string currency;
  impact::SroiInput input;
  int64_t created_at = 0;
};

class SroiRepository {
 public:
  explicit SroiRepository(Database& db) : db_(db) {}

  // The analysis must be valid (impact::ValidateSroi).
  Result<int64_t> Create(const SroiAnalysis& analysis, int64_t actor_person_id, int64_t now);
  // The community's analyses, newest first.
  Result<std::vector<SroiAnalysis>> List(int64_t community_id);
  // kNotFound unless the analysis is the community's.
  Result<SroiAnalysis> Find(int64_t community_id, int64_t analysis_id);

 private:
  Database& db_;
};

}  // namespace andel::store
