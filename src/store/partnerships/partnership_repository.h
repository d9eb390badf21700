// Partnerships in the database: the community's competences, members' offers and needs, and
// their answers to match recommendations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

struct CompetenceRecord {
  int64_t id = 0;
  std::string key;  // trimmed and case-folded
  std::string label_en, label_da, label_nl;
  std::string synonyms;  // comma-separated
  bool curated = false;  // in the board's taxonomy; else a member's free tag
};

// An active member's partnership profile, with what the matching needs to know.
struct PartnerProfile {
  int64_t membership_id = 0;
  std::string name;
  std::string category;             // code
  std::string organisation;         // empty: none
  std::vector<std::string> offers;  // competence keys
  std::vector<std::string> needs;
};

struct MatchResponse {
  int64_t low_membership_id = 0;
  int64_t high_membership_id = 0;
  std::string status;  // "accepted" or "declined"
  int64_t responded_at = 0;
};

struct Consortium {
  int64_t id = 0;
  std::string task;
  std::string needs;  // comma-separated competence keys
  int64_t created_at = 0;
  std::vector<std::pair<int64_t, std::string>> members;  // membership id, what it covers
};

class PartnershipRepository {
 public:
  explicit PartnershipRepository(Database& db) : db_(db) {}

  Result<std::vector<CompetenceRecord>> ListCompetences(int64_t community_id);
  // Adds a competence to the community's taxonomy (curated), or updates its labels.
  Status AddCompetence(int64_t community_id, const CompetenceRecord& competence);
  // Changes a competence's labels and synonyms and makes it curated. kNotFound if it is not
  // the community's.
  Status UpdateCompetence(int64_t community_id, const CompetenceRecord& competence);
  // Merges competence `from` (a free tag, say) into `into`: members who named the one now name
  // the other, and the tag's key becomes one of its synonyms. In one transaction.
  Status MergeCompetence(int64_t community_id, int64_t from, int64_t into, int64_t actor,
                         int64_t now);
  // Replaces a member's offers and needs. Each entry is a key and the text as the member wrote
  // it; a key the community does not know yet becomes a free tag labelled with that text.
  Status SaveProfile(int64_t community_id, int64_t membership_id,
                     const std::vector<std::pair<std::string, std::string>>& offers,
                     const std::vector<std::pair<std::string, std::string>>& needs);
  // Every active member's profile, by membership id.
  Result<std::vector<PartnerProfile>> ListProfiles(int64_t community_id);
  // Records an answer to a recommendation (replacing an earlier one for the pair).
  Status Respond(int64_t community_id, int64_t membership_id, int64_t other_membership_id,
                 const std::string& status, int64_t now);
  Result<std::vector<MatchResponse>> ListResponses(int64_t community_id);

  Result<int64_t> SaveConsortium(int64_t community_id, const Consortium& consortium,
                                 int64_t created_by, int64_t now);
  // Newest first.
  Result<std::vector<Consortium>> ListConsortia(int64_t community_id);

 private:
  Database& db_;
};

}  // namespace andel::store
