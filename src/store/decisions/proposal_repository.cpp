// SQL for proposals, their comments and amendments (DecisionRepository's first half; the
// decisions themselves are in decisions/decision_repository.cpp), and members' notifications.
#include <soci/soci.h>

#include <ctime>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/decisions/decision_repository.h"
#include "store/decisions/decision_rows.h"
#include "store/search_key.h"

namespace andel::store {

using namespace decision_rows;  // NOLINT: this file's own helpers

Result<int64_t> DecisionRepository::CreateProposal(const Proposal& proposal) {
  int64_t id = 0;
  const int64_t now = Now();
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string key = ProposalSearchKey(proposal.title, proposal.body);
    sql << "INSERT INTO proposals (community_id, author_person_id, title, body, created_at, "
           "updated_at, search_key) VALUES (:c, :a, :t, :b, :n, :n2, :k) RETURNING id",
        soci::use(proposal.community_id), soci::use(proposal.author_person_id),
        soci::use(proposal.title), soci::use(proposal.body), soci::use(now), soci::use(now),
        soci::use(key), soci::into(id);
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
    "p.updated_at, p.discussion_closed_at, a.name, "
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
    statement.exchange(soci::into(p.discussion_closed_at));
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

namespace {

// The WHERE clause of a filtered list and the values it binds by name (kept here, alive until the
// statement has run).
struct FilterClause {
  std::string sql;
  int64_t community_id = 0;
  std::string pattern;
  int64_t author = 0;
  std::string method;
  int64_t now = 0;
  int64_t soon = 0;

  FilterClause(int64_t community, const ProposalFilter& filter)
      : community_id(community),
        author(filter.author_person_id),
        method(filter.method),
        now(filter.now),
        soon(filter.now + 3 * 24 * 3600) {
    sql = "WHERE p.community_id = :c";
    if (!filter.search.empty()) {
      pattern = ContainsPattern(filter.search);
      sql += " AND p.search_key LIKE :q ESCAPE '\\'";
    }
    if (author != 0) sql += " AND p.author_person_id = :a";
    if (!method.empty()) {
      sql +=
          " AND EXISTS (SELECT 1 FROM decisions d WHERE d.proposal_id = p.id AND "
          "d.method = :m)";
    }
    const std::string& state = filter.state;
    const char* has = " AND EXISTS (SELECT 1 FROM decisions d WHERE d.proposal_id = p.id AND ";
    if (state == "discussion") {
      sql += " AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.proposal_id = p.id)";
    } else if (state == "upcoming") {
      sql += std::string(has) + "d.opens_at > :n)";
    } else if (state == "open") {
      sql += std::string(has) + "d.opens_at <= :n AND d.closes_at > :n2 AND d.closed_at = 0)";
    } else if (state == "closing") {
      sql += std::string(has) +
             "d.opens_at <= :n AND d.closes_at > :n2 AND d.closes_at <= :s AND d.closed_at = 0)";
    } else if (state == "closed") {
      sql += std::string(has) + "(d.closed_at > 0 OR d.closes_at <= :n))";
    }
    state_ = state;
  }

  void Bind(soci::statement& statement) {
    statement.exchange(soci::use(community_id, "c"));
    if (!pattern.empty()) statement.exchange(soci::use(pattern, "q"));
    if (author != 0) statement.exchange(soci::use(author, "a"));
    if (!method.empty()) statement.exchange(soci::use(method, "m"));
    if (state_ == "upcoming" || state_ == "open" || state_ == "closing" || state_ == "closed") {
      statement.exchange(soci::use(now, "n"));
    }
    if (state_ == "open" || state_ == "closing") statement.exchange(soci::use(now, "n2"));
    if (state_ == "closing") statement.exchange(soci::use(soon, "s"));
  }

 private:
  std::string state_;
};

}  // namespace

Result<std::vector<ProposalSummary>> DecisionRepository::ListProposals(
    int64_t community_id, int offset, int limit, const ProposalFilter& filter) {
  std::vector<std::pair<ProposalSummary, int64_t>> rows;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    FilterClause where(community_id, filter);
    ProposalColumns columns;
    soci::statement select(sql);
    select.alloc();
    select.prepare(std::string(kProposalSelect) + where.sql +
                   " ORDER BY p.id DESC LIMIT :l OFFSET :o");
    where.Bind(select);
    select.exchange(soci::use(limit, "l"));
    select.exchange(soci::use(offset, "o"));
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

Result<int64_t> DecisionRepository::CountProposals(int64_t community_id,
                                                   const ProposalFilter& filter) {
  long long count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    FilterClause where(community_id, filter);
    soci::statement select(sql);
    select.alloc();
    select.prepare("SELECT COUNT(*) FROM proposals p " + where.sql);
    where.Bind(select);
    select.exchange(soci::into(count));
    select.define_and_bind();
    select.execute(true);
    return {};
  });
  if (!status) return status.error();
  return static_cast<int64_t>(count);
}

Status DecisionRepository::SetDiscussionClosed(int64_t community_id, int64_t proposal_id,
                                               bool closed) {
  const int64_t now = Now();
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const int64_t at = closed ? now : 0;
    soci::statement update =
        (sql.prepare << "UPDATE proposals SET discussion_closed_at = :t WHERE id = :p AND "
                        "community_id = :c",
         soci::use(at), soci::use(proposal_id), soci::use(community_id));
    update.execute(true);
    if (update.get_affected_rows() != 1) return Error::NotFound("no such proposal", "id");
    AppendAudit(sql,
                {community_id, actor_, closed ? "discussion.closed" : "discussion.reopened",
                 "proposal " + std::to_string(proposal_id), ""},
                now);
    return {};
  });
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
    // Checked in the transaction that adds it: a comment never lands after the close.
    long long closed_at = 0;
    sql << "SELECT discussion_closed_at FROM proposals WHERE id = :p",
        soci::use(comment.proposal_id), soci::into(closed_at);
    if (closed_at != 0) return Error::FailedPrecondition("the discussion is closed", "body");
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
      std::string title;
      sql << "SELECT title FROM proposals WHERE id = :p", soci::use(proposal_id), soci::into(title);
      const std::string key = ProposalSearchKey(title, body);
      sql << "UPDATE proposals SET body = :b, updated_at = :t, search_key = :k WHERE id = :p",
          soci::use(body), soci::use(now), soci::use(key), soci::use(proposal_id);
    }
    AppendAudit(
        sql,
        {community_id, actor_, accept ? "amendment.accepted" : "amendment.rejected",
         "proposal " + std::to_string(proposal_id), "amendment " + std::to_string(amendment_id)},
        now);
    return {};
  });
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
