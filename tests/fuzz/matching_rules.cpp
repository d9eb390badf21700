// Runs recommendations, partner circles and consortia on what the profile reader accepts
// (ReadMemberLines, Profiles::Build), bounded to 24 members so that one input runs in
// milliseconds; circle sizes 2 to 5, consortia for the first competences named. Checks:
// recommendations are of other members with a positive score, at most `top`, best first;
// circles cover every member once and keep the size and category constraints; a feasible
// consortium covers every need with distinct members.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>

#include "app/match_command.h"
#include "fuzz_support.h"
#include "matching/circles.h"
#include "matching/consortium.h"
#include "matching/recommend.h"

using andel::fuzz::Check;
namespace matching = andel::matching;

namespace {

void CheckRecommendations(const matching::Profiles& profiles) {
  matching::RecommendOptions options;
  options.top = 3;
  options.threads = 1;
  const std::vector<std::vector<matching::Match>> all = matching::RecommendAll(profiles, options);
  Check(all.size() == profiles.size(), "recommendations for every member");
  for (size_t i = 0; i < all.size(); ++i) {
    Check(all[i].size() <= 3, "at most top recommendations");
    for (size_t k = 0; k < all[i].size(); ++k) {
      const matching::Match& match = all[i][k];
      Check(match.member >= 0 && static_cast<size_t>(match.member) < profiles.size() &&
                static_cast<size_t>(match.member) != i,
            "a recommendation is of another member");
      Check(matching::Score{} < match.score, "a recommendation has a positive score");
      if (k > 0) {
        Check(!matching::BetterMatch(profiles, match, all[i][k - 1]), "best matches first");
      }
    }
  }
}

void CheckCircles(const matching::Profiles& profiles, int size) {
  matching::CircleOptions options;
  options.size = size;
  options.restarts = 2;
  andel::Result<matching::CirclesResult> result = matching::FormCircles(profiles, options);
  if (!result) return;
  std::set<int> seen;
  for (const std::vector<int>& circle : result->circles) {
    for (int m : circle) {
      Check(m >= 0 && static_cast<size_t>(m) < profiles.size(), "a circle holds members");
      Check(seen.insert(m).second, "a member is in one circle");
    }
  }
  Check(seen.size() == profiles.size(), "every member is in a circle");
  Check(matching::SatisfiesConstraints(profiles, result->circles),
        "circles keep the size and category constraints");
}

void CheckConsortium(const matching::Profiles& profiles, size_t need_count, int min_categories) {
  std::vector<std::string> needs;
  for (size_t c = 0; c < std::min(need_count, profiles.competences().size()); ++c) {
    needs.push_back(profiles.competences()[c]);
  }
  andel::Result<matching::ConsortiumResult> result =
      matching::FormConsortium(profiles, needs, min_categories);
  if (!result || !result->feasible) return;
  const std::set<int> members(result->members.begin(), result->members.end());
  Check(members.size() == result->members.size(), "consortium members are distinct");
  for (const std::string& need : needs) {
    const int competence = profiles.CompetenceIndex(need);
    auto cover = result->covers.find(competence);
    Check(cover != result->covers.end(), "a feasible consortium covers every need");
    Check(members.count(cover->second) == 1, "a need is covered by a member of the consortium");
    const std::vector<int>& offers = profiles.member(static_cast<size_t>(cover->second)).offers;
    Check(std::binary_search(offers.begin(), offers.end(), competence),
          "the covering member offers the need");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<std::vector<matching::MemberInput>> inputs =
      andel::app::ReadMemberLines(andel::fuzz::Text(data, size));
  if (!inputs || inputs->size() > 24) return 0;
  andel::Result<matching::Profiles> profiles = matching::Profiles::Build(*inputs);
  if (!profiles) return 0;
  CheckRecommendations(*profiles);
  for (int circle_size = 2; circle_size <= 5; ++circle_size) CheckCircles(*profiles, circle_size);
  CheckConsortium(*profiles, 3, 1);
  CheckConsortium(*profiles, 6, 2);
  return 0;
}
