// SQL for decisions and their ballots (read side; decisions/ballot_writer.cpp casts), closing and
// counting, and reminders. Proposals, comments, amendments and notifications are in
// decisions/proposal_repository.cpp.
#include "store/decisions/decision_repository.h"

#include <soci/soci.h>

#include <ctime>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/decisions/decision_rows.h"

namespace andel::store {

using namespace decision_rows;  // NOLINT: this file's own helpers

int64_t DecisionRepository::Now() const {
  return now_ != 0 ? now_ : static_cast<int64_t>(std::time(nullptr));
}

Result<int64_t> DecisionRepository::CreateDecision(const Decision& d) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int weighted = d.weighted ? 1 : 0, secret = d.secret ? 1 : 0,
              live = d.live_results ? 1 : 0;
    const int64_t seed = static_cast<int64_t>(d.seed & 0x7fffffffffffffffULL);
    const int64_t num = d.threshold.num, den = d.threshold.den;
    const std::string method(decisions::MethodName(d.method));
    sql << "INSERT INTO decisions (proposal_id, community_id, method, seats, max_score, "
           "quorum_percent, threshold_num, threshold_den, weighted, secret, live_results, seed, "
           "opens_at, closes_at, created_by, created_at) VALUES (:p, :c, :m, :s, :x, :q, :tn, "
           ":td, :w, :sec, :l, :seed, :o, :cl, :by, :t) RETURNING id",
        soci::use(d.proposal_id), soci::use(d.community_id), soci::use(method), soci::use(d.seats),
        soci::use(d.max_score), soci::use(d.quorum_percent), soci::use(num), soci::use(den),
        soci::use(weighted), soci::use(secret), soci::use(live), soci::use(seed),
        soci::use(d.opens_at), soci::use(d.closes_at), soci::use(d.created_by), soci::use(now),
        soci::into(id);
    for (const decisions::Option& option : d.options) {
      sql << "INSERT INTO decision_options (decision_id, option_id, name) VALUES (:d, :o, :n)",
          soci::use(id), soci::use(option.id), soci::use(option.name);
    }
    AppendAudit(sql,
                {d.community_id, actor_, "decision.opened", DecisionSubject(id),
                 "method=" + method + " secret=" + (d.secret ? "yes" : "no") + " opens_at=" +
                     std::to_string(d.opens_at) + " closes_at=" + std::to_string(d.closes_at)},
                now);
    return {};
  });
  if (!status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("this proposal is already put to a vote", "proposal");
    }
    return status.error();
  }
  return id;
}

namespace {

// A decision by id with its options, and a community's slug: asked by every request for a
// decision (and so by every ballot cast through the API).
struct DecisionQuery : PreparedStatements::Entry {
  explicit DecisionQuery(soci::session& sql)
      : decision((sql.prepare << std::string(kDecisionSelect) + "WHERE id = :id", soci::use(id))),
        options((sql.prepare << "SELECT option_id, name FROM decision_options WHERE "
                                "decision_id = :d ORDER BY option_id",
                 soci::use(id), soci::into(option.id), soci::into(option.name))),
        slug((sql.prepare << "SELECT slug FROM communities WHERE id = :c", soci::use(community_id),
              soci::into(found_slug))) {
    columns.Bind(decision);
    decision.define_and_bind();
  }

  int64_t id = 0, community_id = 0;
  DecisionColumns columns;
  Option option;
  std::string found_slug;
  soci::statement decision, options, slug;
};

}  // namespace

Result<Decision> DecisionRepository::FindDecision(int64_t decision_id) {
  std::optional<Decision> decision;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    DecisionQuery& query = prepared.Get<DecisionQuery>("decision_by_id", sql);
    query.id = decision_id;
    if (!query.decision.execute(true)) return {};
    decision = query.columns.Value();
    FinishStatement(query.decision);
    query.options.execute();
    while (query.options.fetch()) decision->options.push_back(query.option);
    return {};
  });
  if (!status) return status.error();
  if (!decision) return Error::NotFound("no such decision", "id");
  return std::move(*decision);
}

Result<std::string> DecisionRepository::CommunitySlug(int64_t community_id) {
  std::optional<std::string> slug;
  Status status = db_.RunPrepared([&](soci::session& sql, PreparedStatements& prepared) -> Status {
    DecisionQuery& query = prepared.Get<DecisionQuery>("decision_by_id", sql);
    query.community_id = community_id;
    if (query.slug.execute(true)) {
      slug = query.found_slug;
      FinishStatement(query.slug);
    }
    return {};
  });
  if (!status) return status.error();
  if (!slug) return Error::NotFound("no such community", "slug");
  return *slug;
}

Result<std::optional<Decision>> DecisionRepository::FindDecisionOfProposal(int64_t proposal_id) {
  std::optional<Decision> decision;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    decision = ReadDecision(sql, "WHERE proposal_id = :id", proposal_id);
    return {};
  });
  if (!status) return status.error();
  return decision;
}

namespace {

std::vector<StoredBallot> ReadBallots(soci::session& sql, int64_t decision_id) {
  std::vector<StoredBallot> out;
  StoredBallot ballot;
  soci::statement select =
      (sql.prepare << "SELECT receipt, content, weight FROM ballots WHERE decision_id = :d "
                      "ORDER BY receipt",
       soci::use(decision_id), soci::into(ballot.receipt), soci::into(ballot.content),
       soci::into(ballot.weight));
  select.execute();
  while (select.fetch()) out.push_back(ballot);
  return out;
}

}  // namespace

Result<std::vector<StoredBallot>> DecisionRepository::ListBallots(int64_t decision_id) {
  std::vector<StoredBallot> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    out = ReadBallots(sql, decision_id);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<int64_t> DecisionRepository::CountVoters(int64_t decision_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d", soci::use(decision_id),
        soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Result<std::optional<OwnVote>> DecisionRepository::FindOwnVote(int64_t decision_id,
                                                               int64_t person_id) {
  std::optional<OwnVote> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    OwnVote vote;
    sql << "SELECT voted_at FROM decision_voters WHERE decision_id = :d AND person_id = :p",
        soci::use(decision_id), soci::use(person_id), soci::into(vote.voted_at);
    if (!sql.got_data()) return {};
    sql << "SELECT receipt, content FROM ballots WHERE decision_id = :d AND person_id = :p",
        soci::use(decision_id), soci::use(person_id), soci::into(vote.receipt),
        soci::into(vote.content);
    out = vote;
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<std::vector<NamedBallot>> DecisionRepository::ListNamedBallots(int64_t decision_id) {
  std::vector<NamedBallot> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    NamedBallot ballot;
    soci::statement select =
        (sql.prepare << "SELECT p.name, b.content FROM ballots b JOIN persons p ON "
                        "p.id = b.person_id WHERE b.decision_id = :d ORDER BY p.name, p.id",
         soci::use(decision_id), soci::into(ballot.voter_name), soci::into(ballot.content));
    select.execute();
    while (select.fetch()) out.push_back(ballot);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<std::vector<int64_t>> DecisionRepository::ListDue(int64_t now) {
  std::vector<int64_t> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    int64_t id = 0;
    soci::statement select =
        (sql.prepare << "SELECT id FROM decisions WHERE closed_at = 0 AND closes_at <= :t "
                        "ORDER BY closes_at",
         soci::use(now), soci::into(id));
    select.execute();
    while (select.fetch()) out.push_back(id);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<bool> DecisionRepository::Close(int64_t decision_id, const CountFunction& count) {
  bool closed = false;
  const int64_t now = Now();
  const bool postgres = db_.dialect() == Dialect::kPostgresql;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    // Ballot writers take the same row lock, so no ballot lands between counting and recording.
    std::optional<Decision> decision =
        ReadDecision(sql, postgres ? "WHERE id = :id FOR UPDATE" : "WHERE id = :id", decision_id);
    if (!decision) return Error::NotFound("no such decision", "id");
    if (decision->closed_at != 0 || decision->closes_at > now) return {};
    FixRollIfDue(sql, decision_id, now);
    const std::vector<StoredBallot> ballots = ReadBallots(sql, decision_id);
    const int64_t eligible = RollWeight(sql, decision_id);
    Result<std::string> result = count(*decision, ballots, eligible);
    if (!result) return result.error();
    // Claimed by a conditional update as well as by the lock: of two servers closing the same
    // decision, one records its result and notifies; the other finds it closed.
    soci::statement record =
        (sql.prepare << "UPDATE decisions SET closed_at = :t, result = :r, eligible_weight = :e "
                        "WHERE id = :d AND closed_at = 0",
         soci::use(now), soci::use(*result), soci::use(eligible), soci::use(decision_id));
    record.execute(true);
    if (record.get_affected_rows() != 1) return {};
    const std::string subject = DecisionSubject(decision_id);
    AppendAudit(sql,
                {decision->community_id, actor_, "decision.closed", subject,
                 "ballots=" + std::to_string(ballots.size())},
                now);
    AppendAudit(sql, {decision->community_id, actor_, "decision.result", subject, *result}, now);
    if (decision->secret) {
      // Who voted in secret is published now, in alphabetical order, and only now: no entry
      // was made while the vote was open, so no time of casting can be matched to a receipt.
      std::string voters;
      std::string name;
      soci::statement names =
          (sql.prepare << "SELECT p.name FROM decision_voters v JOIN persons p ON "
                          "p.id = v.person_id WHERE v.decision_id = :d ORDER BY p.name, p.id",
           soci::use(decision_id), soci::into(name));
      names.execute();
      while (names.fetch()) voters += (voters.empty() ? "" : ", ") + name;
      AppendAudit(sql, {decision->community_id, actor_, "decision.voters", subject, voters}, now);
    }
    NotifyMembers(sql, decision->community_id, "decision.result", decision->proposal_id, 0, 0, now);
    closed = true;
    return {};
  });
  if (!status) return status.error();
  return closed;
}

Result<int> DecisionRepository::RemindClosingSoon(int64_t now) {
  int reminded = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    std::vector<std::tuple<int64_t, int64_t, int64_t>> due;  // decision, community, proposal
    int64_t id = 0, community_id = 0, proposal_id = 0;
    const int64_t horizon = now + 24 * 3600;
    soci::statement select =
        (sql.prepare << "SELECT id, community_id, proposal_id FROM decisions WHERE closed_at = 0 "
                        "AND reminded = 0 AND opens_at <= :n AND closes_at > :n2 AND "
                        "closes_at <= :h",
         soci::use(now), soci::use(now), soci::use(horizon), soci::into(id),
         soci::into(community_id), soci::into(proposal_id));
    select.execute();
    while (select.fetch()) due.emplace_back(id, community_id, proposal_id);
    int64_t claimed_id = 0;
    soci::statement claim =
        (sql.prepare << "UPDATE decisions SET reminded = 1 WHERE id = :d AND reminded = 0",
         soci::use(claimed_id));
    for (const auto& [decision, community, proposal] : due) {
      // The reminder belongs to whoever sets the flag: on PostgreSQL a second server's update
      // waits for the first one's commit, then finds the flag set and changes no row.
      claimed_id = decision;
      claim.execute(true);
      if (claim.get_affected_rows() != 1) continue;
      NotifyMembers(sql, community, "decision.closing", proposal, 0, decision, now);
      ++reminded;
    }
    return {};
  });
  if (!status) return status.error();
  return reminded;
}

}  // namespace andel::store
