#include "funds/fund.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "core/enum_names.h"
#include "core/text.h"

namespace andel::funds {
namespace {

constexpr EnumNames<Phase, 4> kPhases{{{"proposing", Phase::kProposing},
                                       {"reviewing", Phase::kReviewing},
                                       {"voting", Phase::kVoting},
                                       {"result", Phase::kResult}}};
constexpr EnumNames<BallotKind, 3> kKinds{{{"approval", BallotKind::kApproval},
                                           {"cumulative", BallotKind::kCumulative},
                                           {"ranking", BallotKind::kRanking}}};
constexpr EnumNames<Rule, 2> kRules{{{"mes", Rule::kMes}, {"greedy", Rule::kGreedy}}};
constexpr EnumNames<Proposers, 2> kProposers{
    {{"members", Proposers::kMembers}, {"board", Proposers::kBoard}}};
constexpr EnumNames<ProjectStatus, 3> kStatuses{{{"submitted", ProjectStatus::kSubmitted},
                                                 {"feasible", ProjectStatus::kFeasible},
                                                 {"infeasible", ProjectStatus::kInfeasible}}};

Error BadBallot(const std::string& message) { return Error::InvalidArgument(message, "ballot"); }

}  // namespace

std::string_view Name(Phase phase) { return NameOf(kPhases, phase); }
std::string_view Name(BallotKind kind) { return NameOf(kKinds, kind); }
std::string_view Name(Rule rule) { return NameOf(kRules, rule); }
std::string_view Name(Proposers proposers) { return NameOf(kProposers, proposers); }
std::string_view Name(ProjectStatus status) { return NameOf(kStatuses, status); }
Result<Phase> ParsePhase(std::string_view text) {
  return ParseEnum(kPhases, text, "phase", "the phase is proposing, reviewing, voting or result");
}
Result<BallotKind> ParseBallotKind(std::string_view text) {
  return ParseEnum(kKinds, text, "ballot", "the ballot is approval, cumulative or ranking");
}
Result<Rule> ParseRule(std::string_view text) {
  return ParseEnum(kRules, text, "rule", "the rule is mes or greedy");
}
Result<Proposers> ParseProposers(std::string_view text) {
  return ParseEnum(kProposers, text, "proposers", "projects are proposed by members or board");
}
Result<ProjectStatus> ParseProjectStatus(std::string_view text) {
  return ParseEnum(kStatuses, text, "status", "the review is submitted, feasible or infeasible");
}

Result<mpq_class> ParseAmount(std::string_view text, const std::string& field) {
  text = Trim(text);
  const Error bad = Error::InvalidArgument("write an amount such as 12500 or 12500.50", field);
  if (text.empty() || text.size() > 18) return bad;
  long whole = 0, cents = 0;
  size_t decimals = 0;
  bool point = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (point) {
        if (++decimals > 2) return bad;
        cents = cents * 10 + (c - '0');
      } else {
        whole = whole * 10 + (c - '0');
      }
    } else if ((c == '.' || c == ',') && !point) {
      point = true;
    } else {
      return bad;
    }
  }
  if (point && decimals == 0) return bad;
  if (decimals == 1) cents *= 10;
  mpq_class amount(whole * 100 + cents, 100);
  amount.canonicalize();
  if (amount <= 0) return Error::InvalidArgument("the amount must be more than 0", field);
  return amount;
}

std::string AmountText(const mpq_class& amount) {
  const mpz_class cents = amount.get_num() * 100 / amount.get_den();
  const mpz_class whole = cents / 100, rest = cents % 100;
  if (rest == 0) return whole.get_str();
  const long hundredths = rest.get_si();
  std::string text = whole.get_str();
  text += '.';
  text += static_cast<char>('0' + hundredths / 10);
  if (hundredths % 10 != 0) text += static_cast<char>('0' + hundredths % 10);
  return text;
}

Status ValidateFund(const Fund& fund) {
  if (Trim(fund.title).empty()) return Error::InvalidArgument("give the fund a title", "title");
  if (fund.title.size() > 200) return Error::InvalidArgument("the title is too long", "title");
  if (fund.description.size() > 20000) {
    return Error::InvalidArgument("the description is too long", "description");
  }
  if (fund.amount <= 0) return Error::InvalidArgument("the amount must be more than 0", "amount");
  if (fund.currency.size() != 3 || !std::all_of(fund.currency.begin(), fund.currency.end(),
                                                [](char c) { return c >= 'A' && c <= 'Z'; })) {
    return Error::InvalidArgument("the currency is three capital letters, such as DKK or EUR",
                                  "currency");
  }
  if (fund.points < 1 || fund.points > 1000) {
    return Error::InvalidArgument("the points are a whole number from 1 to 1000", "points");
  }
  return {};
}

Status ValidateProject(const Project& project, const Fund& fund) {
  if (Trim(project.title).empty()) {
    return Error::InvalidArgument("give the project a title", "title");
  }
  if (project.title.size() > 200) return Error::InvalidArgument("the title is too long", "title");
  if (project.description.size() > 20000) {
    return Error::InvalidArgument("the description is too long", "description");
  }
  if (project.category.size() > 100) {
    return Error::InvalidArgument("the category is too long", "category");
  }
  if (project.cost <= 0) return Error::InvalidArgument("the cost must be more than 0", "cost");
  if (project.cost > fund.amount) {
    return Error::InvalidArgument("the project costs more than the whole fund", "cost");
  }
  return {};
}

Result<Ballot> CheckBallot(const Fund& fund, const std::vector<Project>& feasible, Ballot ballot) {
  std::map<int64_t, const Project*> by_id;
  for (const Project& p : feasible) by_id[p.id] = &p;
  std::set<int64_t> seen;
  mpq_class cost = 0;
  for (int64_t id : ballot.projects) {
    const auto it = by_id.find(id);
    if (it == by_id.end()) return BadBallot("the ballot names a project that is not on it");
    if (!seen.insert(id).second) return BadBallot("the ballot names a project twice");
    cost += it->second->cost;
  }
  switch (fund.ballot) {
    case BallotKind::kApproval:
      ballot.points.clear();
      if (cost > fund.amount) return BadBallot("the projects chosen cost more than the fund");
      break;
    case BallotKind::kRanking:
      ballot.points.clear();
      break;
    case BallotKind::kCumulative: {
      if (ballot.points.size() != ballot.projects.size()) {
        return BadBallot("give points to each project chosen");
      }
      long total = 0;
      for (int points : ballot.points) {
        if (points < 1) return BadBallot("points are whole numbers from 1");
        total += points;
      }
      if (total > fund.points) return BadBallot("the points given add up to more than allowed");
      break;
    }
  }
  return ballot;
}

std::string BallotText(const Ballot& ballot) {
  std::string text;
  for (size_t i = 0; i < ballot.projects.size(); ++i) {
    if (i) text += ',';
    text += std::to_string(ballot.projects[i]);
    if (i < ballot.points.size()) text += ':' + std::to_string(ballot.points[i]);
  }
  return text;
}

Result<Ballot> ParseBallotText(std::string_view text) {
  Ballot ballot;
  if (Trim(text).empty()) return ballot;
  for (std::string_view item : Split(text, ',')) {
    item = Trim(item);
    const size_t colon = item.find(':');
    const std::string_view id = item.substr(0, colon);
    int64_t project = 0;
    const auto [end, error] = std::from_chars(id.data(), id.data() + id.size(), project);
    if (error != std::errc() || end != id.data() + id.size() || project <= 0) {
      return BadBallot("the ballot lists project numbers separated by commas");
    }
    ballot.projects.push_back(project);
    if (colon != std::string_view::npos) {
      const std::string_view value = item.substr(colon + 1);
      int points = 0;
      const auto [pend, perror] =
          std::from_chars(value.data(), value.data() + value.size(), points);
      if (perror != std::errc() || pend != value.data() + value.size()) {
        return BadBallot("points are whole numbers");
      }
      ballot.points.push_back(points);
    }
  }
  if (!ballot.points.empty() && ballot.points.size() != ballot.projects.size()) {
    return BadBallot("give points to each project chosen");
  }
  return ballot;
}

budgeting::Utility UtilityOf(BallotKind kind) {
  return kind == BallotKind::kCumulative ? budgeting::Utility::kPoints : budgeting::Utility::kCost;
}

budgeting::Instance ToInstance(const Fund& fund, const std::vector<Project>& feasible,
                               const std::vector<Ballot>& ballots) {
  budgeting::Instance instance;
  instance.budget = fund.amount;
  instance.currency = fund.currency;
  instance.vote_type = fund.ballot == BallotKind::kCumulative ? budgeting::VoteType::kCumulative
                       : fund.ballot == BallotKind::kRanking  ? budgeting::VoteType::kOrdinal
                                                              : budgeting::VoteType::kApproval;
  instance.meta["description"] = fund.title;
  instance.meta["vote_type"] = std::string(fund.ballot == BallotKind::kCumulative ? "cumulative"
                                           : fund.ballot == BallotKind::kRanking  ? "ordinal"
                                                                                  : "approval");
  instance.meta["currency"] = fund.currency;
  instance.meta["rule"] = std::string(fund.rule == Rule::kMes ? "equalshares" : "greedy");
  if (fund.ballot == BallotKind::kCumulative) {
    instance.meta["max_sum_points"] = std::to_string(fund.points);
  }
  std::map<int64_t, int> index;
  for (const Project& p : feasible) {
    index[p.id] = static_cast<int>(instance.projects.size());
    instance.projects.push_back({std::to_string(p.id), p.cost, p.title, p.category});
  }
  for (const Ballot& b : ballots) {
    budgeting::Ballot out;
    for (size_t i = 0; i < b.projects.size(); ++i) {
      const auto it = index.find(b.projects[i]);
      if (it == index.end()) continue;  // a project found infeasible after the vote opened
      out.projects.push_back(it->second);
      if (fund.ballot == BallotKind::kCumulative) {
        out.points.emplace_back(i < b.points.size() ? b.points[i] : 0);
      }
    }
    instance.ballots.push_back(std::move(out));
  }
  return instance;
}

Result<budgeting::Outcome> Share(const Fund& fund, const budgeting::Instance& instance) {
  const budgeting::Utility utility = UtilityOf(fund.ballot);
  if (fund.rule == Rule::kGreedy) return budgeting::Greedy(instance, utility);
  return budgeting::EqualShares(instance, utility, fund.completion);
}

Result<std::vector<VoterGroup>> GroupsOfVoters(const Fund& fund,
                                               const budgeting::Instance& instance,
                                               const budgeting::Outcome& outcome) {
  Result<std::vector<mpq_class>> paid =
      budgeting::PaymentsByGroup(instance, outcome, UtilityOf(fund.ballot));
  if (!paid) return paid.error();
  std::vector<int> rank(instance.projects.size(), -1);
  for (size_t i = 0; i < outcome.selection_order.size(); ++i) {
    rank[static_cast<size_t>(outcome.selection_order[i])] = static_cast<int>(i);
  }
  const long voters = instance.VoterCount();
  std::map<std::vector<int>, VoterGroup> groups;
  for (size_t g = 0; g < instance.ballots.size(); ++g) {
    std::vector<int> funded;
    for (int p : instance.ballots[g].projects) {
      if (rank[static_cast<size_t>(p)] >= 0) funded.push_back(p);
    }
    std::sort(funded.begin(), funded.end(), [&](int a, int b) {
      return rank[static_cast<size_t>(a)] < rank[static_cast<size_t>(b)];
    });
    VoterGroup& group = groups[funded];
    group.funded = funded;
    group.voters += instance.ballots[g].count;
    group.paid += (*paid)[g];
  }
  std::vector<VoterGroup> out;
  for (auto& [key, group] : groups) {
    group.fair_share = voters ? mpq_class(fund.amount * group.voters / voters) : mpq_class(0);
    out.push_back(std::move(group));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const VoterGroup& a, const VoterGroup& b) { return a.voters > b.voters; });
  return out;
}

}  // namespace andel::funds
