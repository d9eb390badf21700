// A fund: common money a community shares out by its members' votes — a municipality's
// kick-start fund for citizen initiatives, a cooperative's collective fund. What a fund, its
// projects and its ballots are, their checks, and the outcome by the rule the fund declared
// (budgeting/). Pure values.
#pragma once

#include <gmpxx.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "budgeting/instance.h"
#include "budgeting/rules.h"
#include "core/result.h"

namespace andel::funds {

// Proposing → reviewing → voting → result; the board moves a fund on.
enum class Phase { kProposing, kReviewing, kVoting, kResult };
// Approval (the ballot's projects may cost at most the fund), cumulative points, or a ranking.
enum class BallotKind { kApproval, kCumulative, kRanking };
enum class Rule { kMes, kGreedy };
enum class Proposers { kMembers, kBoard };
enum class ProjectStatus { kSubmitted, kFeasible, kInfeasible };

std::string_view Name(Phase phase);
std::string_view Name(BallotKind kind);
std::string_view Name(Rule rule);
std::string_view Name(Proposers proposers);
std::string_view Name(ProjectStatus status);
Result<Phase> ParsePhase(std::string_view text);
Result<BallotKind> ParseBallotKind(std::string_view text);
Result<Rule> ParseRule(std::string_view text);
Result<Proposers> ParseProposers(std::string_view text);
Result<ProjectStatus> ParseProjectStatus(std::string_view text);

struct Fund {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string title;
  std::string description;  // Markdown
  mpq_class amount;
  std::string currency = "DKK";
  BallotKind ballot = BallotKind::kApproval;
  int points = 10;  // cumulative: points each voter shares out
  Rule rule = Rule::kMes;
  budgeting::Completion completion = budgeting::Completion::kAdd1Greedy;
  Proposers proposers = Proposers::kMembers;
  Phase phase = Phase::kProposing;
  int64_t created_by = 0;
  int64_t created_at = 0;
};

struct Project {
  int64_t id = 0;
  int64_t fund_id = 0;
  std::string title;
  std::string description;  // Markdown
  mpq_class cost;
  std::string category;
  int64_t proposer_person_id = 0;
  ProjectStatus status = ProjectStatus::kSubmitted;
  std::string review_reason;  // shown to the proposer
  int64_t created_at = 0;
};

// A voter's ballot: project ids (in rank order for a ranking) and, for cumulative points, the
// points given to each.
struct Ballot {
  std::string voter;  // "p<person id>" for a member; "pb:<voter id>" for one imported from a file
  int64_t person_id = 0;
  std::vector<int64_t> projects;
  std::vector<int> points;
  int64_t updated_at = 0;
};

// "12500", "12500.50" or "12500,50": a positive amount of money with at most two decimals.
Result<mpq_class> ParseAmount(std::string_view text, const std::string& field);
// The amount as a decimal ("12500", "12500.5").
std::string AmountText(const mpq_class& amount);

Status ValidateFund(const Fund& fund);
Status ValidateProject(const Project& project, const Fund& fund);

// A ballot from a form or a request, checked against the fund and its feasible projects:
// projects known and feasible, none twice; approval: together they cost at most the fund;
// cumulative: whole points from 1, together at most the fund's points. kInvalidArgument naming
// the field "ballot" otherwise.
Result<Ballot> CheckBallot(const Fund& fund, const std::vector<Project>& feasible, Ballot ballot);

// A ballot as one line of stored text ("12,15" or "12:3,15:7") and back.
std::string BallotText(const Ballot& ballot);
Result<Ballot> ParseBallotText(std::string_view text);

// The vote as a budgeting instance: the feasible projects (ids as text) and every ballot.
budgeting::Instance ToInstance(const Fund& fund, const std::vector<Project>& feasible,
                               const std::vector<Ballot>& ballots);
budgeting::Utility UtilityOf(BallotKind kind);

// The outcome by the fund's rule.
Result<budgeting::Outcome> Share(const Fund& fund, const budgeting::Instance& instance);

// Voters grouped by which funded projects they voted for, with what the group paid towards them
// and its fair share of the fund (the fund ÷ voters, times the group's size).
struct VoterGroup {
  std::vector<int> funded;  // project indices in the instance, in selection order
  long voters = 0;
  mpq_class paid;
  mpq_class fair_share;
};
Result<std::vector<VoterGroup>> GroupsOfVoters(const Fund& fund,
                                               const budgeting::Instance& instance,
                                               const budgeting::Outcome& outcome);

}  // namespace andel::funds
