// The audit log as sentences: each entry in the reader's language, with links to the objects it
// names under their current names, and times in local time ("Moved the initiative Morgenkaffe
// from Idea to Operating"). An object since deleted is named as such.
#pragma once

#include <map>
#include <string>

#include "store/audit_event.h"
#include "web/context.h"

namespace andel::web {

// HTML: names escaped, links relative to the community's address.
std::string AuditSentenceHtml(const Context& ctx, const store::AuditEvent& event,
                              const std::map<store::AuditRef, store::AuditName>& names);

}  // namespace andel::web
