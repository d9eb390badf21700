// Single transferable vote under the Scottish rules (The Scottish Local Government Elections
// Order, SSI 2007 No. 42, rules 45-52): Droop quota floor(N/(k+1))+1 over all ballots; surpluses
// transferred largest first by the weighted inclusive Gregory method, every value truncated to
// five decimals; otherwise the lowest candidate is excluded, one at a time; ties go to the most
// recent earlier stage at which the candidates differed, then to a lot drawn with the seed.
// Votes are counted in hundred-thousandths, so all arithmetic is exact integers.
#include <algorithm>

#include "voting/tally.h"

namespace andel::voting {
namespace {

constexpr int64_t kScale = 100000;  // five decimals

struct Parcel {
  size_t ballot;
  size_t position;  // index into the ballot's order of the candidate holding it
  int64_t value;    // per voter, in hundred-thousandths
};

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

class ScottishStv {
 public:
  ScottishStv(const Profile& profile, int seats, uint64_t seed)
      : profile_(profile), seats_(seats), n_(profile.candidate_count()), lot_(seed) {}

  TallyResult Run() {
    TallyResult result;
    result.method = Method::kStv;
    std::vector<int> order;
    offset_.push_back(0);
    for (size_t ballot = 0; ballot < profile_.ballot_count(); ++ballot) {
      TruncatedOrder(profile_, ballot, order);
      flat_.insert(flat_.end(), order.begin(), order.end());
      offset_.push_back(flat_.size());
    }
    quota_ = (profile_.voter_count() / (seats_ + 1) + 1) * kScale;
    result.quota = quota_;
    state_.assign(n_, State::kContinuing);
    votes_.assign(n_, 0);
    piles_.assign(n_, {});
    surplus_pending_.assign(n_, 0);
    for (size_t ballot = 0; ballot < profile_.ballot_count(); ++ballot) {
      Place({ballot, offset_[ballot], kScale}, ballot);
    }
    Round first;
    ElectReaching(first);
    Record(first, result);
    while (Elected() < seats_) {
      Round round;
      const int continuing = CountState(State::kContinuing);
      if (continuing == 0) break;
      if (continuing <= seats_ - Elected()) {
        for (int c = 0; c < n_; ++c) {
          if (state_[c] == State::kContinuing) Elect(c, round);
        }
        Record(round, result);
        break;
      }
      std::vector<int> with_surplus;
      for (int c = 0; c < n_; ++c) {
        if (surplus_pending_[c] && votes_[c] > quota_) with_surplus.push_back(c);
      }
      if (!with_surplus.empty()) {
        const int from = Choose(with_surplus, Pick::kHighest, [&](int c) { return votes_[c]; });
        TransferSurplus(from);
        round.transferred_from = from;
      } else {
        std::vector<int> candidates;
        for (int c = 0; c < n_; ++c) {
          if (state_[c] == State::kContinuing) candidates.push_back(c);
        }
        const int out = Choose(candidates, Pick::kLowest, [&](int c) { return votes_[c]; });
        Exclude(out);
        round.eliminated.push_back(out);
        round.transferred_from = out;
      }
      ElectReaching(round);
      Record(round, result);
    }
    for (int c = 0; c < n_; ++c) {
      if (state_[c] == State::kElected) result.elected.push_back(c);
    }
    result.winners = result.elected;
    return result;
  }

 private:
  enum class State { kContinuing, kElected, kExcluded };
  enum class Pick { kHighest, kLowest };

  int CountState(State state) const {
    return static_cast<int>(std::count(state_.begin(), state_.end(), state));
  }
  int Elected() const { return CountState(State::kElected); }

  // Gives the parcel to the first continuing candidate at or after its position.
  void Place(Parcel parcel, size_t ballot) {
    const int64_t weight = profile_.weight(ballot);
    while (parcel.position < offset_[ballot + 1] &&
           state_[flat_[parcel.position]] != State::kContinuing) {
      ++parcel.position;
    }
    if (parcel.position >= offset_[ballot + 1] || parcel.value == 0) {
      exhausted_ += weight * parcel.value;
      return;
    }
    const int to = flat_[parcel.position];
    votes_[to] += weight * parcel.value;
    piles_[to].push_back(parcel);
  }

  void TransferSurplus(int from) {
    const int64_t total = votes_[from];
    const int64_t surplus = total - quota_;
    std::vector<Parcel> pile = std::move(piles_[from]);
    piles_[from].clear();
    votes_[from] = quota_;
    surplus_pending_[from] = 0;
    for (Parcel parcel : pile) {
      // Rule 48: the transfer value of each paper, truncated to five decimals.
      parcel.value = static_cast<int64_t>(static_cast<__int128>(parcel.value) * surplus / total);
      ++parcel.position;
      Place(parcel, parcel.ballot);
    }
  }

  void Exclude(int out) {
    state_[out] = State::kExcluded;
    std::vector<Parcel> pile = std::move(piles_[out]);
    piles_[out].clear();
    votes_[out] = 0;
    for (Parcel parcel : pile) {
      ++parcel.position;
      Place(parcel, parcel.ballot);
    }
  }

  void Elect(int c, Round& round) {
    state_[c] = State::kElected;
    surplus_pending_[c] = 1;
    round.elected.push_back(c);
  }

  void ElectReaching(Round& round) {
    std::vector<int> reaching;
    for (int c = 0; c < n_; ++c) {
      if (state_[c] == State::kContinuing && votes_[c] >= quota_) reaching.push_back(c);
    }
    // Elect in order of votes, highest first, while seats remain.
    while (!reaching.empty() && Elected() < seats_) {
      const int next = Choose(reaching, Pick::kHighest, [&](int c) { return votes_[c]; });
      Elect(next, round);
      reaching.erase(std::find(reaching.begin(), reaching.end(), next));
    }
  }

  // The candidate with the highest (or lowest) value; ties go to the most recent earlier stage
  // at which the tied candidates differed, then to the lot.
  template <typename Value>
  int Choose(std::vector<int> candidates, Pick pick, Value value) {
    const auto narrow = [&](auto score) {
      int64_t best = pick == Pick::kHighest ? INT64_MIN : INT64_MAX;
      for (int c : candidates) {
        best = pick == Pick::kHighest ? std::max(best, score(c)) : std::min(best, score(c));
      }
      std::vector<int> kept;
      for (int c : candidates) {
        if (score(c) == best) kept.push_back(c);
      }
      candidates = std::move(kept);
    };
    narrow(value);
    for (size_t stage = history_.size(); stage-- > 0 && candidates.size() > 1;) {
      narrow([&](int c) { return history_[stage][c]; });
    }
    if (candidates.size() == 1) return candidates.front();
    std::sort(candidates.begin(), candidates.end());
    return candidates[SplitMix(lot_) % candidates.size()];
  }

  void Record(Round& round, TallyResult& result) {
    for (int c = 0; c < n_; ++c) {
      if (state_[c] != State::kExcluded) round.votes.emplace_back(c, votes_[c]);
    }
    round.exhausted = exhausted_;
    history_.push_back(votes_);
    result.rounds.push_back(std::move(round));
  }

  const Profile& profile_;
  int seats_;
  int n_;
  uint64_t lot_;
  int64_t quota_ = 0;
  int64_t exhausted_ = 0;
  std::vector<int> flat_;
  std::vector<size_t> offset_;
  std::vector<State> state_;
  std::vector<int64_t> votes_;
  std::vector<std::vector<Parcel>> piles_;
  std::vector<char> surplus_pending_;
  std::vector<std::vector<int64_t>> history_;
};

}  // namespace

Result<TallyResult> CountStv(const Profile& profile, int seats, uint64_t seed) {
  if (seats < 1 || seats > profile.candidate_count()) {
    return Error::InvalidArgument(
        "the number of seats must be between 1 and the number of "
        "candidates",
        "seats");
  }
  return ScottishStv(profile, seats, seed).Run();
}

}  // namespace andel::voting
