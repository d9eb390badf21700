// Deciding motions: consent (passes unless someone objects, with a reason), and yes/no/abstain
// with a quorum (the share of eligible votes that took part) and a threshold (simple majority,
// 2/3, 3/4, unanimity), where abstentions count for the quorum but not for the threshold.
// Weights are 1 per member, or the member's shares where the statutes say so.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::voting {

enum class Choice { kYes, kNo, kAbstain };

struct MotionVote {
  Choice choice = Choice::kAbstain;
  int64_t weight = 1;
};

enum class Comparison {
  kMoreThan,  // yes > threshold × (yes + no): a simple majority of 1/2
  kAtLeast,   // yes ≥ threshold × (yes + no): 2/3, 3/4, 1/1 (unanimity)
};

struct MotionRule {
  int quorum_percent = 50;
  int64_t threshold_num = 1;
  int64_t threshold_den = 2;
  Comparison comparison = Comparison::kMoreThan;
};

struct MotionResult {
  int64_t yes = 0, no = 0, abstain = 0;
  int64_t eligible = 0;      // the weight of everyone who could vote
  int64_t participated = 0;  // yes + no + abstain
  bool quorum_met = false;
  bool threshold_met = false;
  bool passed = false;  // quorum and threshold
};

// kInvalidArgument for a bad rule (quorum outside 0-100, threshold outside (0, 1]), a negative
// weight, or more participation than eligible weight.
Result<MotionResult> DecideMotion(const std::vector<MotionVote>& votes, int64_t eligible_weight,
                                  const MotionRule& rule);

struct Objection {
  std::string reason;
};

struct ConsentResult {
  bool passed = false;
  size_t objections = 0;
};

// Consent: passes unless there is an objection. kInvalidArgument naming "reason" if an
// objection gives none.
Result<ConsentResult> DecideConsent(const std::vector<Objection>& objections);

}  // namespace andel::voting
