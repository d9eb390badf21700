// An audit entry read back as structured data: the objects it is about and its values. Entries
// keep the text the hash chain covers ("member 12", "role=board status=active", "idea →
// operating"), so rewriting them is not possible; ReadAuditEvent parses each action's text into
// an event, for old entries as for new ones, and AuditNames finds the current names of the
// objects, so that the log can be shown as sentences in the reader's language.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/audit_log.h"

namespace andel::store {

// An object an entry is about: "member" 12, "fund project" 3, "decision" 7.
struct AuditRef {
  std::string kind;
  int64_t id = 0;
  auto operator<=>(const AuditRef&) const = default;
};

struct AuditEvent {
  std::string action;
  std::vector<AuditRef> refs;                 // the subject first, then any other object named
  std::map<std::string, std::string> values;  // "role" → "board", "count" → "24", "email" → …
};

AuditEvent ReadAuditEvent(const AuditEntry& entry);

// What an object is called now, and where it lives.
struct AuditName {
  std::string name;
  std::string name_da;  // a category's names of its own in Danish and Dutch
  std::string name_nl;
  std::string catalogue_key;  // an indicator from the catalogue: its name is translated
  std::string slug;           // a community's address
  int64_t parent_id = 0;      // a decision's proposal, a fund project's fund, a measurement's
                              // indicator
};

// The current names of the objects `refs` name, of the community `community_id` (a community
// named, such as a programme, may be another); an object since deleted has none.
Result<std::map<AuditRef, AuditName>> AuditNames(Database& db, int64_t community_id,
                                                 const std::vector<AuditRef>& refs);

}  // namespace andel::store
