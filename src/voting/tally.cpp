// Method names and the dispatch of a count.
#include "voting/tally.h"

#include <array>

namespace andel::voting {
namespace {

constexpr std::array<std::pair<std::string_view, Method>, 11> kMethods{{
    {"plurality", Method::kPlurality},
    {"borda", Method::kBorda},
    {"irv", Method::kIrv},
    {"schulze", Method::kSchulze},
    {"schulze_wv", Method::kSchulzeWinningVotes},
    {"ranked_pairs", Method::kRankedPairs},
    {"copeland", Method::kCopeland},
    {"condorcet", Method::kCondorcet},
    {"stv", Method::kStv},
    {"approval", Method::kApproval},
    {"score", Method::kScore},
}};

}  // namespace

std::string_view MethodName(Method method) {
  for (const auto& [name, value] : kMethods) {
    if (value == method) return name;
  }
  return "plurality";
}

Result<Method> ParseMethod(std::string_view name) {
  for (const auto& [known, value] : kMethods) {
    if (known == name) return value;
  }
  return Error::InvalidArgument("unknown counting method", "method");
}

int DrawWinner(const std::vector<int>& winners, uint64_t seed) {
  if (winners.size() == 1) return winners.front();
  uint64_t z = seed + 0x9e3779b97f4a7c15ULL;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  z ^= z >> 31;
  return winners.empty() ? -1 : winners[z % winners.size()];
}

Result<TallyResult> Count(const Profile& profile, Method method, const TallyOptions& options) {
  if (profile.candidate_count() == 0) {
    return Error::InvalidArgument("an election needs at least one candidate", "candidates");
  }
  switch (method) {
    case Method::kPlurality:
      return CountPlurality(profile);
    case Method::kBorda:
      return CountBorda(profile);
    case Method::kIrv:
      return CountIrv(profile);
    case Method::kSchulze:
    case Method::kSchulzeWinningVotes:
      return CountSchulze(profile, method);
    case Method::kRankedPairs:
      return CountRankedPairs(profile);
    case Method::kCopeland:
      return CountCopeland(profile);
    case Method::kCondorcet:
      return CountCondorcet(profile);
    case Method::kStv:
      return CountStv(profile, options.seats, options.seed);
    case Method::kApproval:
    case Method::kScore:
      break;
  }
  return Error::InvalidArgument("this method counts approval or score ballots, not rankings",
                                "method");
}

bool IsRankedMethod(Method method) {
  return method != Method::kApproval && method != Method::kScore;
}

}  // namespace andel::voting
