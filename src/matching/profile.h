// Partnership profiles: what each member offers and needs, as competences, its category and
// organisation, and its existing ties; and the match score of two members.
//
//   fit(i←j) = |needs(i) ∩ offers(j)| / |needs(i)|   (0 if i needs nothing)
//   s(i, j)  = fit(i←j) + fit(j←i)
//
// Scores are kept exact, as a fraction, so that equal scores compare equal and the order of
// recommendations is reproducible. Pure values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace andel::matching {

// A member as read from a file or the database: competences as written.
struct MemberInput {
  std::string id;
  std::string category;
  std::string organisation;  // empty: none
  std::vector<std::string> offers;
  std::vector<std::string> needs;
  std::vector<std::string> ties;  // ids of members already tied to this one
};

// A competence's key: trimmed and case-folded, so "Grøn Omstilling " and "grøn omstilling" meet.
std::string CompetenceKey(std::string_view text);

struct Member {
  std::string id;
  int category = 0;         // index into Profiles::categories
  int organisation = -1;    // index into Profiles::organisations, -1 for none
  std::vector<int> offers;  // competence indices, ascending, distinct
  std::vector<int> needs;
};

// An exact non-negative score a/b (b > 0), compared by cross-multiplication.
struct Score {
  int64_t num = 0;
  int64_t den = 1;
  double value() const { return static_cast<double>(num) / static_cast<double>(den); }
  friend bool operator<(const Score& x, const Score& y) { return x.num * y.den < y.num * x.den; }
  friend bool operator==(const Score& x, const Score& y) { return x.num * y.den == y.num * x.den; }
};

class Profiles {
 public:
  // Interns competences, categories and organisations. kInvalidArgument (naming the member's
  // position, from 1) for an empty or repeated id, an empty category, or a tie to an unknown id.
  static Result<Profiles> Build(const std::vector<MemberInput>& inputs);

  size_t size() const { return members_.size(); }
  const Member& member(size_t i) const { return members_[i]; }
  const std::vector<Member>& members() const { return members_; }
  const std::vector<std::string>& competences() const { return competences_; }
  const std::vector<std::string>& categories() const { return categories_; }
  // The index of a competence key, or -1.
  int CompetenceIndex(std::string_view key) const;
  // Members i and j are tied: either lists the other, or both name the same organisation.
  bool Tied(size_t i, size_t j) const;
  bool SameOrganisation(size_t i, size_t j) const {
    return members_[i].organisation >= 0 && members_[i].organisation == members_[j].organisation;
  }
  const std::vector<int>& ties(size_t i) const { return ties_[i]; }  // member indices, ascending

 private:
  std::vector<Member> members_;
  std::vector<std::vector<int>> ties_;
  std::vector<std::string> competences_;  // keys, by index
  std::vector<std::string> categories_;
  std::vector<std::string> organisations_;
};

// |a ∩ b| of two ascending lists.
int CountCommon(const std::vector<int>& a, const std::vector<int>& b);
// The competences in both ascending lists.
std::vector<int> Common(const std::vector<int>& a, const std::vector<int>& b);

Score MatchScore(const Member& i, const Member& j);
// The same from the overlaps: i gets `gets` of its `needs_i` needs from j, and gives `gives` of
// j's `needs_j` needs.
Score MatchScoreOf(int64_t gets, int64_t needs_i, int64_t gives, int64_t needs_j);

}  // namespace andel::matching
