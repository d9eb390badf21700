// `andel tally --verify EXPORT.json`: recounts a published decision from its exported anonymous
// ballots and checks the published result and the public list of receipts.
//
// The export (format "andel-decision-export/1"):
//   {"format": "andel-decision-export/1", "method": "schulze", "seats": 1, "seed": 1,
//    "max_score": 10,
//    "candidates": [{"id": 1, "name": "…"}, …],
//    "ballots": [{"receipt": "…", "ranking": [[1], [2, 3]]}, …]   ranked methods
//               {"receipt": "…", "approved": [1, 3]}                approval
//               {"receipt": "…", "scores": {"1": 4, "2": 0}}       score
//    "receipts": ["…", …],
//    "result": {"winners": [1], "elected": [1, 2]}}
//
// Motions ("method": "motion") carry "quorum_percent", "threshold" ("1/2", "2/3"), "eligible"
// and ballots {"receipt", "choice": "yes"|"no"|"abstain", "weight"?}; consent ("method":
// "consent") carries ballots {"receipt", "consent": true} or {"receipt", "objection": "…"}; for
// both, "result": {"passed": true|false}.
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
