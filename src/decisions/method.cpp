#include "decisions/method.h"

#include <utility>

namespace andel::decisions {
namespace {

// Every counting method of the voting library, as a decision's method.
constexpr std::pair<Method, voting::Method> kCounting[] = {
    {Method::kPlurality, voting::Method::kPlurality},
    {Method::kBorda, voting::Method::kBorda},
    {Method::kIrv, voting::Method::kIrv},
    {Method::kSchulze, voting::Method::kSchulze},
    {Method::kSchulzeWinningVotes, voting::Method::kSchulzeWinningVotes},
    {Method::kRankedPairs, voting::Method::kRankedPairs},
    {Method::kCopeland, voting::Method::kCopeland},
    {Method::kCondorcet, voting::Method::kCondorcet},
    {Method::kStv, voting::Method::kStv},
    {Method::kApproval, voting::Method::kApproval},
    {Method::kScore, voting::Method::kScore},
};

}  // namespace

std::optional<voting::Method> CountingMethod(Method method) {
  for (const auto& [decision_method, counting] : kCounting) {
    if (decision_method == method) return counting;
  }
  return std::nullopt;
}

std::string_view MethodName(Method method) {
  if (method == Method::kMotion) return "motion";
  if (method == Method::kConsent) return "consent";
  return voting::MethodName(*CountingMethod(method));
}

Result<Method> ParseMethod(std::string_view name) {
  if (name == "motion") return Method::kMotion;
  if (name == "consent") return Method::kConsent;
  for (const auto& [method, counting] : kCounting) {
    if (voting::MethodName(counting) == name) return method;
  }
  return Error::InvalidArgument("unknown method", "method");
}

Kind KindOf(Method method) {
  switch (method) {
    case Method::kMotion:
      return Kind::kMotion;
    case Method::kConsent:
      return Kind::kConsent;
    case Method::kApproval:
      return Kind::kApproval;
    case Method::kScore:
      return Kind::kScore;
    default:
      return Kind::kRanked;
  }
}

}  // namespace andel::decisions
