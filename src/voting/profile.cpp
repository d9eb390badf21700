// Profile storage.
#include "voting/profile.h"

#include <algorithm>

namespace andel::voting {

Profile::Profile(std::vector<int> candidate_ids, std::vector<std::string> names)
    : ids_(std::move(candidate_ids)), names_(std::move(names)) {
  names_.resize(ids_.size());
}

Status Profile::Add(const std::vector<std::vector<int>>& order, int64_t count) {
  if (count < 1) return Error::InvalidArgument("a ballot count must be at least 1", "count");
  if (count > kMaxVoters - voter_count_) {
    return Error::InvalidArgument("an election may have at most 10^12 voters", "count");
  }
  const size_t n = ids_.size();
  const size_t base = ranks_.size();
  ranks_.resize(base + n, 0);
  Rank rank = 0;
  for (const std::vector<int>& position : order) {
    if (position.empty()) continue;
    ++rank;
    for (int candidate : position) {
      if (candidate < 0 || static_cast<size_t>(candidate) >= n) {
        ranks_.resize(base);
        return Error::InvalidArgument("a ballot names an unknown candidate", "candidate");
      }
      if (ranks_[base + candidate] != 0) {
        ranks_.resize(base);
        return Error::InvalidArgument("a ballot names a candidate twice", "candidate");
      }
      ranks_[base + candidate] = rank;
    }
  }
  weights_.push_back(count);
  voter_count_ += count;
  return {};
}

int Profile::IndexOf(int candidate_id) const {
  auto it = std::find(ids_.begin(), ids_.end(), candidate_id);
  return it == ids_.end() ? -1 : static_cast<int>(it - ids_.begin());
}

void TruncatedOrder(const Profile& profile, size_t ballot, std::vector<int>& order) {
  const int n = profile.candidate_count();
  const Rank* ranks = profile.ranks(ballot);
  // order[r - 1] is the candidate at rank r, -2 where several share it, -1 where none is.
  order.assign(n, -1);
  for (int c = 0; c < n; ++c) {
    const Rank r = ranks[c];
    if (r == 0) continue;
    int& slot = order[r - 1];
    slot = slot == -1 ? c : -2;
  }
  size_t length = 0;
  while (length < order.size() && order[length] >= 0) ++length;
  order.resize(length);
}

}  // namespace andel::voting
