// What needs a signed-in person's attention across their communities, for the start page: open
// votes they may cast and have not, funds open for their ballot, and (for a board) requests to
// join waiting for a decision.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::store {

class Database;

struct AttentionVote {
  int64_t proposal_id = 0;
  std::string title;
  std::string community_slug;
  std::string community_name;
  int64_t closes_at = 0;
};

struct AttentionFund {
  int64_t fund_id = 0;
  std::string title;
  std::string community_slug;
  std::string community_name;
};

struct AttentionRequests {
  std::string community_slug;
  std::string community_name;
  int64_t count = 0;
};

struct Attention {
  std::vector<AttentionVote> votes;  // soonest closing first
  std::vector<AttentionFund> funds;
  std::vector<AttentionRequests> requests;
  bool empty() const { return votes.empty() && funds.empty() && requests.empty(); }
};

// For an active member: votes open at `now` whose voter roll holds them (or is not fixed yet) and
// that they have not cast; funds in their voting phase without their ballot; and, where they are
// on the board, the number of requests to join.
Result<Attention> NeedsAttention(Database& db, int64_t person_id, int64_t now);

}  // namespace andel::store
