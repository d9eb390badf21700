#include "matching/recommend.h"

#include <algorithm>
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
  std::vector<Match> best;
  const auto worse = [&](const Match& x, const Match& y) { return BetterMatch(profiles, x, y); };
  const int64_t ni = static_cast<int64_t>(me.needs.size());
  for (int j : counters.touched) {
    const size_t u = static_cast<size_t>(j);
    const int64_t a = counters.gets[u], b = counters.gives[u];
    counters.gets[u] = counters.gives[u] = 0;
    const Member& other = profiles.member(u);
    if (u == i || other.category == me.category || profiles.Tied(i, u)) continue;
    if (!declined.empty() && Declined(declined, static_cast<int>(i), j)) continue;
    const int64_t nj = static_cast<int64_t>(other.needs.size());
    const int64_t di = ni ? ni : 1, dj = nj ? nj : 1;
    Match match;
    match.member = j;
    match.score = {a * dj + b * di, di * dj};
    if (static_cast<int>(best.size()) == options.top) {
      if (!BetterMatch(profiles, match, best.front())) continue;
      std::pop_heap(best.begin(), best.end(), worse);
      best.back() = match;
    } else {
      best.push_back(match);
    }
    std::push_heap(best.begin(), best.end(), worse);
  }
  counters.touched.clear();
  std::sort_heap(best.begin(), best.end(), worse);
  for (Match& match : best) {
    const Member& other = profiles.member(static_cast<size_t>(match.member));
    match.gives = Common(me.offers, other.needs);
    match.gets = Common(me.needs, other.offers);
  }
  return best;
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
  const unsigned threads = std::max(1u, options.threads);
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      Counters counters(profiles.size());
      for (size_t i = t; i < profiles.size(); i += threads) {
        out[i] = TopFor(profiles, index, counters, i, options, declined);
      }
    });
  }
  for (std::thread& worker : workers) worker.join();
  return out;
}

}  // namespace andel::matching
