// How a decision is taken: a motion (yes/no/abstain), consent (passes unless someone objects),
// or one of the voting library's counting methods. Its name is the one text form, stored in the
// database, published in the API and the export, and chosen in the forms.
#pragma once

#include <optional>
#include <string_view>

#include "core/result.h"
#include "voting/tally.h"

namespace andel::decisions {

enum class Method {
  kMotion,
  kConsent,
  kPlurality,
  kBorda,
  kIrv,
  kSchulze,
  kSchulzeWinningVotes,
  kRankedPairs,
  kCopeland,
  kCondorcet,
  kStv,
  kApproval,
  kScore,
};

// "motion", "consent", or the counting method's name (voting::MethodName: "irv", "stv", …).
std::string_view MethodName(Method method);
// The method of exactly that name; kInvalidArgument naming "method" for any other text.
Result<Method> ParseMethod(std::string_view name);

// The voting library's counting method; none for motions and consent.
std::optional<voting::Method> CountingMethod(Method method);

// The kinds of decision: the two motion rules, and every counting method of the voting library.
enum class Kind { kMotion, kConsent, kApproval, kScore, kRanked };
Kind KindOf(Method method);

}  // namespace andel::decisions
