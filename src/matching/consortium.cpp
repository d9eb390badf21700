#include "matching/consortium.h"

#include <algorithm>
#include <bit>
#include <cstdint>

namespace andel::matching {
namespace {

struct Candidate {
  int member = 0;
  uint32_t mask = 0;  // the needed competences it offers
  int category = 0;
};

struct Best {
  bool found = false;
  double score = 0;
  std::vector<int> members;  // sorted by id
};

double TeamScore(const Profiles& profiles, const std::vector<int>& team) {
  double total = 0;
  for (size_t x = 0; x < team.size(); ++x) {
    for (size_t y = x + 1; y < team.size(); ++y) {
      total += MatchScore(profiles.member(static_cast<size_t>(team[x])),
                          profiles.member(static_cast<size_t>(team[y])))
                   .value();
    }
  }
  return total;
}

std::vector<int> ById(const Profiles& profiles, std::vector<int> team) {
  std::sort(team.begin(), team.end(), [&](int a, int b) {
    return profiles.member(static_cast<size_t>(a)).id < profiles.member(static_cast<size_t>(b)).id;
  });
  return team;
}

// Keeps the better of two teams of the same size: the larger score, then the smaller ids.
void Offer(const Profiles& profiles, Best& best, const std::vector<int>& team) {
  const double score = TeamScore(profiles, team);
  std::vector<int> sorted = ById(profiles, team);
  const auto ids = [&](const std::vector<int>& members) {
    std::vector<std::string> out;
    for (int m : members) out.push_back(profiles.member(static_cast<size_t>(m)).id);
    return out;
  };
  if (!best.found || score > best.score + 1e-9 ||
      (score > best.score - 1e-9 && ids(sorted) < ids(best.members))) {
    best.found = true;
    best.score = score;
    best.members = std::move(sorted);
  }
}

class ExactSearch {
 public:
  ExactSearch(const Profiles& profiles, std::vector<Candidate> candidates, uint32_t all,
              int min_categories)
      : profiles_(profiles),
        candidates_(std::move(candidates)),
        all_(all),
        min_categories_(min_categories) {
    for (const Candidate& c : candidates_) {
      max_cover_ = std::max(max_cover_, std::popcount(c.mask));
    }
  }

  Best Run() {
    const int most = static_cast<int>(std::popcount(all_)) + min_categories_;
    for (limit_ = 1; limit_ <= most && !best_.found; ++limit_) {
      std::vector<int> team;
      Cover(team, 0, 0);
    }
    return best_;
  }

 private:
  static uint64_t CategoryBit(int category) { return category < 64 ? 1ULL << category : 0; }

  int LowerBound(uint32_t covered, uint64_t categories) const {
    const int left = std::popcount(all_ & ~covered);
    const int cover = max_cover_ ? (left + max_cover_ - 1) / max_cover_ : 0;
    const int missing = std::max(0, min_categories_ - std::popcount(categories));
    return std::max(cover, missing);
  }

  void Cover(std::vector<int>& team, uint32_t covered, uint64_t categories) {
    if (static_cast<int>(team.size()) + LowerBound(covered, categories) > limit_) return;
    if (covered == all_) {
      Fill(team, categories, 0);
      return;
    }
    // Branch on the uncovered competence that the fewest candidates offer.
    int pick = -1, fewest = INT32_MAX;
    for (int bit = 0; bit < 32; ++bit) {
      if (!((all_ & ~covered) >> bit & 1)) continue;
      int count = 0;
      for (const Candidate& c : candidates_) count += (c.mask >> bit & 1) ? 1 : 0;
      if (count < fewest) {
        fewest = count;
        pick = bit;
      }
    }
    for (const Candidate& c : candidates_) {
      if (!(c.mask >> pick & 1)) continue;
      if (std::find(team.begin(), team.end(), c.member) != team.end()) continue;
      team.push_back(c.member);
      Cover(team, covered | c.mask, categories | CategoryBit(c.category));
      team.pop_back();
    }
  }

  // The cover is complete; add members of missing categories (any member) in index order.
  void Fill(std::vector<int>& team, uint64_t categories, size_t from) {
    // Deepening finds no smaller team at this limit: every complete team here is the smallest.
    if (std::popcount(categories) >= min_categories_) {
      Offer(profiles_, best_, team);
      return;
    }
    if (static_cast<int>(team.size()) >= limit_) return;
    for (size_t m = from; m < profiles_.size(); ++m) {
      const int category = profiles_.member(m).category;
      if (categories & CategoryBit(category)) continue;
      if (std::find(team.begin(), team.end(), static_cast<int>(m)) != team.end()) continue;
      team.push_back(static_cast<int>(m));
      Fill(team, categories | CategoryBit(category), m + 1);
      team.pop_back();
    }
  }

  const Profiles& profiles_;
  std::vector<Candidate> candidates_;
  uint32_t all_;
  int min_categories_;
  int max_cover_ = 0;
  int limit_ = 0;
  Best best_;
};

// Harmonic number H(d): the greedy cover's guarantee.
double Harmonic(int d) {
  double h = 0;
  for (int i = 1; i <= d; ++i) h += 1.0 / i;
  return h;
}

Best Greedy(const Profiles& profiles, const std::vector<Candidate>& candidates, uint32_t all,
            int min_categories) {
  Best best;
  std::vector<int> team;
  uint32_t covered = 0;
  uint64_t categories = 0;
  const auto with_team = [&](int m) {
    double total = 0;
    for (int t : team) {
      total += MatchScore(profiles.member(static_cast<size_t>(m)),
                          profiles.member(static_cast<size_t>(t)))
                   .value();
    }
    return total;
  };
  while (covered != all) {
    const Candidate* pick = nullptr;
    int most = 0;
    double pick_score = 0;
    for (const Candidate& c : candidates) {
      const int gain = std::popcount(c.mask & ~covered);
      if (gain == 0) continue;
      const double score = with_team(c.member);
      if (gain > most || (gain == most && score > pick_score + 1e-9) ||
          (gain == most && score > pick_score - 1e-9 &&
           profiles.member(static_cast<size_t>(c.member)).id <
               profiles.member(static_cast<size_t>(pick->member)).id)) {
        pick = &c;
        most = gain;
        pick_score = score;
      }
    }
    if (!pick) return best;
    team.push_back(pick->member);
    covered |= pick->mask;
    if (pick->category < 64) categories |= 1ULL << pick->category;
  }
  while (std::popcount(categories) < min_categories) {
    int pick = -1;
    double pick_score = -1;
    for (size_t m = 0; m < profiles.size(); ++m) {
      const int category = profiles.member(m).category;
      if (category >= 64 || (categories >> category & 1)) continue;
      const double score = with_team(static_cast<int>(m));
      if (pick < 0 || score > pick_score + 1e-9) {
        pick = static_cast<int>(m);
        pick_score = score;
      }
    }
    if (pick < 0) return best;
    team.push_back(pick);
    categories |= 1ULL << profiles.member(static_cast<size_t>(pick)).category;
  }
  Offer(profiles, best, team);
  return best;
}

}  // namespace

Result<ConsortiumResult> FormConsortium(const Profiles& profiles,
                                        const std::vector<std::string>& needs, int min_categories) {
  if (needs.empty()) return Error::InvalidArgument("name the competences the task needs", "needs");
  if (min_categories < 0) {
    return Error::InvalidArgument("the minimum number of categories cannot be negative",
                                  "min_categories");
  }
  ConsortiumResult result;
  std::vector<int> needed;
  for (const std::string& need : needs) {
    const std::string key = CompetenceKey(need);
    if (key.empty()) continue;
    const int index = profiles.CompetenceIndex(key);
    if (std::find(needed.begin(), needed.end(), index) != needed.end() && index >= 0) continue;
    needed.push_back(index);
  }
  if (needed.size() > 32) {
    return Error::InvalidArgument("a task can need at most 32 competences", "needs");
  }
  std::vector<Candidate> candidates;
  uint32_t offered = 0;
  const uint32_t all = needed.size() == 32 ? ~0u : (1u << needed.size()) - 1;
  for (size_t m = 0; m < profiles.size(); ++m) {
    Candidate c{static_cast<int>(m), 0, profiles.member(m).category};
    for (size_t bit = 0; bit < needed.size(); ++bit) {
      const std::vector<int>& offers = profiles.member(m).offers;
      if (needed[bit] >= 0 && std::binary_search(offers.begin(), offers.end(), needed[bit])) {
        c.mask |= 1u << bit;
      }
    }
    if (c.mask) candidates.push_back(c);
    offered |= c.mask;
  }
  for (size_t bit = 0; bit < needed.size(); ++bit) {
    if (!(offered >> bit & 1)) result.missing.push_back(needed[bit]);
  }
  if (!result.missing.empty()) return result;
  if (static_cast<int>(profiles.categories().size()) < min_categories) return result;
  const bool exact = static_cast<int>(needed.size()) <= kExactCompetences &&
                     static_cast<int>(candidates.size()) <= kExactCandidates;
  Best best = exact ? ExactSearch(profiles, candidates, all, min_categories).Run()
                    : Greedy(profiles, candidates, all, min_categories);
  if (!best.found) return result;
  result.feasible = true;
  result.optimal = exact;
  int widest = 0;
  for (const Candidate& c : candidates) widest = std::max(widest, std::popcount(c.mask));
  result.bound = exact ? 1.0 : Harmonic(widest);
  result.members = best.members;
  result.score = best.score;
  for (size_t bit = 0; bit < needed.size(); ++bit) {
    for (int m : result.members) {
      const std::vector<int>& offers = profiles.member(static_cast<size_t>(m)).offers;
      if (std::binary_search(offers.begin(), offers.end(), needed[bit])) {
        result.covers[needed[bit]] = m;
        break;
      }
    }
  }
  return result;
}

}  // namespace andel::matching
