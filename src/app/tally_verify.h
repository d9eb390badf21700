// `andel tally --verify EXPORT.json`: recounts a published decision from its exported anonymous
// ballots and checks every figure its result publishes, the voter roll and the public list of
// receipts; each difference is named ("MISMATCH result.rounds[1].votes.3: published 4,
// recounted 3").
//
// The export (format "andel-decision-export/1"):
//   {"format": "andel-decision-export/1", "method": "schulze", "seats": 1, "seed": 1,
//    "max_score": 10,
//    "candidates": [{"id": 1, "name": "…"}, …],
//    "ballots": [{"receipt": "…", "ranking": [[1], [2, 3]]}, …]   ranked methods
//               {"receipt": "…", "approved": [1, 3]}                approval
//               {"receipt": "…", "scores": {"1": 4, "2": 0}}       score
//    "receipts": ["…", …],
//    "roll": {"size", "weight", "codes": […], "voted": […]},
//    "result": {"ballots": 7, "winners": [1], "winner": 1, "elected": [1, 2],
//               "scores": {"1": 12, …}, "rounds": [{"votes": {"1": 3, …}, "elected": [],
//               "eliminated": [4], "exhausted": 0}, …], "quota": 233334, "pairwise": [[…], …]}}
//   (the figures as voting/result_json.h writes them; an older export without some is checked
//   on the rest).
//
// Motions ("method": "motion") carry "quorum_percent", "threshold" ("1/2", "2/3"), "eligible"
// and ballots {"receipt", "choice": "yes"|"no"|"abstain", "weight"?}; consent ("method":
// "consent") carries ballots {"receipt", "consent": true} or {"receipt", "objection": "…"}; for
// both, "result": {"passed": true|false, "ballots"}, with a motion's figures ("yes", "no",
// "abstain", "eligible", "participated", "quorum_met", "threshold_met") and consent's
// "objections" (the reasons, or their number in older exports).
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
