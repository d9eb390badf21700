// Impact tied to what produced it: the decisions (by their proposal), fund projects and
// initiatives a community expects to move each of its indicators. Indicators belong to the
// community; a decision, project or initiative "has" the indicators it names here, so that a
// community keeps one dashboard, one roll-up and one export, and a project's own measure is a
// community indicator linked to it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

enum class LinkSubject { kProposal, kProject, kInitiative };
std::string_view Name(LinkSubject subject);  // "proposal", "project", "initiative"
Result<LinkSubject> ParseLinkSubject(std::string_view text);

// One link with what the pages show of its subject.
struct ImpactLink {
  int64_t indicator_id = 0;
  LinkSubject subject = LinkSubject::kProposal;
  int64_t subject_id = 0;
  std::string title;
  // A proposal's decision: when it closes or closed (0 without a decision), and whether it has.
  int64_t closes_at = 0;
  int64_t closed_at = 0;
  // A project's fund.
  int64_t fund_id = 0;
  std::string fund_title;
  std::string fund_phase;
  // An initiative's stage.
  std::string stage;
};

class ImpactLinkRepository {
 public:
  explicit ImpactLinkRepository(Database& db) : db_(db) {}

  // Names `indicator_id` as moved by the subject; linking twice changes nothing. kNotFound
  // naming "indicator" or "subject" unless both are the community's.
  Status Link(int64_t community_id, int64_t indicator_id, LinkSubject subject, int64_t subject_id,
              int64_t actor_person_id, int64_t now);
  // Removes the link; kNotFound if there is none.
  Status Unlink(int64_t community_id, int64_t indicator_id, LinkSubject subject, int64_t subject_id,
                int64_t actor_person_id, int64_t now);
  // Every link of the community, by indicator, then proposals, projects and initiatives, then by
  // id.
  Result<std::vector<ImpactLink>> Links(int64_t community_id);

 private:
  Database& db_;
};

}  // namespace andel::store
