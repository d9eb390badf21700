// A count's figures as JSON, written once for every place that publishes them (the API's result,
// the decision export) and for `andel tally --verify`, which recounts an export and compares the
// figures it publishes with these. Candidates are named by the ids `id_of` gives their indices.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>

#include "voting/motion.h"
#include "voting/tally.h"

namespace andel::voting {

// {"scores": {"<id>": n, …}} where the method scores; {"rounds": [{"votes": {"<id>": n, …},
// "elected": [ids], "eliminated": [ids], "exhausted": n}, …]} for IRV and STV, with "quota" for
// STV (votes in hundred-thousandths); {"pairwise": [[n, …], …]} for Condorcet methods (rows and
// columns in candidate order).
boost::json::object TallyFigures(const TallyResult& tally,
                                 const std::function<int64_t(int)>& id_of);

// {"yes", "no", "abstain", "eligible", "participated", "quorum_met", "threshold_met"}.
boost::json::object MotionFigures(const MotionResult& motion);

}  // namespace andel::voting
