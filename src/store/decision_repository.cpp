// SQL for proposals, comments, amendments, decisions, ballots (read side) and notifications.
#include "store/decision_repository.h"

#include <soci/soci.h>

#include <ctime>

#include "store/audit_log.h"
#include "store/database.h"

namespace andel::store {
namespace {

using decisions::Amendment;
using decisions::Comment;
using decisions::Decision;
using decisions::Option;
using decisions::Proposal;
using decisions::StoredBallot;

constexpr const char* kDecisionSelect =
    "SELECT id, proposal_id, community_id, method, seats, max_score, quorum_percent, "
    "threshold_num, threshold_den, weighted, secret, live_results, seed, opens_at, closes_at, "
    "closed_at, eligible_weight, result, created_by FROM decisions ";

struct DecisionColumns {
  Decision d;
  int weighted = 0, secret = 0, live = 0;
  int64_t seed = 0, num = 1, den = 2;

  void Bind(soci::statement& statement) {
    statement.exchange(soci::into(d.id));
    statement.exchange(soci::into(d.proposal_id));
    statement.exchange(soci::into(d.community_id));
    statement.exchange(soci::into(d.method));
    statement.exchange(soci::into(d.seats));
    statement.exchange(soci::into(d.max_score));
    statement.exchange(soci::into(d.quorum_percent));
    statement.exchange(soci::into(num));
    statement.exchange(soci::into(den));
    statement.exchange(soci::into(weighted));
    statement.exchange(soci::into(secret));
    statement.exchange(soci::into(live));
    statement.exchange(soci::into(seed));
    statement.exchange(soci::into(d.opens_at));
    statement.exchange(soci::into(d.closes_at));
    statement.exchange(soci::into(d.closed_at));
    statement.exchange(soci::into(d.eligible_weight));
    statement.exchange(soci::into(d.result));
    statement.exchange(soci::into(d.created_by));
  }

  Decision Value() const {
    Decision out = d;
    out.threshold = {num, den};
    out.weighted = weighted != 0;
    out.secret = secret != 0;
    out.live_results = live != 0;
    out.seed = static_cast<uint64_t>(seed);
    return out;
  }
};

// The decision with `where` (a condition on one bound id), options included.
std::optional<Decision> ReadDecision(soci::session& sql, const std::string& where, int64_t id) {
  DecisionColumns columns;
  soci::statement select = (sql.prepare << std::string(kDecisionSelect) + where, soci::use(id));
  columns.Bind(select);
  select.define_and_bind();
  select.execute();
  if (!select.fetch()) return std::nullopt;
  Decision decision = columns.Value();
  Option option;
  soci::statement options =
      (sql.prepare << "SELECT option_id, name FROM decision_options WHERE decision_id = :d "
                      "ORDER BY option_id",
       soci::use(decision.id), soci::into(option.id), soci::into(option.name));
  options.execute();
  while (options.fetch()) decision.options.push_back(option);
  return decision;
}

// Notifies the community's active members, except `except_person` and (for a decision) those
// who have voted on `unvoted_decision`.
void NotifyMembers(soci::session& sql, int64_t community_id, const std::string& kind,
                   int64_t proposal_id, int64_t except_person, int64_t unvoted_decision,
                   int64_t now) {
  sql << "INSERT INTO notifications (person_id, community_id, kind, proposal_id, created_at) "
         "SELECT DISTINCT m.person_id, m.community_id, CAST(:k AS TEXT), CAST(:p AS BIGINT), "
         "CAST(:t AS BIGINT) FROM memberships m "
         "WHERE m.community_id = :c AND m.status = 'active' AND m.person_id <> :x "
         "AND NOT EXISTS (SELECT 1 FROM decision_voters v WHERE v.decision_id = :d "
         "AND v.person_id = m.person_id)",
      soci::use(kind), soci::use(proposal_id), soci::use(now), soci::use(community_id),
      soci::use(except_person), soci::use(unvoted_decision);
}

std::string DecisionSubject(int64_t id) { return "decision " + std::to_string(id); }

}  // namespace

int64_t DecisionRepository::Now() const {
  return now_ != 0 ? now_ : static_cast<int64_t>(std::time(nullptr));
}

Result<int64_t> DecisionRepository::CreateProposal(const Proposal& proposal) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO proposals (community_id, author_person_id, title, body, created_at, "
           "updated_at) VALUES (:c, :a, :t, :b, :n, :n2) RETURNING id",
        soci::use(proposal.community_id), soci::use(proposal.author_person_id),
        soci::use(proposal.title), soci::use(proposal.body), soci::use(now), soci::use(now),
        soci::into(id);
    NotifyMembers(sql, proposal.community_id, "proposal.new", id, proposal.author_person_id, 0,
                  now);
    AppendAudit(sql,
                {proposal.community_id, actor_, "proposal.created",
                 "proposal " + std::to_string(id), proposal.title},
                now);
    return {};
  });
  if (!status) return status.error();
  return id;
}

namespace {

constexpr const char* kProposalSelect =
    "SELECT p.id, p.community_id, p.author_person_id, p.title, p.body, p.created_at, "
    "p.updated_at, a.name, "
    "(SELECT COUNT(*) FROM proposal_comments c WHERE c.proposal_id = p.id), "
    "COALESCE((SELECT d.id FROM decisions d WHERE d.proposal_id = p.id), 0) "
    "FROM proposals p JOIN persons a ON a.id = p.author_person_id ";

struct ProposalColumns {
  ProposalSummary s;
  int64_t decision_id = 0;
  void Bind(soci::statement& statement) {
    Proposal& p = s.proposal;
    statement.exchange(soci::into(p.id));
    statement.exchange(soci::into(p.community_id));
    statement.exchange(soci::into(p.author_person_id));
    statement.exchange(soci::into(p.title));
    statement.exchange(soci::into(p.body));
    statement.exchange(soci::into(p.created_at));
    statement.exchange(soci::into(p.updated_at));
    statement.exchange(soci::into(s.author_name));
    statement.exchange(soci::into(s.comments));
    statement.exchange(soci::into(decision_id));
  }
};

// Fills in the decisions and their voter counts.
void AttachDecisions(soci::session& sql, std::vector<std::pair<ProposalSummary, int64_t>>& rows) {
  for (auto& [summary, decision_id] : rows) {
    if (decision_id == 0) continue;
    summary.decision = ReadDecision(sql, "WHERE id = :id", decision_id);
    sql << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d", soci::use(decision_id),
        soci::into(summary.voters);
  }
}

}  // namespace

Result<std::vector<ProposalSummary>> DecisionRepository::ListProposals(int64_t community_id,
                                                                       int offset, int limit) {
  std::vector<std::pair<ProposalSummary, int64_t>> rows;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    ProposalColumns columns;
    soci::statement select =
        (sql.prepare << std::string(kProposalSelect) +
                            "WHERE p.community_id = :c ORDER BY p.id DESC LIMIT :l OFFSET :o",
         soci::use(community_id), soci::use(limit), soci::use(offset));
    columns.Bind(select);
    select.define_and_bind();
    select.execute();
    while (select.fetch()) rows.emplace_back(columns.s, columns.decision_id);
    AttachDecisions(sql, rows);
    return {};
  });
  if (!status) return status.error();
  std::vector<ProposalSummary> out;
  for (auto& row : rows) out.push_back(std::move(row.first));
  return out;
}

Result<int64_t> DecisionRepository::CountProposals(int64_t community_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM proposals WHERE community_id = :c", soci::use(community_id),
        soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Result<ProposalSummary> DecisionRepository::FindProposal(int64_t community_id,
                                                         int64_t proposal_id) {
  std::vector<std::pair<ProposalSummary, int64_t>> rows;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    ProposalColumns columns;
    soci::statement select =
        (sql.prepare << std::string(kProposalSelect) + "WHERE p.community_id = :c AND p.id = :p",
         soci::use(community_id), soci::use(proposal_id));
    columns.Bind(select);
    select.define_and_bind();
    select.execute();
    if (select.fetch()) rows.emplace_back(columns.s, columns.decision_id);
    AttachDecisions(sql, rows);
    return {};
  });
  if (!status) return status.error();
  if (rows.empty()) return Error::NotFound("no such proposal", "id");
  return std::move(rows.front().first);
}

Result<int64_t> DecisionRepository::AddComment(const Comment& comment) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    if (comment.parent_id != 0) {
      int found = 0;
      sql << "SELECT COUNT(*) FROM proposal_comments WHERE id = :i AND proposal_id = :p",
          soci::use(comment.parent_id), soci::use(comment.proposal_id), soci::into(found);
      if (found == 0) return Error::NotFound("no such comment to reply to", "parent");
    }
    soci::indicator parent_null = comment.parent_id != 0 ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO proposal_comments (proposal_id, parent_id, author_person_id, body, "
           "created_at) VALUES (:p, :r, :a, :b, :t) RETURNING id",
        soci::use(comment.proposal_id), soci::use(comment.parent_id, parent_null),
        soci::use(comment.author_person_id), soci::use(comment.body), soci::use(now),
        soci::into(id);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<CommentView>> DecisionRepository::ListComments(int64_t proposal_id) {
  std::vector<CommentView> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    CommentView view;
    Comment& c = view.comment;
    soci::statement select =
        (sql.prepare << "SELECT c.id, c.proposal_id, COALESCE(c.parent_id, 0), "
                        "c.author_person_id, c.body, c.created_at, p.name "
                        "FROM proposal_comments c JOIN persons p ON p.id = c.author_person_id "
                        "WHERE c.proposal_id = :p ORDER BY c.id",
         soci::use(proposal_id), soci::into(c.id), soci::into(c.proposal_id),
         soci::into(c.parent_id), soci::into(c.author_person_id), soci::into(c.body),
         soci::into(c.created_at), soci::into(view.author_name));
    select.execute();
    while (select.fetch()) out.push_back(view);
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<int64_t> DecisionRepository::AddAmendment(const Amendment& amendment) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    sql << "INSERT INTO amendments (proposal_id, author_person_id, body, reason, created_at) "
           "VALUES (:p, :a, :b, :r, :t) RETURNING id",
        soci::use(amendment.proposal_id), soci::use(amendment.author_person_id),
        soci::use(amendment.body), soci::use(amendment.reason), soci::use(now), soci::into(id);
    return {};
  });
  if (!status) return status.error();
  return id;
}

Result<std::vector<AmendmentView>> DecisionRepository::ListAmendments(int64_t proposal_id) {
  std::vector<AmendmentView> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    AmendmentView view;
    Amendment& a = view.amendment;
    std::string state;
    soci::statement select =
        (sql.prepare << "SELECT a.id, a.proposal_id, a.author_person_id, a.body, a.reason, "
                        "a.status, a.created_at, p.name FROM amendments a "
                        "JOIN persons p ON p.id = a.author_person_id "
                        "WHERE a.proposal_id = :p ORDER BY a.id",
         soci::use(proposal_id), soci::into(a.id), soci::into(a.proposal_id),
         soci::into(a.author_person_id), soci::into(a.body), soci::into(a.reason),
         soci::into(state), soci::into(a.created_at), soci::into(view.author_name));
    select.execute();
    while (select.fetch()) {
      Result<decisions::AmendmentStatus> parsed = decisions::ParseAmendmentStatus(state);
      a.status = parsed ? *parsed : decisions::AmendmentStatus::kRejected;
      out.push_back(view);
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Status DecisionRepository::DecideAmendment(int64_t proposal_id, int64_t amendment_id, bool accept) {
  const int64_t now = Now();
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    int decisions = 0;
    sql << "SELECT COUNT(*) FROM decisions WHERE proposal_id = :p", soci::use(proposal_id),
        soci::into(decisions);
    if (decisions != 0) {
      return Error::FailedPrecondition("the proposal is already put to a vote", "amendment");
    }
    std::string body;
    std::string state;
    int64_t community_id = 0;
    soci::indicator found = soci::i_null;
    sql << "SELECT a.body, a.status, p.community_id FROM amendments a "
           "JOIN proposals p ON p.id = a.proposal_id WHERE a.id = :a AND a.proposal_id = :p",
        soci::use(amendment_id), soci::use(proposal_id), soci::into(body, found), soci::into(state),
        soci::into(community_id);
    if (!sql.got_data()) return Error::NotFound("no such amendment", "amendment");
    if (state != "proposed") {
      return Error::FailedPrecondition("this amendment has been decided already", "amendment");
    }
    const std::string next = accept ? "accepted" : "rejected";
    sql << "UPDATE amendments SET status = :s, decided_at = :t WHERE id = :a", soci::use(next),
        soci::use(now), soci::use(amendment_id);
    if (accept) {
      sql << "UPDATE proposals SET body = :b, updated_at = :t WHERE id = :p", soci::use(body),
          soci::use(now), soci::use(proposal_id);
    }
    AppendAudit(
        sql,
        {community_id, actor_, accept ? "amendment.accepted" : "amendment.rejected",
         "proposal " + std::to_string(proposal_id), "amendment " + std::to_string(amendment_id)},
        now);
    return {};
  });
}

Result<int64_t> DecisionRepository::CreateDecision(const Decision& d) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int weighted = d.weighted ? 1 : 0, secret = d.secret ? 1 : 0,
              live = d.live_results ? 1 : 0;
    const int64_t seed = static_cast<int64_t>(d.seed & 0x7fffffffffffffffULL);
    const int64_t num = d.threshold.num, den = d.threshold.den;
    sql << "INSERT INTO decisions (proposal_id, community_id, method, seats, max_score, "
           "quorum_percent, threshold_num, threshold_den, weighted, secret, live_results, seed, "
           "opens_at, closes_at, created_by, created_at) VALUES (:p, :c, :m, :s, :x, :q, :tn, "
           ":td, :w, :sec, :l, :seed, :o, :cl, :by, :t) RETURNING id",
        soci::use(d.proposal_id), soci::use(d.community_id), soci::use(d.method),
        soci::use(d.seats), soci::use(d.max_score), soci::use(d.quorum_percent), soci::use(num),
        soci::use(den), soci::use(weighted), soci::use(secret), soci::use(live), soci::use(seed),
        soci::use(d.opens_at), soci::use(d.closes_at), soci::use(d.created_by), soci::use(now),
        soci::into(id);
    for (const decisions::Option& option : d.options) {
      sql << "INSERT INTO decision_options (decision_id, option_id, name) VALUES (:d, :o, :n)",
          soci::use(id), soci::use(option.id), soci::use(option.name);
    }
    AppendAudit(sql,
                {d.community_id, actor_, "decision.opened", DecisionSubject(id),
                 "method=" + d.method + " secret=" + (d.secret ? "yes" : "no") + " opens_at=" +
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

int64_t ReadEligibleWeight(soci::session& sql, int64_t community_id, bool by_shares) {
  int64_t weight = 0;
  if (by_shares) {
    sql << "SELECT COALESCE(SUM(shares), 0) FROM memberships WHERE community_id = :c AND "
           "status = 'active'",
        soci::use(community_id), soci::into(weight);
  } else {
    sql << "SELECT COUNT(DISTINCT person_id) FROM memberships WHERE community_id = :c AND "
           "status = 'active'",
        soci::use(community_id), soci::into(weight);
  }
  return weight;
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

Result<int64_t> DecisionRepository::EligibleWeight(int64_t community_id, bool by_shares) {
  int64_t weight = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    weight = ReadEligibleWeight(sql, community_id, by_shares);
    return {};
  });
  if (!status) return status.error();
  return weight;
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
    const std::vector<StoredBallot> ballots = ReadBallots(sql, decision_id);
    const int64_t eligible = ReadEligibleWeight(sql, decision->community_id, decision->weighted);
    Result<std::string> result = count(*decision, ballots, eligible);
    if (!result) return result.error();
    sql << "UPDATE decisions SET closed_at = :t, result = :r, eligible_weight = :e "
           "WHERE id = :d",
        soci::use(now), soci::use(*result), soci::use(eligible), soci::use(decision_id);
    const std::string subject = DecisionSubject(decision_id);
    AppendAudit(sql,
                {decision->community_id, actor_, "decision.closed", subject,
                 "ballots=" + std::to_string(ballots.size())},
                now);
    AppendAudit(sql, {decision->community_id, actor_, "decision.result", subject, *result}, now);
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
    for (const auto& [decision, community, proposal] : due) {
      sql << "UPDATE decisions SET reminded = 1 WHERE id = :d", soci::use(decision);
      NotifyMembers(sql, community, "decision.closing", proposal, 0, decision, now);
      ++reminded;
    }
    return {};
  });
  if (!status) return status.error();
  return reminded;
}

Result<std::vector<Notification>> DecisionRepository::ListNotifications(int64_t person_id,
                                                                        int limit) {
  std::vector<Notification> out;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    Notification n;
    int64_t read_at = 0;
    soci::statement select =
        (sql.prepare << "SELECT n.id, n.kind, n.proposal_id, p.title, c.slug, c.name, "
                        "n.created_at, n.read_at FROM notifications n "
                        "JOIN proposals p ON p.id = n.proposal_id "
                        "JOIN communities c ON c.id = n.community_id "
                        "WHERE n.person_id = :p ORDER BY n.id DESC LIMIT :l",
         soci::use(person_id), soci::use(limit), soci::into(n.id), soci::into(n.kind),
         soci::into(n.proposal_id), soci::into(n.proposal_title), soci::into(n.community_slug),
         soci::into(n.community_name), soci::into(n.created_at), soci::into(read_at));
    select.execute();
    while (select.fetch()) {
      n.read = read_at != 0;
      out.push_back(n);
    }
    return {};
  });
  if (!status) return status.error();
  return out;
}

Result<int64_t> DecisionRepository::CountUnread(int64_t person_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM notifications WHERE person_id = :p AND read_at = 0",
        soci::use(person_id), soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Status DecisionRepository::MarkRead(int64_t person_id, int64_t notification_id) {
  const int64_t now = Now();
  return db_.Run([&](soci::session& sql) -> Status {
    if (notification_id == 0) {
      sql << "UPDATE notifications SET read_at = :t WHERE person_id = :p AND read_at = 0",
          soci::use(now), soci::use(person_id);
    } else {
      sql << "UPDATE notifications SET read_at = :t WHERE person_id = :p AND id = :i AND "
             "read_at = 0",
          soci::use(now), soci::use(person_id), soci::use(notification_id);
    }
    return {};
  });
}

}  // namespace andel::store
