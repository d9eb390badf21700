// A profile of ranked ballots: who the candidates are, and for each distinct ballot the rank it
// gives every candidate (ties share a rank; 0 means unranked) and how many voters cast it.
// Stored flat, so that a million ballots are counted without chasing pointers.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::voting {

using Rank = uint16_t;  // 1 is first; 0 is unranked

// The most voters a profile (or a list of approval or score ballots) may hold: every method's
// sums then fit in 64 bits, with room for STV's hundred-thousandths and Borda's points.
constexpr int64_t kMaxVoters = 1'000'000'000'000;

class Profile {
 public:
  // Candidates with their ids (as in the file, e.g. PrefLib alternative numbers) and names.
  Profile(std::vector<int> candidate_ids, std::vector<std::string> names);

  int candidate_count() const { return static_cast<int>(ids_.size()); }
  const std::vector<int>& candidate_ids() const { return ids_; }
  const std::vector<std::string>& names() const { return names_; }

  // Adds `count` voters who rank the candidates in `order`: each inner list is one position,
  // best first, with candidate indices (0-based); candidates not listed are unranked.
  // kInvalidArgument for an index out of range, a candidate listed twice, a count below 1 or
  // one that would take the voters past kMaxVoters.
  Status Add(const std::vector<std::vector<int>>& order, int64_t count);

  size_t ballot_count() const { return weights_.size(); }  // distinct ballots
  int64_t voter_count() const { return voter_count_; }     // all ballots, with multiplicity
  const Rank* ranks(size_t ballot) const { return ranks_.data() + ballot * ids_.size(); }
  int64_t weight(size_t ballot) const { return weights_[ballot]; }

  // The candidate index of an id, or -1.
  int IndexOf(int candidate_id) const;

 private:
  std::vector<int> ids_;
  std::vector<std::string> names_;
  std::vector<Rank> ranks_;
  std::vector<int64_t> weights_;
  int64_t voter_count_ = 0;
};

// A ballot's candidates in order, cut just before its first tied position (an "overvote"), as
// plurality and IRV read it. `order` is filled with candidate indices, best first.
void TruncatedOrder(const Profile& profile, size_t ballot, std::vector<int>& order);

}  // namespace andel::voting
