#include "matching/recommend.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <thread>

namespace andel::matching {
namespace {

struct Index {
  std::vector<std::vector<int>> offered_by;  // competence → members offering it
  std::vector<std::vector<int>> needed_by;
  explicit Index(const Profiles& profiles)
      : offered_by(profiles.competences().size()), needed_by(profiles.competences().size()) {
    for (size_t m = 0; m < profiles.size(); ++m) {
      for (int c : profiles.member(m).offers)
        offered_by[static_cast<size_t>(c)].push_back(static_cast<int>(m));
      for (int c : profiles.member(m).needs)
        needed_by[static_cast<size_t>(c)].push_back(static_cast<int>(m));
    }
  }
};

// Scratch space of one thread: the overlap counts of every member with the current one.
struct Counters {
  std::vector<int> gets, gives;
  std::vector<int> touched;
  explicit Counters(size_t n) : gets(n, 0), gives(n, 0) {}
};

// The best `top` matches seen so far (a heap, worst on top), and their reasons at the end.
class TopMatches {
 public:
  TopMatches(const Profiles& profiles, int top)
      : profiles_(profiles), top_(top), worse_([&profiles](const Match& x, const Match& y) {
          return BetterMatch(profiles, x, y);
        }) {}

  bool Full() const { return static_cast<int>(best_.size()) == top_; }
  // The worst match kept; only when Full().
  const Match& Worst() const { return best_.front(); }

  void Offer(const Match& match) {
    if (Full()) {
      if (!BetterMatch(profiles_, match, best_.front())) return;
      std::pop_heap(best_.begin(), best_.end(), worse_);
      best_.back() = match;
    } else {
      best_.push_back(match);
    }
    std::push_heap(best_.begin(), best_.end(), worse_);
  }

  // Best first, each with what member `me` gives and gets.
  std::vector<Match> Finish(const Member& me) {
    std::sort_heap(best_.begin(), best_.end(), worse_);
    for (Match& match : best_) {
      const Member& other = profiles_.member(static_cast<size_t>(match.member));
      match.gives = Common(me.offers, other.needs);
      match.gets = Common(me.needs, other.offers);
    }
    return std::move(best_);
  }

 private:
  const Profiles& profiles_;
  int top_;
  std::function<bool(const Match&, const Match&)> worse_;
  std::vector<Match> best_;
};

bool Declined(const std::vector<std::pair<int, int>>& declined, int i, int j) {
  const std::pair<int, int> key{std::min(i, j), std::max(i, j)};
  return std::binary_search(declined.begin(), declined.end(), key);
}

std::vector<Match> TopFor(const Profiles& profiles, const Index& index, Counters& counters,
                          size_t i, const RecommendOptions& options,
                          const std::vector<std::pair<int, int>>& declined) {
  if (options.top <= 0) return {};
  const Member& me = profiles.member(i);
  for (int c : me.needs) {
    for (int j : index.offered_by[static_cast<size_t>(c)]) {
      if (counters.gets[static_cast<size_t>(j)]++ == 0 &&
          counters.gives[static_cast<size_t>(j)] == 0) {
        counters.touched.push_back(j);
      }
    }
  }
  for (int c : me.offers) {
    for (int j : index.needed_by[static_cast<size_t>(c)]) {
      if (counters.gives[static_cast<size_t>(j)]++ == 0 &&
          counters.gets[static_cast<size_t>(j)] == 0) {
        counters.touched.push_back(j);
      }
    }
  }
  TopMatches best(profiles, options.top);
  const int64_t ni = static_cast<int64_t>(me.needs.size());
  for (int j : counters.touched) {
    const size_t u = static_cast<size_t>(j);
    const int64_t a = counters.gets[u], b = counters.gives[u];
    counters.gets[u] = counters.gives[u] = 0;
    const Member& other = profiles.member(u);
    if (u == i || other.category == me.category || profiles.Tied(i, u)) continue;
    if (!declined.empty() && Declined(declined, static_cast<int>(i), j)) continue;
    best.Offer({j, MatchScoreOf(a, ni, b, static_cast<int64_t>(other.needs.size())), {}, {}});
  }
  counters.touched.clear();
  return best.Finish(me);
}

// The dense way: counts in byte arrays over all members; a competence offered (or needed) by
// many members is added as a whole 0/1 row, the rest from its posting list; then one pass
// scores every member in floating point and only those that may enter the top are scored
// exactly.
struct DenseIndex {
  size_t n = 0;
  std::vector<int> offered_row, needed_row;  // competence → row index, or -1 (posting list)
  std::vector<uint8_t> rows;                 // row-major, n bytes each
  std::vector<float> inverse_needs;          // 1 / max(1, |needs(j)|)
  std::vector<uint8_t> category;             // the dense way needs at most 255 categories
  std::vector<std::vector<int>> organisation_members;

  DenseIndex(const Profiles& profiles, const Index& index) : n(profiles.size()) {
    const size_t competences = profiles.competences().size();
    const size_t common = std::max<size_t>(64, n / 32);
    offered_row.assign(competences, -1);
    needed_row.assign(competences, -1);
    int next = 0;
    for (size_t c = 0; c < competences; ++c) {
      if (index.offered_by[c].size() >= common) offered_row[c] = next++;
      if (index.needed_by[c].size() >= common) needed_row[c] = next++;
    }
    rows.assign(static_cast<size_t>(next) * n, 0);
    for (size_t c = 0; c < competences; ++c) {
      if (offered_row[c] >= 0) {
        for (int j : index.offered_by[c])
          rows[static_cast<size_t>(offered_row[c]) * n + static_cast<size_t>(j)] = 1;
      }
      if (needed_row[c] >= 0) {
        for (int j : index.needed_by[c])
          rows[static_cast<size_t>(needed_row[c]) * n + static_cast<size_t>(j)] = 1;
      }
    }
    inverse_needs.resize(n);
    category.resize(n);
    for (size_t j = 0; j < n; ++j) {
      const Member& m = profiles.member(j);
      inverse_needs[j] = 1.0f / static_cast<float>(std::max<size_t>(1, m.needs.size()));
      category[j] = static_cast<uint8_t>(m.category);
      if (m.organisation >= 0) {
        if (organisation_members.size() <= static_cast<size_t>(m.organisation)) {
          organisation_members.resize(static_cast<size_t>(m.organisation) + 1);
        }
        organisation_members[static_cast<size_t>(m.organisation)].push_back(static_cast<int>(j));
      }
    }
  }
};

std::vector<Match> DenseTopFor(const Profiles& profiles, const Index& index,
                               const DenseIndex& dense, std::vector<uint8_t>& gets,
                               std::vector<uint8_t>& gives, size_t i,
                               const RecommendOptions& options,
                               const std::vector<std::pair<int, int>>& declined) {
  if (options.top <= 0) return {};
  const Member& me = profiles.member(i);
  const size_t n = dense.n;
  // The first common competence's row is copied rather than added to zeros.
  const auto count = [&](std::vector<uint8_t>& counts, const std::vector<int>& competences,
                         const std::vector<int>& rows, const std::vector<std::vector<int>>& lists) {
    bool fresh = true;
    for (int c : competences) {
      const int row = rows[static_cast<size_t>(c)];
      if (row < 0) continue;
      const uint8_t* source = &dense.rows[static_cast<size_t>(row) * n];
      if (fresh) {
        std::copy(source, source + n, counts.begin());
        fresh = false;
      } else {
        for (size_t j = 0; j < n; ++j) counts[j] = static_cast<uint8_t>(counts[j] + source[j]);
      }
    }
    if (fresh) std::fill(counts.begin(), counts.end(), 0);
    for (int c : competences) {
      if (rows[static_cast<size_t>(c)] >= 0) continue;
      for (int j : lists[static_cast<size_t>(c)]) ++counts[static_cast<size_t>(j)];
    }
  };
  count(gets, me.needs, dense.offered_row, index.offered_by);
  count(gives, me.offers, dense.needed_row, index.needed_by);
  // Members who may never be recommended to i score nothing.
  gets[i] = gives[i] = 0;
  for (int j : profiles.ties(i)) gets[static_cast<size_t>(j)] = gives[static_cast<size_t>(j)] = 0;
  if (me.organisation >= 0) {
    for (int j : dense.organisation_members[static_cast<size_t>(me.organisation)]) {
      gets[static_cast<size_t>(j)] = gives[static_cast<size_t>(j)] = 0;
    }
  }
  const float inverse_mine = 1.0f / static_cast<float>(std::max<size_t>(1, me.needs.size()));
  const uint8_t mine = static_cast<uint8_t>(me.category);
  TopMatches best(profiles, options.top);
  float threshold = 1e-9f;  // a match needs a positive score
  const int64_t ni = static_cast<int64_t>(me.needs.size());
  for (size_t j = 0; j < n; ++j) {
    const float approximate = static_cast<float>(gets[j]) * inverse_mine +
                              static_cast<float>(gives[j]) * dense.inverse_needs[j];
    if (approximate < threshold || dense.category[j] == mine) continue;
    if (!declined.empty() && Declined(declined, static_cast<int>(i), static_cast<int>(j))) continue;
    best.Offer(
        {static_cast<int>(j),
         MatchScoreOf(gets[j], ni, gives[j], static_cast<int64_t>(profiles.member(j).needs.size())),
         {},
         {}});
    // Equal exact scores may differ in the last bit as floats: keep a little slack.
    if (best.Full()) threshold = static_cast<float>(best.Worst().score.value()) - 1e-5f;
  }
  return best.Finish(me);
}

std::vector<std::pair<int, int>> NormalisedDeclined(const RecommendOptions& options) {
  std::vector<std::pair<int, int>> declined;
  for (const auto& [a, b] : options.declined) declined.emplace_back(std::min(a, b), std::max(a, b));
  std::sort(declined.begin(), declined.end());
  return declined;
}

}  // namespace

bool BetterMatch(const Profiles& profiles, const Match& x, const Match& y) {
  if (y.score < x.score) return true;
  if (x.score < y.score) return false;
  return profiles.member(static_cast<size_t>(x.member)).id <
         profiles.member(static_cast<size_t>(y.member)).id;
}

std::vector<Match> Recommend(const Profiles& profiles, size_t i, const RecommendOptions& options) {
  const Index index(profiles);
  Counters counters(profiles.size());
  return TopFor(profiles, index, counters, i, options, NormalisedDeclined(options));
}

std::vector<std::vector<Match>> RecommendAll(const Profiles& profiles,
                                             const RecommendOptions& options) {
  const Index index(profiles);
  const std::vector<std::pair<int, int>> declined = NormalisedDeclined(options);
  std::vector<std::vector<Match>> out(profiles.size());
  // Byte counters and categories: the dense way only while no member lists more than 255
  // competences and there are at most 255 categories.
  bool small_lists = profiles.categories().size() <= 255;
  for (const Member& m : profiles.members()) {
    small_lists = small_lists && m.needs.size() <= 255 && m.offers.size() <= 255;
  }
  const bool use_dense =
      small_lists &&
      (options.counting == RecommendOptions::Counting::kDense ||
       (options.counting == RecommendOptions::Counting::kAuto && profiles.size() >= 5000));
  std::optional<DenseIndex> dense;
  if (use_dense) dense.emplace(profiles, index);
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      if (use_dense) {
        std::vector<uint8_t> gets(profiles.size()), gives(profiles.size());
        for (size_t i = t; i < profiles.size(); i += threads) {
          out[i] = DenseTopFor(profiles, index, *dense, gets, gives, i, options, declined);
        }
        return;
      }
      Counters counters(profiles.size());
      for (size_t i = t; i < profiles.size(); i += threads) {
        out[i] = TopFor(profiles, index, counters, i, options, declined);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return out;
}

std::vector<Match> OnePerOrganisation(const Profiles& profiles, size_t i,
                                      const std::vector<Match>& ranked, size_t top) {
  std::set<int> taken;  // organisations already tied to i, or already shown
  for (int tied : profiles.ties(i)) {
    const int organisation = profiles.member(static_cast<size_t>(tied)).organisation;
    if (organisation >= 0) taken.insert(organisation);
  }
  std::vector<Match> shown;
  for (const Match& match : ranked) {
    if (shown.size() >= top) break;
    const int organisation = profiles.member(static_cast<size_t>(match.member)).organisation;
    if (organisation >= 0 && !taken.insert(organisation).second) continue;
    shown.push_back(match);
  }
  return shown;
}

}  // namespace andel::matching
