// `andel tally --verify EXPORT.json`: recounts a published decision from its exported anonymous
// ballots and checks every figure its result publishes, the voter roll and the public list of
// receipts; each difference is named ("MISMATCH result.rounds[1].votes.3: published 4,
// recounted 3").
//
// The export (format "andel-decision-export/1") is described and read in decisions/export.h; an
// older export without some figures is checked on the rest.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace andel::app {

// Prints what was checked; returns 0 if the recount and the receipts match, 1 on a mismatch,
// 2 for an export that cannot be read.
int VerifyExport(const std::string& path);
// The same for the export's text: what was checked goes to `out`, why it cannot be read to
// `err`.
int VerifyExportText(std::string_view text, std::ostream& out, std::ostream& err);

}  // namespace andel::app
