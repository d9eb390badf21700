#include "web/funds/actions.h"

#include <algorithm>
#include <cctype>

#include "budgeting/pabulib.h"
#include "core/text.h"
#include "web/forms.h"
#include "web/funds/results.h"
#include "web/security.h"

namespace andel::web {

Result<funds::Fund> FundFromPath(Context& ctx) {
  const int64_t id = ctx.ParamId("id");
  if (id <= 0) return Error::NotFound("there is no such fund", "fund");
  Result<funds::Fund> fund = ctx.services.funds.Find(id);
  if (!fund) return fund.error();
  if (fund->community_id != ctx.community->id) {
    return Error::NotFound("there is no such fund", "fund");
  }
  return fund;
}

Result<funds::Project> FundProjectFromPath(Context& ctx, const std::vector<funds::Project>& all) {
  const int64_t id = ctx.ParamId("project");
  for (const funds::Project& p : all) {
    if (p.id == id) return p;
  }
  return Error::NotFound("there is no such project in this fund", "project");
}

Result<funds::Fund> FundFromFields(const Context& ctx, const Form& form) {
  funds::Fund fund;
  fund.community_id = ctx.community->id;
  fund.created_by = ctx.person->id;
  fund.title = std::string(Trim(form.Get("title")));
  fund.description = form.Get("description");
  Result<mpq_class> amount = funds::ParseAmount(ctx.Number(form, "amount"), "amount");
  if (!amount) return amount.error();
  fund.amount = *amount;
  fund.currency = std::string(Trim(form.Get("currency")));
  std::transform(fund.currency.begin(), fund.currency.end(), fund.currency.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  Result<funds::BallotKind> kind = funds::ParseBallotKind(form.Get("ballot"));
  if (!kind) return kind.error();
  fund.ballot = *kind;
  Result<funds::Rule> rule = funds::ParseRule(form.Get("rule"));
  if (!rule) return rule.error();
  fund.rule = *rule;
  Result<funds::Proposers> proposers = funds::ParseProposers(form.Get("proposers"));
  if (!proposers) return proposers.error();
  fund.proposers = *proposers;
  Result<int> points = FormInt(form.Get("points"), "points", 10, 1, 1000);
  if (!points) return points.error();
  fund.points = *points;
  if (Status valid = funds::ValidateFund(fund); !valid) return valid.error();
  return fund;
}

std::string FundPath(const Context& ctx, int64_t id) {
  return "/c/" + ctx.community->slug + "/funds/" + std::to_string(id);
}

std::string PhaseLabel(const Context& ctx, funds::Phase phase) {
  switch (phase) {
    case funds::Phase::kProposing:
      return ctx.T("Proposing");
    case funds::Phase::kReviewing:
      return ctx.T("Reviewing");
    case funds::Phase::kVoting:
      return ctx.T("Voting");
    case funds::Phase::kResult:
      return ctx.T("Result");
  }
  return "";
}

std::string Money(const Context& ctx, const funds::Fund& fund, const mpq_class& amount) {
  // Thousands grouped and the decimal mark as the reader writes them: 150.000,5 in Danish and
  // Dutch, 150,000.5 in English.
  // Cents, where there are any, always as two digits: 50.000,50 rather than 50.000,5.
  std::string plain = funds::AmountText(amount);
  if (const size_t point = plain.find('.');
      point != std::string::npos && plain.size() - point == 2) {
    plain += '0';
  }
  return FormatDecimal(ctx.language, plain) + " " + fund.currency;
}

std::string VoterOf(const Context& ctx) { return "p" + std::to_string(ctx.person->id); }

Status CheckMayPropose(const Context& ctx, const funds::Fund& fund) {
  if (fund.proposers == funds::Proposers::kBoard && !ctx.IsBoard()) {
    return Error::PermissionDenied("in this fund the board proposes the projects", "fund");
  }
  return {};
}

std::vector<funds::Project> Feasible(const std::vector<funds::Project>& projects) {
  std::vector<funds::Project> out;
  for (const funds::Project& p : projects) {
    if (p.status == funds::ProjectStatus::kFeasible) out.push_back(p);
  }
  return out;
}

Result<funds::Project> ProposeProject(Context& ctx, const funds::Fund& fund, const Form& form) {
  if (Status may = CheckMayPropose(ctx, fund); !may) return may.error();
  funds::Project project;
  project.fund_id = fund.id;
  project.proposer_person_id = ctx.person->id;
  project.title = std::string(Trim(form.Get("title")));
  project.description = form.Get("description");
  project.category = std::string(Trim(form.Get("category")));
  Result<mpq_class> cost = funds::ParseAmount(ctx.Number(form, "cost"), "cost");
  if (!cost) return cost.error();
  project.cost = *cost;
  if (Status valid = funds::ValidateProject(project, fund); !valid) return valid.error();
  Result<int64_t> id = ctx.services.funds.AddProject(project, ctx.Now());
  if (!id) return id.error();
  project.id = *id;
  return project;
}

Status ReviewProject(Context& ctx, const funds::Fund& fund, int64_t project_id,
                     const std::string& status, const std::string& reason) {
  Result<funds::ProjectStatus> parsed = funds::ParseProjectStatus(status);
  if (!parsed) return parsed.error();
  const std::string trimmed(Trim(reason));
  if (trimmed.size() > 2000) return Error::InvalidArgument("the reason is too long", "reason");
  return ctx.services.funds.Review(fund.id, project_id, *parsed, trimmed, ctx.person->id,
                                   ctx.Now());
}

Status MoveFundTo(Context& ctx, const funds::Fund& fund, funds::Phase phase) {
  Status moved = ctx.services.funds.SetPhase(fund.id, phase, ctx.person->id, ctx.Now());
  if (!moved) return moved;
  // Decided: the result is computed now, once, rather than when the first visitor asks.
  if (phase == funds::Phase::kResult) RequestFundResult(ctx.services, fund.id);
  return {};
}

Result<funds::Ballot> SaveFundBallot(Context& ctx, const funds::Fund& fund,
                                     const funds::Ballot& ballot) {
  if (fund.phase != funds::Phase::kVoting) {
    return Error::FailedPrecondition("the vote is not open", "ballot");
  }
  Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund.id);
  if (!projects) return projects.error();
  Result<funds::Ballot> checked = funds::CheckBallot(fund, Feasible(*projects), ballot);
  if (!checked) return checked.error();
  if (Status saved = ctx.services.funds.SaveBallot(fund.id, *checked, ctx.Now()); !saved) {
    return saved.error();
  }
  return checked;
}

namespace {

// What the result is computed from, as text to hash: the fund's terms, the feasible projects
// and every ballot (voters in the database's order, which is by voter).
std::string InputsText(const funds::Fund& fund, const std::vector<funds::Project>& feasible,
                       const std::vector<funds::Ballot>& ballots) {
  std::string text = budgeting::ExactText(fund.amount) + ";" + fund.currency + ";" +
                     std::string(funds::Name(fund.ballot)) + ";" + std::to_string(fund.points) +
                     ";" + std::string(funds::Name(fund.rule)) + ";" +
                     std::string(budgeting::Name(fund.completion)) + "\n";
  for (const funds::Project& p : feasible) {
    text += std::to_string(p.id) + ";" + budgeting::ExactText(p.cost) + "\n";
  }
  for (const funds::Ballot& b : ballots) text += b.voter + ";" + funds::BallotText(b) + "\n";
  return text;
}

}  // namespace

Result<FundOutcome> ComputeOutcome(Services& services, const funds::Fund& fund,
                                   const std::vector<funds::Project>& projects) {
  Result<std::vector<funds::Ballot>> ballots = services.funds.Ballots(fund.id);
  if (!ballots) return ballots.error();
  const std::vector<funds::Project> feasible = Feasible(projects);
  const budgeting::Instance instance = funds::ToInstance(fund, feasible, *ballots);
  FundOutcome out;
  for (const funds::Project& p : feasible) out.projects.push_back(p.id);
  out.voters = instance.VoterCount();
  out.fingerprint = HashToken(InputsText(fund, feasible, *ballots));
  Result<budgeting::Outcome> outcome =
      funds::Share(fund, budgeting::GroupIdenticalBallots(instance));
  if (!outcome) return outcome.error();
  out.outcome = std::move(*outcome);
  // Grouping keeps the projects in place; the payments are per ballot of the ungrouped vote.
  Result<std::vector<funds::VoterGroup>> groups =
      funds::GroupsOfVoters(fund, instance, out.outcome);
  if (!groups) return groups.error();
  out.groups = std::move(*groups);
  return out;
}

std::string ExplanationWords(const Context& ctx, const funds::Fund& fund,
                             const budgeting::Explanation& e) {
  const auto money = [&](const mpq_class& value) { return Money(ctx, fund, value); };
  if (e.funded && e.how == "mes") {
    std::string text = ctx.T("Funded in round") + " " + std::to_string(e.round) + ". " +
                       std::to_string(e.payers) + " " + ctx.T("voters shared its cost");
    if (e.paid_in_full > 0) {
      text += "; " + money(e.paid_in_full) + " " +
              ctx.T("of it came from voters who spent all they had left");
    }
    return text + ".";
  }
  if (e.funded) {
    return ctx.T(e.how == "completion" ? "Funded from what was left over, at position"
                                       : "Funded by the greedy rule, at position") +
           " " + std::to_string(e.round) + ".";
  }
  if (e.reason == "unaffordable" && e.supporters_money && e.cost) {
    return ctx.T("Not funded: in round") + " " + std::to_string(e.round) + " " +
           ctx.T("its voters had only") + " " + money(*e.supporters_money) + " " +
           ctx.T("left of their shares, and it costs") + " " + money(*e.cost) + ".";
  }
  if (e.reason == "did_not_fit") {
    return ctx.T("Not funded: when its turn came it did not fit in what was left of the fund.");
  }
  if (e.reason == "no_support") return ctx.T("Not funded: nobody voted for it.");
  return ctx.T("Not funded.");
}

Result<std::string> FundPabulib(Context& ctx, const funds::Fund& fund) {
  Result<std::vector<funds::Project>> projects = ctx.services.funds.Projects(fund.id);
  if (!projects) return projects.error();
  Result<std::vector<funds::Ballot>> ballots = ctx.services.funds.Ballots(fund.id);
  if (!ballots) return ballots.error();
  budgeting::Instance instance = funds::ToInstance(fund, Feasible(*projects), *ballots);
  instance.meta["unit"] = ctx.community->name;
  instance.meta["comment"] = "Andel fund " + std::to_string(fund.id);
  return budgeting::WritePabulib(instance);
}

Result<int64_t> ImportFund(Context& ctx, const std::string& text, const std::string& title) {
  // The reader refuses a file that is not UTF-8, naming the line.
  Result<budgeting::Instance> instance = budgeting::ReadPabulib(text);
  if (!instance) return instance.error();
  if (instance->projects.empty()) {
    return Error::InvalidArgument("the file has no projects", "file");
  }
  funds::Fund fund;
  fund.community_id = ctx.community->id;
  fund.created_by = ctx.person->id;
  fund.amount = instance->budget;
  const std::string description =
      instance->meta.count("description") ? instance->meta["description"] : std::string("Pabulib");
  fund.title = std::string(Trim(title)).empty() ? description : std::string(Trim(title));
  // Cut where a letter ends: the stored text stays UTF-8.
  fund.title = std::string(TruncateUtf8(fund.title, 200));
  fund.currency = instance->currency.size() == 3 ? instance->currency : "EUR";
  const bool points = instance->vote_type == budgeting::VoteType::kCumulative ||
                      instance->vote_type == budgeting::VoteType::kScoring;
  fund.ballot = points ? funds::BallotKind::kCumulative
                : instance->vote_type == budgeting::VoteType::kOrdinal
                    ? funds::BallotKind::kRanking
                    : funds::BallotKind::kApproval;
  if (points) {
    long most = 1;
    for (const budgeting::Ballot& b : instance->ballots) {
      mpq_class total = 0;
      for (const mpq_class& p : b.points) {
        if (p.get_den() != 1 || p < 0) {
          return Error::InvalidArgument("points must be whole numbers from 0", "file");
        }
        total += p;
      }
      if (total > 1000)
        return Error::InvalidArgument("a voter gives more than 1000 points", "file");
      most = std::max(most, total.get_num().get_si());
    }
    fund.points = static_cast<int>(most);
  }
  if (Status valid = funds::ValidateFund(fund); !valid) return valid.error();
  std::vector<funds::Project> projects;
  for (const budgeting::Project& p : instance->projects) {
    funds::Project project;
    project.title = p.name.empty() ? p.id : p.name;
    project.title = std::string(TruncateUtf8(project.title, 200));
    project.description = "Pabulib project " + p.id;
    project.cost = p.cost;
    project.category = std::string(TruncateUtf8(p.category, 100));
    if (p.cost <= 0) return Error::InvalidArgument("a project costs nothing", "file");
    projects.push_back(std::move(project));
  }
  std::vector<funds::Ballot> ballots;
  long voter = 0;
  for (const budgeting::Ballot& b : instance->ballots) {
    for (long c = 0; c < b.count; ++c) {
      funds::Ballot ballot;
      ballot.voter = "pb:" + std::to_string(++voter);
      for (size_t i = 0; i < b.projects.size(); ++i) {
        if (points && (i >= b.points.size() || b.points[i] <= 0)) continue;
        ballot.projects.push_back(b.projects[i]);  // a position in the file; the store maps it
        if (points) ballot.points.push_back(static_cast<int>(b.points[i].get_num().get_si()));
      }
      ballots.push_back(std::move(ballot));
    }
  }
  return ctx.services.funds.Import(fund, projects, ballots, ctx.Now());
}

}  // namespace andel::web
