// The decision export, format "andel-decision-export/1": what anyone needs to recount a closed
// decision (its rule, the anonymous ballots with their receipts, the voter roll) and its result as
// published. Written by the server (ExportOf, WriteDecisionExport) and read by `andel tally
// --verify` (ReadDecisionExport):
//
//   {"format": "andel-decision-export/1", "decision": 7, "title": "…", "method": "schulze",
//    "secret": false, "opens_at": 1790000000, "closes_at": 1790003600, "seed": 1,
//    "seats": 2 (stv), "max_score": 10 (score),
//    "quorum_percent": 50, "threshold": "1/2", "weighted": false, "eligible": 40 (motions),
//    "roll": {"size": 40, "weight": 40, "codes": ["2QX7K9PA", …], "voted": [ codes ]},
//    "candidates": [{"id": 1, "name": "…"}, …],
//    "ballots": [{"ranking": [[1], [2, 3]], "receipt": "…"}, …]     ranked methods
//               {"approved": [1, 3], "receipt": "…"}                  approval
//               {"scores": {"1": 4, "2": 0}, "receipt": "…"}         score
//               {"choice": "yes"|"no"|"abstain", "receipt": "…", "weight": 3 (weighted)}
//               {"consent": true} or {"objection": "…"}, with "receipt"      consent
//    "receipts": ["…", …],
//    "result": {"ballots": 7,
//               motions: "yes", "no", "abstain", "eligible", "participated", "quorum_met",
//               "threshold_met"; consent: "objections": ["…"]; both: "passed",
//               the rest: "winners": [1], "winner": 1, "elected": [1, 2] (stv),
//               "scores": {"1": 12, …}, "rounds": [{"votes": {"1": 3, …}, "elected": [],
//               "eliminated": [4], "exhausted": 0}, …], "quota": 233334 (stv),
//               "pairwise": [[…], …] (as voting/result_json.h writes a count's figures),
//               "summary": "winners=1 winner=1"}}
//
// An older or hand-made export may lack the decision's facts, the roll, the candidates of a motion
// and any figure of the result (consent's "objections" was once their number): the reader takes
// what is there.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "decisions/decision.h"
#include "decisions/method.h"

namespace andel::decisions {

inline constexpr std::string_view kDecisionExportFormat = "andel-decision-export/1";

// The voter roll fixed as the decision opened: each entitled member's code, the roll's weight
// (the quorum's base), and the codes of those who voted.
struct ExportRoll {
  int64_t size = 0;
  int64_t weight = 0;
  std::vector<std::string> codes;
  std::vector<std::string> voted;
  bool operator==(const ExportRoll&) const = default;
};

// One anonymous ballot: its receipt, what it says (the part of `ballot` its method uses, in the
// order published) and, for a weighted motion, its weight.
struct ExportBallot {
  std::string receipt;
  Ballot ballot;
  std::optional<int64_t> weight;
  bool operator==(const ExportBallot&) const = default;
};

// A round of IRV or a stage of STV, candidates by id: votes in the order published.
struct ExportRound {
  std::vector<std::pair<int64_t, int64_t>> votes;  // candidate id, votes
  std::vector<int64_t> elected;
  std::vector<int64_t> eliminated;
  int64_t exhausted = 0;
  bool operator==(const ExportRound&) const = default;
};

// The result as published; each figure is absent where the export has none. Candidates by id.
struct ExportResult {
  std::optional<int64_t> ballots;
  // Motions (voting::MotionResult).
  std::optional<int64_t> yes, no, abstain, eligible, participated;
  std::optional<bool> quorum_met, threshold_met;
  // Consent: the reasons given; an older export published only their number.
  std::optional<std::vector<std::string>> objections;
  std::optional<int64_t> objection_count;  // written only without `objections`
  std::optional<bool> passed;              // motions and consent
  // The other methods: the co-winners, the lot's winner, STV's elected, and the count's figures.
  std::optional<std::vector<int64_t>> winners;
  std::optional<int64_t> winner;
  std::optional<std::vector<int64_t>> elected;
  std::optional<std::vector<std::pair<int64_t, int64_t>>> scores;  // candidate id, score
  std::optional<std::vector<ExportRound>> rounds;
  std::optional<int64_t> quota;                               // STV, in hundred-thousandths
  std::optional<std::vector<std::vector<int64_t>>> pairwise;  // in candidate order
  std::optional<std::string> summary;                         // see FormatResultSummary
  bool operator==(const ExportResult&) const = default;
};

// A decision's export. Numbers are as published; members the export may lack are optional.
struct DecisionExport {
  Method method = Method::kMotion;
  std::optional<int64_t> decision;  // the decision's id
  std::optional<std::string> title;
  std::optional<bool> secret;
  std::optional<int64_t> opens_at;
  std::optional<int64_t> closes_at;
  std::optional<int64_t> seed;       // the lot for ties
  std::optional<int64_t> seats;      // stv
  std::optional<int64_t> max_score;  // score
  // Motions: the rule, and the weight of everyone who could vote (the quorum's base).
  std::optional<int64_t> quorum_percent;
  std::optional<std::string> threshold;  // "1/2", "2/3"
  std::optional<bool> weighted;
  std::optional<int64_t> eligible;
  std::optional<ExportRoll> roll;
  std::vector<Option> candidates;
  std::vector<ExportBallot> ballots;
  std::vector<std::string> receipts;
  ExportResult result;
  bool operator==(const DecisionExport&) const = default;
};

// The export of a closed decision: its facts and `title`, its roll, each stored ballot (read as
// ParseBallot reads it) with its receipt, and `outcome` (Count of those ballots) with the summary
// recorded at the close. kInvalidArgument if a stored ballot does not read.
Result<DecisionExport> ExportOf(const Decision& decision, std::string title, ExportRoll roll,
                                const std::vector<StoredBallot>& ballots, const Outcome& outcome);

// The export as compact JSON text: the members above in that order, each one present written.
std::string WriteDecisionExport(const DecisionExport& decision_export);

// The export of `text`, every member's shape checked: a motion carries quorum_percent, threshold
// and eligible, motions and consent publish result.passed, and the other methods list their
// candidates, which are the only ones their ballots name. kInvalidArgument "the export is
// malformed" with `where` saying what is wrong ("ballots must be a list", "a ballot names an
// unknown candidate"), or "unknown counting method" naming "method". ReadDecisionExport(
// WriteDecisionExport(e)) is e for every export whose ballots say only what their method uses.
Result<DecisionExport> ReadDecisionExport(std::string_view text);

// A ballot as the export and the API write it: {"choice": "yes"|"no"|"abstain"}, {"consent":
// true} or {"objection"}, {"approved": [ids]}, {"scores": {id: score}} or {"ranking": [[ids]]}.
boost::json::object BallotJson(Kind kind, const Ballot& ballot);

}  // namespace andel::decisions
