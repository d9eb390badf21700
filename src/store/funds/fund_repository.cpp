// SQL for funds.
#include "store/funds/fund_repository.h"

#include <soci/soci.h>

#include "budgeting/pabulib.h"
#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

using namespace andel::funds;

// A stored name read back; a name this version does not know reads as the default.
template <typename T>
T Or(const Result<T>& parsed, T fallback) {
  return parsed ? *parsed : fallback;
}

struct FundRow {
  Fund fund;
  std::string amount, ballot, rule, completion, proposers, phase;
};

constexpr const char* kFundColumns =
    "id, community_id, title, description, amount, currency, ballot, points, rule, completion, "
    "proposers, phase, created_by, created_at";

void IntoFund(soci::statement& st, FundRow& row) {
  st.exchange(soci::into(row.fund.id));
  st.exchange(soci::into(row.fund.community_id));
  st.exchange(soci::into(row.fund.title));
  st.exchange(soci::into(row.fund.description));
  st.exchange(soci::into(row.amount));
  st.exchange(soci::into(row.fund.currency));
  st.exchange(soci::into(row.ballot));
  st.exchange(soci::into(row.fund.points));
  st.exchange(soci::into(row.rule));
  st.exchange(soci::into(row.completion));
  st.exchange(soci::into(row.proposers));
  st.exchange(soci::into(row.phase));
  st.exchange(soci::into(row.fund.created_by));
  st.exchange(soci::into(row.fund.created_at));
}

// Binds the fund's columns to `row` and prepares "SELECT <columns>" + `rest` (its parameters
// already exchanged).
void Prepare(soci::statement& st, FundRow& row, const std::string& rest) {
  IntoFund(st, row);
  st.alloc();
  st.prepare(std::string("SELECT ") + kFundColumns + rest);
  st.define_and_bind();
}

Fund FromRow(const FundRow& row) {
  Fund fund = row.fund;
  fund.amount = mpq_class(row.amount);
  fund.amount.canonicalize();
  fund.ballot = Or(ParseBallotKind(row.ballot), BallotKind::kApproval);
  fund.rule = Or(ParseRule(row.rule), Rule::kMes);
  fund.completion =
      Or(budgeting::ParseCompletion(row.completion), budgeting::Completion::kAdd1Greedy);
  fund.proposers = Or(ParseProposers(row.proposers), Proposers::kMembers);
  fund.phase = Or(ParsePhase(row.phase), Phase::kProposing);
  return fund;
}

// The fund's community and phase, read inside a transaction; kNotFound if there is no fund.
struct FundState {
  int64_t community_id = 0;
  Phase phase = Phase::kProposing;
};
Result<FundState> StateOf(soci::session& sql, int64_t fund_id) {
  FundState state;
  std::string phase;
  sql << "SELECT community_id, phase FROM funds WHERE id = :f", soci::use(fund_id),
      soci::into(state.community_id), soci::into(phase);
  if (!sql.got_data()) return Error::NotFound("there is no such fund", "fund");
  state.phase = Or(ParsePhase(phase), Phase::kProposing);
  return state;
}

std::string Exact(const mpq_class& value) { return budgeting::ExactText(value); }

// Makes the fund's stored result stale (a fund has its row from its creation; a fund made
// before the row existed gets it when its result is first claimed).
void InputsChanged(soci::session& sql, int64_t fund_id) {
  sql << "UPDATE fund_results SET inputs_version = inputs_version + 1 WHERE fund_id = :f",
      soci::use(fund_id);
}

int64_t InsertFund(soci::session& sql, const Fund& fund, Phase phase, int64_t now) {
  int64_t id = 0;
  const std::string amount = Exact(fund.amount), ballot(Name(fund.ballot)), rule(Name(fund.rule)),
                    completion(budgeting::Name(fund.completion)), proposers(Name(fund.proposers)),
                    phase_name(Name(phase));
  sql << "INSERT INTO funds (community_id, title, description, amount, currency, ballot, points, "
         "rule, completion, proposers, phase, created_by, created_at) VALUES (:c, :t, :d, :a, "
         ":cur, :b, :p, :r, :co, :pr, :ph, :by, :at) RETURNING id",
      soci::use(fund.community_id), soci::use(fund.title), soci::use(fund.description),
      soci::use(amount), soci::use(fund.currency), soci::use(ballot), soci::use(fund.points),
      soci::use(rule), soci::use(completion), soci::use(proposers), soci::use(phase_name),
      soci::use(fund.created_by), soci::use(now), soci::into(id);
  return id;
}

int64_t InsertProject(soci::session& sql, const Project& project, ProjectStatus status,
                      int64_t now) {
  int64_t id = 0;
  const std::string cost = Exact(project.cost), status_name(Name(status));
  soci::indicator proposer = project.proposer_person_id ? soci::i_ok : soci::i_null;
  sql << "INSERT INTO fund_projects (fund_id, title, description, cost, category, "
         "proposer_person_id, status, review_reason, created_at) VALUES (:f, :t, :d, :c, :cat, "
         ":p, :s, '', :at) RETURNING id",
      soci::use(project.fund_id), soci::use(project.title), soci::use(project.description),
      soci::use(cost), soci::use(project.category), soci::use(project.proposer_person_id, proposer),
      soci::use(status_name), soci::use(now), soci::into(id);
  return id;
}

}  // namespace

Result<int64_t> FundRepository::Create(const Fund& fund, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = InsertFund(sql, fund, Phase::kProposing, now);
    sql << "INSERT INTO fund_results (fund_id, inputs_version) VALUES (:f, 1)", soci::use(id);
    AppendAudit(sql,
                {fund.community_id, fund.created_by, "fund.created", "fund " + std::to_string(id),
                 fund.title + " " + AmountText(fund.amount) + " " + fund.currency},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Fund>> FundRepository::List(int64_t community_id) {
  std::vector<Fund> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    FundRow row;
    soci::statement st(sql);
    st.exchange(soci::use(community_id));
    Prepare(st, row, " FROM funds WHERE community_id = :c ORDER BY id DESC");
    st.execute();
    while (st.fetch()) out.push_back(FromRow(row));
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<Fund> FundRepository::Find(int64_t fund_id) {
  std::optional<Fund> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    FundRow row;
    soci::statement st(sql);
    st.exchange(soci::use(fund_id));
    Prepare(st, row, " FROM funds WHERE id = :f");
    st.execute();
    if (st.fetch()) out = FromRow(row);
    return {};
  });
  if (!status) return status.error();
  if (!out) return Error::NotFound("there is no such fund", "fund");
  return *out;
}

Status FundRepository::SetPhase(int64_t fund_id, Phase phase, int64_t actor_person_id,
                                int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<FundState> state = StateOf(sql, fund_id);
    if (!state) return state.error();
    const int64_t community_id = state->community_id;
    if (static_cast<int>(phase) != static_cast<int>(state->phase) + 1) {
      return Error::FailedPrecondition("a fund moves on one phase at a time", "phase");
    }
    const std::string name(Name(phase));
    sql << "UPDATE funds SET phase = :p WHERE id = :f", soci::use(name), soci::use(fund_id);
    InputsChanged(sql, fund_id);
    AppendAudit(
        sql, {community_id, actor_person_id, "fund.phase", "fund " + std::to_string(fund_id), name},
        now);
    return {};
  });
}

Result<int64_t> FundRepository::AddProject(const Project& project, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<FundState> state = StateOf(sql, project.fund_id);
    if (!state) return state.error();
    if (state->phase != Phase::kProposing) {
      return Error::FailedPrecondition("the fund no longer takes projects", "phase");
    }
    id = InsertProject(sql, project, ProjectStatus::kSubmitted, now);
    InputsChanged(sql, project.fund_id);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<Project>> FundRepository::Projects(int64_t fund_id) {
  std::vector<Project> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    Project p;
    std::string cost, status_name;
    soci::indicator proposer = soci::i_ok;
    soci::statement st =
        (sql.prepare << "SELECT id, fund_id, title, description, cost, category, "
                        "proposer_person_id, status, review_reason, created_at FROM "
                        "fund_projects WHERE fund_id = :f ORDER BY id",
         soci::use(fund_id), soci::into(p.id), soci::into(p.fund_id), soci::into(p.title),
         soci::into(p.description), soci::into(cost), soci::into(p.category),
         soci::into(p.proposer_person_id, proposer), soci::into(status_name),
         soci::into(p.review_reason), soci::into(p.created_at));
    st.execute();
    while (st.fetch()) {
      Project project = p;
      if (proposer != soci::i_ok) project.proposer_person_id = 0;
      project.cost = mpq_class(cost);
      project.cost.canonicalize();
      project.status = Or(ParseProjectStatus(status_name), ProjectStatus::kSubmitted);
      out.push_back(std::move(project));
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status FundRepository::Review(int64_t fund_id, int64_t project_id, ProjectStatus review,
                              const std::string& reason, int64_t actor_person_id, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<FundState> state = StateOf(sql, fund_id);
    if (!state) return state.error();
    const int64_t community_id = state->community_id;
    if (state->phase >= Phase::kVoting) {
      return Error::FailedPrecondition("projects are reviewed before the vote", "phase");
    }
    const std::string name(Name(review));
    soci::statement update =
        (sql.prepare << "UPDATE fund_projects SET status = :s, review_reason = :r WHERE id = :p "
                        "AND fund_id = :f",
         soci::use(name), soci::use(reason), soci::use(project_id), soci::use(fund_id));
    update.execute(true);
    if (update.get_affected_rows() == 0) {
      return Error::NotFound("there is no such project in this fund", "project");
    }
    InputsChanged(sql, fund_id);
    AppendAudit(sql,
                {community_id, actor_person_id, "fund.project_reviewed",
                 "fund project " + std::to_string(project_id), name},
                now);
    return {};
  });
}

Status FundRepository::SaveBallot(int64_t fund_id, const Ballot& ballot, int64_t now) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<FundState> state = StateOf(sql, fund_id);
    if (!state) return state.error();
    if (state->phase != Phase::kVoting) {
      return Error::FailedPrecondition("the vote is not open", "phase");
    }
    const std::string text = BallotText(ballot);
    soci::indicator person = ballot.person_id ? soci::i_ok : soci::i_null;
    sql << "DELETE FROM fund_ballots WHERE fund_id = :f AND voter = :v", soci::use(fund_id),
        soci::use(ballot.voter);
    sql << "INSERT INTO fund_ballots (fund_id, voter, person_id, ballot, updated_at) VALUES (:f, "
           ":v, :p, :b, :t)",
        soci::use(fund_id), soci::use(ballot.voter), soci::use(ballot.person_id, person),
        soci::use(text), soci::use(now);
    InputsChanged(sql, fund_id);
    return {};
  });
}

Result<std::optional<Ballot>> FundRepository::FindBallot(int64_t fund_id,
                                                         const std::string& voter) {
  std::optional<Ballot> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::string text;
    int64_t updated_at = 0;
    sql << "SELECT ballot, updated_at FROM fund_ballots WHERE fund_id = :f AND voter = :v",
        soci::use(fund_id), soci::use(voter), soci::into(text), soci::into(updated_at);
    if (!sql.got_data()) return {};
    Result<Ballot> ballot = ParseBallotText(text);
    if (!ballot) return ballot.error();
    ballot->voter = voter;
    ballot->updated_at = updated_at;
    out = std::move(*ballot);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<std::vector<Ballot>> FundRepository::Ballots(int64_t fund_id) {
  std::vector<Ballot> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    std::string voter, text;
    soci::statement st = (sql.prepare << "SELECT voter, ballot FROM fund_ballots WHERE fund_id = "
                                         ":f ORDER BY voter",
                          soci::use(fund_id), soci::into(voter), soci::into(text));
    st.execute();
    while (st.fetch()) {
      Result<Ballot> ballot = ParseBallotText(text);
      if (!ballot) return ballot.error();
      ballot->voter = voter;
      out.push_back(std::move(*ballot));
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<int64_t> FundRepository::Import(const Fund& fund, const std::vector<Project>& projects,
                                       const std::vector<Ballot>& ballots, int64_t now) {
  int64_t id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    id = InsertFund(sql, fund, Phase::kResult, now);
    std::vector<int64_t> ids;
    for (Project project : projects) {
      project.fund_id = id;
      ids.push_back(InsertProject(sql, project, ProjectStatus::kFeasible, now));
    }
    std::string voter, text;
    soci::statement insert =
        (sql.prepare << "INSERT INTO fund_ballots (fund_id, voter, ballot, updated_at) VALUES "
                        "(:f, :v, :b, :t)",
         soci::use(id), soci::use(voter), soci::use(text), soci::use(now));
    for (const Ballot& ballot : ballots) {
      Ballot stored = ballot;  // project positions in the file → the new project ids
      for (int64_t& p : stored.projects) p = ids[static_cast<size_t>(p)];
      voter = ballot.voter;
      text = BallotText(stored);
      insert.execute(true);
    }
    sql << "INSERT INTO fund_results (fund_id, inputs_version) VALUES (:f, 1)", soci::use(id);
    AppendAudit(sql,
                {fund.community_id, fund.created_by, "fund.imported", "fund " + std::to_string(id),
                 std::to_string(ballots.size()) + " ballots"},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

}  // namespace andel::store
