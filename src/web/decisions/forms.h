// Reading a decision or a ballot from a page's form or an API's JSON body, and writing a ballot
// and a count's outcome as JSON for the API (in the shapes of the export, decisions/export.h).
#pragma once

#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "decisions/decision.h"
#include "web/forms.h"

namespace andel::web {

// A decision as a board member asks for it; the rest comes from the statutes.
struct DecisionFields {
  std::string method = "motion";
  std::vector<std::string> options;
  int seats = 1;
  int max_score = 5;
  std::optional<int> quorum;  // percent; the statutes' if absent
  std::string threshold;      // "simple", "qualified" (the statutes'), or a share: "3/4", "1"
  bool secret = false;
  bool live_results = false;
  std::optional<int64_t> opens_at;  // now if absent
  int64_t closes_at = 0;
};

// From the page's form: options one per line; opens/closes as datetime-local (Central European
// Time); numbers as text. kInvalidArgument naming the field at fault.
Result<DecisionFields> ReadDecisionForm(const Form& form);
Result<DecisionFields> ReadDecisionJson(const boost::json::object& body);
// The members ReadDecisionJson reads: all that the API accepts in a new decision's body.
inline constexpr std::string_view kDecisionJsonFields[] = {
    "method",    "options", "seats",        "max_score", "quorum",
    "threshold", "secret",  "live_results", "opens_at",  "closes_at"};

// A ballot from the vote form: choice (motion); object + reason (consent); approve (repeated,
// approval); score_<option> (score); rank_<option> (ranked: a rank number, blank for unranked).
Result<decisions::Ballot> ReadBallotForm(const decisions::Decision& decision, const Form& form);
// The vote form's fields for a ballot, as ReadBallotForm reads them back: what a member's form
// starts from when they change their vote.
Form BallotForm(const decisions::Decision& decision, const decisions::Ballot& ballot);
// The same from JSON: {"choice"}, {"objection"} or {"consent": true}, {"approved"}, {"scores"},
// {"ranking"}.
Result<decisions::Ballot> ReadBallotJson(const decisions::Decision& decision,
                                         const boost::json::object& body);

// A count's outcome: "ballots"; a motion's figures (voting/result_json.h) and "passed"; consent's
// "objections" (the reasons) and "passed"; otherwise "winners", "winner", "elected" (STV) and the
// count's figures (scores, rounds, quota, pairwise). The API's result.
boost::json::object OutcomeJson(const decisions::Decision& decision,
                                const decisions::Outcome& outcome);

}  // namespace andel::web
