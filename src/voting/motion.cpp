// Motions and consent, in exact integer arithmetic.
#include "voting/motion.h"

#include "core/text.h"

namespace andel::voting {

Result<MotionResult> DecideMotion(const std::vector<MotionVote>& votes, int64_t eligible_weight,
                                  const MotionRule& rule) {
  if (rule.quorum_percent < 0 || rule.quorum_percent > 100) {
    return Error::InvalidArgument("the quorum must be between 0 and 100 percent", "quorum");
  }
  if (rule.threshold_den <= 0 || rule.threshold_num <= 0 ||
      rule.threshold_num > rule.threshold_den) {
    return Error::InvalidArgument("a threshold must be a fraction such as 2/3", "threshold");
  }
  MotionResult result;
  result.eligible = eligible_weight;
  for (const MotionVote& vote : votes) {
    if (vote.weight < 0) return Error::InvalidArgument("a vote cannot weigh less than 0", "weight");
    switch (vote.choice) {
      case Choice::kYes:
        result.yes += vote.weight;
        break;
      case Choice::kNo:
        result.no += vote.weight;
        break;
      case Choice::kAbstain:
        result.abstain += vote.weight;
        break;
    }
  }
  result.participated = result.yes + result.no + result.abstain;
  if (result.participated > eligible_weight) {
    return Error::InvalidArgument("more votes than eligible voters", "eligible");
  }
  result.quorum_met = result.participated * 100 >= rule.quorum_percent * eligible_weight;
  const __int128 yes_side = static_cast<__int128>(result.yes) * rule.threshold_den;
  const __int128 needed = static_cast<__int128>(result.yes + result.no) * rule.threshold_num;
  result.threshold_met =
      result.yes + result.no > 0 &&
      (rule.comparison == Comparison::kMoreThan ? yes_side > needed : yes_side >= needed);
  result.passed = result.quorum_met && result.threshold_met;
  return result;
}

Result<ConsentResult> DecideConsent(const std::vector<Objection>& objections) {
  for (const Objection& objection : objections) {
    if (Trim(objection.reason).empty()) {
      return Error::InvalidArgument("an objection needs a reason", "reason");
    }
  }
  ConsentResult result;
  result.objections = objections.size();
  result.passed = objections.empty();
  return result;
}

}  // namespace andel::voting
