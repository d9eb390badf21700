// Proposals and the decisions attached to them: what a decision is (its method, options, times
// and rule), what a ballot says (parsed from and written to one line of text, the form it is
// stored in), and counting a decision's ballots with the voting library. Pure values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "communities/community.h"
#include "core/result.h"
#include "decisions/method.h"
#include "voting/motion.h"
#include "voting/tally.h"

namespace andel::decisions {

struct Proposal {
  int64_t id = 0;
  int64_t community_id = 0;
  int64_t author_person_id = 0;
  std::string title;
  std::string body;  // Markdown
  int64_t created_at = 0;
  int64_t updated_at = 0;
  int64_t discussion_closed_at = 0;  // 0: comments are welcome
};

struct Comment {
  int64_t id = 0;
  int64_t proposal_id = 0;
  int64_t parent_id = 0;  // 0: a comment on the proposal, else a reply
  int64_t author_person_id = 0;
  std::string body;
  int64_t created_at = 0;
};

enum class AmendmentStatus { kProposed, kAccepted, kRejected };
std::string_view Name(AmendmentStatus status);
Result<AmendmentStatus> ParseAmendmentStatus(std::string_view text);

struct Amendment {
  int64_t id = 0;
  int64_t proposal_id = 0;
  int64_t author_person_id = 0;
  std::string body;  // the proposal's text as the amendment would have it
  std::string reason;
  AmendmentStatus status = AmendmentStatus::kProposed;
  int64_t created_at = 0;
};

struct Option {
  int id = 0;  // 1, 2, … in the order given
  std::string name;
  bool operator==(const Option&) const = default;
};

struct Decision {
  int64_t id = 0;
  int64_t proposal_id = 0;
  int64_t community_id = 0;
  Method method = Method::kMotion;
  std::vector<Option> options;  // none for motions and consent
  int seats = 1;                // stv
  int max_score = 5;            // score
  int quorum_percent = 0;       // motions
  communities::Fraction threshold{1, 2};
  bool weighted = false;  // motions: votes weighted by shares (where the statutes say so)
  bool secret = false;
  bool live_results = false;
  uint64_t seed = 1;  // the lot for ties
  int64_t opens_at = 0;
  int64_t closes_at = 0;
  int64_t closed_at = 0;        // 0 while not closed
  int64_t eligible_weight = 0;  // recorded at the close
  std::string result;           // recorded at the close: see FormatResultSummary
  int64_t created_by = 0;
};

Kind KindOf(const Decision& decision);
voting::MotionRule RuleOf(const Decision& decision);

enum class Phase { kUpcoming, kOpen, kClosing, kClosed };
// kClosing: past its closing time but not yet counted.
Phase PhaseAt(const Decision& decision, int64_t now);
std::string_view Name(Phase phase);

// Checks and normalises a decision before it is opened: 2-50 options with distinct names of 1-200
// characters (none for motions and consent); 1 ≤ seats < options for stv; max_score 1-100; quorum
// 0-100; threshold in (0, 1]; closing after opening, and at most a year later; no live results for
// a secret vote. kInvalidArgument naming the field at fault.
Status ValidateDecision(Decision& decision);

// Title 1-200 characters, text at most 50,000; kInvalidArgument naming "title" or "body".
Status ValidateProposal(Proposal& proposal);
// 1-10,000 characters; kInvalidArgument naming `field`.
Result<std::string> ValidateText(std::string_view text, std::string_view field, size_t max);

// What one ballot says. Which part is used depends on the decision's kind.
struct Ballot {
  voting::Choice choice = voting::Choice::kAbstain;  // motion
  std::optional<std::string> objection;              // consent: the reason, if the voter objects
  std::vector<int> approved;                         // approval: option ids, ascending
  std::map<int, int> scores;                         // score: option id → score (0 if absent)
  std::vector<std::vector<int>> ranking;             // ranked: positions of option ids, best first
  bool operator==(const Ballot&) const = default;
};

// One line of text per kind: "yes" / "no" / "abstain"; "consent" / "object:REASON";
// approval "1 3"; score "1:5 2:3"; ranking "3 1=2 4" (ties joined by '=').
std::string FormatBallot(const Decision& decision, const Ballot& ballot);
// kInvalidArgument for anything FormatBallot does not write, or that names an unknown option,
// lists one twice, or scores outside 0..max_score; an objection needs a reason.
Result<Ballot> ParseBallot(const Decision& decision, std::string_view text);
Status ValidateBallot(const Decision& decision, const Ballot& ballot);

// A ranking from a rank number per option (1 is first; equal numbers tie; options without a
// number are unranked). Gaps do not matter: 1, 3, 3 means first, then two tied second.
// kInvalidArgument for a number below 1 or above the number of options.
Result<std::vector<std::vector<int>>> RankingFromNumbers(const Decision& decision,
                                                         const std::map<int, int>& numbers);

struct StoredBallot {
  std::string receipt;
  std::string content;
  int64_t weight = 1;
};

// The outcome of a decision counted from its ballots.
struct Outcome {
  Kind kind = Kind::kMotion;
  int64_t ballots = 0;
  std::optional<voting::MotionResult> motion;
  std::optional<voting::ConsentResult> consent;
  std::vector<std::string> objections;  // consent: the reasons given
  std::optional<voting::TallyResult> tally;
  std::vector<int> winners;   // option ids, ascending (the co-winners before the tie-break)
  std::optional<int> winner;  // the single winner after the seeded lot
  std::vector<int> elected;   // stv: option ids, ascending
  bool passed = false;        // motions and consent
};

// Counts the ballots; `eligible_weight` is the weight of everyone who may vote (for the quorum).
// kInvalidArgument if a stored ballot does not parse.
Result<Outcome> Count(const Decision& decision, const std::vector<StoredBallot>& ballots,
                      int64_t eligible_weight);

// The one line recorded when a decision closes: "passed" / "rejected" for motions and
// consent, "winners=1,3 winner=1" or "elected=1,2,4" for the rest.
std::string FormatResultSummary(const Outcome& outcome);

}  // namespace andel::decisions
