// MES in certified floating point, with its reach (see bracketed_run.h).
//
// Brackets. Each level of money (voters with the same history, as in wallets.h) holds doubles
// lo ≤ money ≤ hi. A project's due (what each supporter pays unless they have less) is
// bracketed by Newton's method on the money raised, Σ n·min(money, d), followed by a proof: at
// d_lo even the richest bounds raise less than the cost, and at d_hi even the poorest raise
// more. A sum of n non-negative doubles is within a factor 1 ± (n + 8)·2⁻⁵² of its exact value;
// every other step rounds outwards. A round's winner is the project whose ρ bracket lies wholly
// below every other candidate's; paying turns each level [lo, hi] into
// [max(lo − d_hi, 0), max(hi − d_lo, 0)]. Where brackets overlap, a project may or may not be
// affordable, or a due cannot be proven, the run gives up.
//
// Reach. With the same choices in every round, a voter's money in every round is a
// non-decreasing function of the start money s, and each winner's due a non-increasing one (more
// money lowers every price; by induction over the rounds). For starts in [s₀, s₀ + horizon]
// each level's money rises at a rate in [rise_lo, rise_hi] (1 and 1 at the start), and each
// winner's due falls at a rate in [fall_lo, fall_hi]: those who pay all they have ("capped")
// pay their money and the rest share the remainder, so the due falls at
// Σ_capped n·rise ÷ Σ_uncapped n. A level capped at s₀ may stop being capped as s rises, never
// the other way. The run at s then makes the choices of the run at s₀ as long as
//  1. no other candidate q becomes as cheap as the winner: at the winner's price ρ(s), q's
//     supporters would raise g(s) = Σ n·min(money(s), ρ(s)·u_q) < cost_q. g rises at a rate of
//     at most Σ n·rise_hi over the levels poorer than q's due at s₀, minus the fall of the due
//     over the richer ones (they stay richer: their money rises, the due falls);
//  2. a project dropped as unaffordable stays so: its supporters' money rises at a rate of at
//     most Σ n·rise_hi, and later rounds only lower it. Where that does not cover the horizon,
//     the project is watched instead: a rival in every later round, and short at the end.
// The reach is the least start at which one of these could fail, each bound rounded towards
// zero; if one cannot be proven at all (an exact tie, say), it is 0.
#include "budgeting/bracketed_run.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

namespace andel::budgeting::internal {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kUnit = 0x1p-52;
// Covers the rounding of a bound itself and every second-order term (the errors here stay far
// below 2⁻²⁰, so their squares below 2⁻⁴⁰ of a bound's 2⁻⁵⁰).
constexpr double kSlack = 0x1p-50;
double Up(double x, double err) { return x * (1 + err + kSlack); }
double Down(double x, double err) { return x * (1 - err - kSlack); }

struct Bracket {
  double lo = 0, hi = 0;
};

// GMP's double truncates, so a non-negative rational lies in [d, next double above d).
Bracket BracketOf(const mpq_class& x) {
  const double d = x.get_d();
  return {d, x == 0 ? 0.0 : std::nextafter(d, kInfinity)};
}

class BracketWallets {
 public:
  BracketWallets(const Instance& instance, const Utilities& u, const mpq_class& start,
                 ReachGoal goal)
      : u_(u),
        level_(instance.ballots.size(), 1),
        due_(instance.projects.size()),
        track_(goal.horizon > 0),
        horizon_(goal.horizon),
        floor_(goal.floor),
        reach_(track_ ? goal.horizon : 0) {
    weight_.reserve(instance.ballots.size());
    for (const Ballot& ballot : instance.ballots) weight_.push_back(ballot.count);
    for (size_t p = 0; p < instance.projects.size(); ++p) {
      cost_.push_back(BracketOf(instance.projects[p].cost));
      utility_.push_back(BracketOf(u.of_project[p]));
      long voters = 0;
      for (int g : u.supporters[p]) voters += weight_[static_cast<size_t>(g)];
      supporters_.push_back(voters);
    }
    AddLevel({0, 0}, {0, 0});
    AddLevel(BracketOf(start), {1, 1});
  }

  enum class Verdict { kBracketed, kUnaffordable, kUndecided };

  // Brackets p's ρ (and remembers its due for paying), or proves it unaffordable.
  Verdict Price(size_t p, Bracket& rho) {
    CountByLevel(p);
    const Verdict verdict = PriceCounted(p, rho);
    ClearCounts();
    return verdict;
  }

  // The winner, priced this round, is paid for at its due.
  void Pay(size_t p) {
    const Bracket due = due_[p];
    CountByLevel(p);
    next_.assign(lo_.size(), -1);
    for (int l : counts_.touched) {
      const size_t level = static_cast<size_t>(l);
      const double lo = lo_[level], hi = hi_[level];
      const Bracket left{lo > due.hi ? std::nextafter(lo - due.hi, 0.0) : 0,
                         hi > due.lo ? std::nextafter(hi - due.lo, kInfinity) : 0};
      const bool rich = lo > due.hi;  // pays the due, for every start in the horizon
      if (left.hi == 0 && (!track_ || AlwaysPaysAll(level, due))) {
        next_[level] = 0;
        continue;
      }
      next_[level] = static_cast<int>(lo_.size());
      const double rise_hi = track_ ? Up(rise_hi_[level] + fall_.hi, kUnit) : 0;
      const double rise_lo = track_ && rich ? Down(rise_lo_[level] + fall_.lo, kUnit) : 0;
      AddLevel(left, {rise_lo, rise_hi});
    }
    ClearCounts();
    // Each group is among the supporters once (ComputeUtilities), so each moves once, from a
    // level counted above.
    for (int g : u_.supporters[p]) {
      int& level = level_[static_cast<size_t>(g)];
      assert(static_cast<size_t>(level) < next_.size() && next_[static_cast<size_t>(level)] >= 0);
      level = next_[static_cast<size_t>(level)];
    }
  }

  // Before paying for the winner: how fast its due falls, and how long each of the other
  // candidates (and the watched) stays dearer (1 at the top of this file).
  void Rivals(size_t w, const std::vector<size_t>& rivals) {
    if (!track_) return;
    const Bracket due = due_[w];
    CountByLevel(w);
    double capped_rise = 0;
    long rich = 0;
    for (int l : counts_.touched) {
      const size_t level = static_cast<size_t>(l);
      if (lo_[level] > due.hi) {
        rich += counts_.count[level];
      } else {
        capped_rise += static_cast<double>(counts_.count[level]) * rise_hi_[level];
      }
    }
    const double tol = Tolerance();
    if (rich == 0) {
      ClearCounts();
      return Unreachable();  // the due cannot be shown to fall at a bounded rate
    }
    fall_.hi = Up(capped_rise / static_cast<double>(rich), tol);
    double always_rise = 0;
    long others = rich;
    for (int l : counts_.touched) {
      const size_t level = static_cast<size_t>(l);
      if (lo_[level] > due.hi) continue;
      if (AlwaysPaysAll(level, due)) {
        always_rise += static_cast<double>(counts_.count[level]) * rise_lo_[level];
      } else {
        others += counts_.count[level];
      }
    }
    ClearCounts();
    fall_.lo = Down(always_rise / static_cast<double>(others), tol);
    const double rho_hi = Up(due.hi / utility_[w].lo, 2 * kUnit);
    for (size_t q : rivals) Rival(q, rho_hi, w);
    for (size_t q : watched_) Rival(q, rho_hi, w);
  }

  // 2 at the top of this file.
  void Dropped(size_t p) {
    if (track_ && StaysShort(p) < reach_) watched_.push_back(p);
  }

  double Reach() {
    for (size_t p : watched_) {
      if (track_) Limit(StaysShort(p));
    }
    watched_.clear();
    return reach_;
  }

 private:
  void AddLevel(Bracket money, Bracket rise) {
    lo_.push_back(money.lo);
    hi_.push_back(money.hi);
    rise_lo_.push_back(rise.lo);
    rise_hi_.push_back(rise.hi);
  }

  Verdict PriceCounted(size_t p, Bracket& rho) {
    const double tol = Tolerance();
    const Bracket cost = cost_[p];
    double most = 0, least = 0, weight = 0;
    for (int l : counts_.touched) {
      const double c = static_cast<double>(counts_.count[static_cast<size_t>(l)]);
      most += c * hi_[static_cast<size_t>(l)];
      least += c * lo_[static_cast<size_t>(l)];
      weight += c;
    }
    if (Up(most, tol) < cost.lo) return Verdict::kUnaffordable;
    // Affordable, and with money to spare (else the due is the richest level's money, which
    // brackets cannot pin down).
    if (!(Down(least, tol) > cost.hi)) return Verdict::kUndecided;
    // The due lies between the dues at which the upper and the lower bounds of the money raise
    // the cost. Each is found by Newton's method on the money raised, Σ n·min(money, d),
    // concave and rising in d: from cost ÷ weight each step stays below the root and lands on
    // it in its linear piece. Then the bracket is proven.
    const auto root = [&](const std::vector<double>& money, double target) {
      double d = target / weight;
      for (int step = 0; step < 64; ++step) {
        double sum = 0, slope = 0;
        for (int l : counts_.touched) {
          const size_t level = static_cast<size_t>(l);
          const double c = static_cast<double>(counts_.count[level]);
          if (money[level] > d) {
            sum += d * c;
            slope += c;
          } else {
            sum += money[level] * c;
          }
        }
        if (sum >= target * (1 - 0x1p-50) || slope == 0) return d;
        d += (target - sum) / slope;
      }
      return d;
    };
    const auto raised = [&](const std::vector<double>& money, double d) {
      double sum = 0;
      for (int l : counts_.touched) {
        const size_t level = static_cast<size_t>(l);
        sum += static_cast<double>(counts_.count[level]) * std::min(money[level], d);
      }
      return sum;
    };
    const double below = root(hi_, cost.lo), above = root(lo_, cost.hi);
    for (const double width : {16 * tol, 1024 * tol, 65536 * tol}) {
      const Bracket due{below * (1 - width), above * (1 + width)};
      if (!(Up(raised(hi_, due.lo), tol) < cost.lo)) continue;
      if (!(Down(raised(lo_, due.hi), tol) > cost.hi)) continue;
      due_[p] = due;
      rho = {Down(due.lo / utility_[p].hi, 2 * kUnit), Up(due.hi / utility_[p].lo, 2 * kUnit)};
      return Verdict::kBracketed;
    }
    return Verdict::kUndecided;
  }
  // True if a level paying all it has at s₀ does so for every start in the horizon: its money,
  // rising by at most rise_hi, stays under the due, falling by at most fall_hi.
  bool AlwaysPaysAll(size_t level, Bracket due) const {
    if (!(hi_[level] <= due.lo)) return false;
    const double gap = std::nextafter(due.lo - hi_[level], 0.0);
    return gap >= Up(Up(rise_hi_[level] + fall_.hi, kUnit) * horizon_, kUnit);
  }

  // Limits the reach to where q could become as cheap as the winner w (ρ below rho_hi).
  void Rival(size_t q, double rho_hi, size_t w) {
    if (!track_) return;
    const double due_q = Up(rho_hi * utility_[q].hi, 2 * kUnit);  // at least q's due at ρ
    // Even if every supporter paid the due, q would be short; and the due only falls.
    if (Up(static_cast<double>(supporters_[q]) * due_q, kUnit) < cost_[q].lo) return;
    CountByLevel(q);
    double raised = 0, rising = 0;
    long rich = 0;
    for (int l : counts_.touched) {
      const size_t level = static_cast<size_t>(l);
      const double c = static_cast<double>(counts_.count[level]);
      raised += c * std::min(hi_[level], due_q);
      if (lo_[level] > due_q) {
        rich += counts_.count[level];
      } else {
        rising += c * rise_hi_[level];
      }
    }
    const double tol = Tolerance();
    ClearCounts();
    const double shortfall = cost_[q].lo - Up(raised, tol);
    if (!(shortfall > 0)) return Unreachable();
    const double falling =
        Down(static_cast<double>(rich) * fall_.lo * utility_[q].lo / utility_[w].hi, 4 * kUnit);
    const double slope = Up(rising, tol) - falling;
    if (slope > 0) Limit(Down(shortfall / slope, 4 * kUnit));  // else q only gets dearer
  }

  // How far the start can rise with p's supporters short of its cost, by their money now.
  double StaysShort(size_t p) {
    CountByLevel(p);
    double money = 0, rising = 0;
    for (int l : counts_.touched) {
      const size_t level = static_cast<size_t>(l);
      money += static_cast<double>(counts_.count[level]) * hi_[level];
      rising += static_cast<double>(counts_.count[level]) * rise_hi_[level];
    }
    const double tol = Tolerance();
    ClearCounts();
    const double shortfall = cost_[p].lo - Up(money, tol);
    if (!(shortfall > 0)) return 0;
    if (rising == 0) return kInfinity;
    return Down(shortfall / Up(rising, tol), 4 * kUnit);
  }

  void Limit(double reach) {
    reach_ = std::min(reach_, reach);
    if (reach_ <= floor_) Unreachable();
  }
  void Unreachable() {
    reach_ = 0;
    track_ = false;
  }

  // The relative error of a sum over the levels counted.
  double Tolerance() const { return static_cast<double>(counts_.touched.size() + 8) * kUnit; }

  void CountByLevel(size_t p) { counts_.Add(u_.supporters[p], level_, weight_, lo_.size()); }
  void ClearCounts() { counts_.Clear(); }

  const Utilities& u_;
  std::vector<long> weight_;      // ballot group → voters
  std::vector<int> level_;        // ballot group → level
  std::vector<double> lo_, hi_;   // level → bounds on its money; level 0 is nothing left
  std::vector<Bracket> cost_;     // project → its cost
  std::vector<Bracket> utility_;  // project → what each supporter values it at
  std::vector<long> supporters_;  // project → its supporters (voters)
  std::vector<Bracket> due_;      // project → its due when last priced
  LevelCounts counts_;            // scratch: a project's supporters by level
  std::vector<int> next_;         // scratch: level → level after paying

  bool track_;
  double horizon_, floor_, reach_;
  std::vector<double> rise_lo_, rise_hi_;  // level → bounds on how fast its money rises
  Bracket fall_;                           // bounds on how fast the winner's due falls
  std::vector<size_t> watched_;  // dropped projects not yet shown short for the whole reach
};

}  // namespace

std::optional<BracketedRun> RunBracketed(const Instance& instance, const Utilities& u,
                                         const mpq_class& start, ReachGoal goal) {
  if (!FitsDoubles(instance, u, start)) return std::nullopt;
  BracketWallets wallets(instance, u, start, goal);
  // As in the exact run (equal_shares.cpp): candidates wait in a heap by a lower bound of ρ,
  // which stays a lower bound as money is spent; the top is priced again until a project
  // priced this round is on top.
  struct Entry {
    double lo = 0, hi = 0;
    size_t project = 0;
    int priced_in = 0;
  };
  const auto later = [&](const Entry& a, const Entry& b) {
    if (a.lo != b.lo) return a.lo > b.lo;
    return instance.projects[a.project].id > instance.projects[b.project].id;
  };
  std::vector<Entry> heap;
  for (size_t p = 0; p < instance.projects.size(); ++p) {
    if (!u.supporters[p].empty() && instance.projects[p].cost > 0) heap.push_back({0, 0, p, 0});
  }
  std::make_heap(heap.begin(), heap.end(), later);
  const auto pop = [&] {
    std::pop_heap(heap.begin(), heap.end(), later);
    const Entry top = heap.back();
    heap.pop_back();
    return top;
  };
  const auto push = [&](const Entry& entry) {
    heap.push_back(entry);
    std::push_heap(heap.begin(), heap.end(), later);
  };
  BracketedRun run;
  std::vector<size_t> rivals;
  for (int round = 1; !heap.empty(); ++round) {
    // Prices an entry again: false if the brackets cannot decide.
    const auto price = [&](Entry entry) {
      Bracket rho;
      switch (wallets.Price(entry.project, rho)) {
        case BracketWallets::Verdict::kBracketed:
          push({rho.lo, rho.hi, entry.project, round});
          return true;
        case BracketWallets::Verdict::kUnaffordable:
          wallets.Dropped(entry.project);
          return true;
        case BracketWallets::Verdict::kUndecided:
          return false;
      }
      return false;
    };
    std::optional<Entry> top;
    while (!heap.empty()) {
      const Entry entry = pop();
      if (entry.priced_in == round) {
        top = entry;
        break;
      }
      if (!price(entry)) return std::nullopt;
    }
    if (!top) break;
    // Every other candidate must be dearer for certain.
    while (!heap.empty() && heap.front().lo <= top->hi) {
      const Entry entry = pop();
      if (entry.priced_in == round) return std::nullopt;  // the brackets overlap
      if (!price(entry)) return std::nullopt;
    }
    rivals.clear();
    for (const Entry& entry : heap) rivals.push_back(entry.project);
    wallets.Rivals(top->project, rivals);
    wallets.Pay(top->project);
    run.order.push_back(static_cast<int>(top->project));
  }
  run.reach = wallets.Reach();
  return run;
}

}  // namespace andel::budgeting::internal
