// The group-commit writer of ballots.
#include "store/decisions/ballot_writer.h"

#include <soci/soci.h>
#include <sodium.h>

#include <future>
#include <map>
#include <optional>

#include "store/audit_log.h"
#include "store/database.h"
#include "store/decisions/decision_rows.h"

namespace andel::store {

struct BallotWriter::Pending {
  CastRequest request;
  std::promise<Result<CastResult>> done;
  std::optional<Result<CastResult>> outcome;
};

namespace {

// A random positive 63-bit key: a secret ballot's row says nothing about when it was cast.
int64_t RandomKey() {
  uint64_t value = 0;
  randombytes_buf(&value, sizeof value);
  return static_cast<int64_t>((value >> 1) | 1);
}

// The statements of one batch, prepared once and run for each ballot.
struct BatchStatements {
  int64_t decision_id = 0, person_id = 0, weight = 1, now = 0, key = 0, voted = 0;
  int64_t roll_weight = 0;
  std::string content, receipt, change_key_hash, found_receipt;
  soci::indicator person_null = soci::i_ok;
  soci::statement on_roll, count_voted, insert_voter, insert_ballot, update_open, receipt_open,
      receipt_secret, update_secret, update_voter;

  explicit BatchStatements(soci::session& sql)
      : on_roll((sql.prepare << "SELECT weight FROM decision_roll WHERE decision_id = :d AND "
                                "person_id = :p",
                 soci::use(decision_id), soci::use(person_id), soci::into(roll_weight))),
        count_voted((sql.prepare << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d "
                                    "AND person_id = :p",
                     soci::use(decision_id), soci::use(person_id), soci::into(voted))),
        insert_voter((sql.prepare << "INSERT INTO decision_voters (decision_id, person_id, weight, "
                                     "voted_at) VALUES (:d, :p, :w, :t)",
                      soci::use(decision_id), soci::use(person_id), soci::use(weight),
                      soci::use(now))),
        insert_ballot((sql.prepare << "INSERT INTO ballots (id, decision_id, receipt, "
                                      "change_key_hash, person_id, weight, content) VALUES (:i, "
                                      ":d, :r, :h, :p, :w, :c)",
                       soci::use(key), soci::use(decision_id), soci::use(receipt),
                       soci::use(change_key_hash), soci::use(person_id, person_null),
                       soci::use(weight), soci::use(content))),
        update_open((sql.prepare << "UPDATE ballots SET content = :c, weight = :w WHERE "
                                    "decision_id = :d AND person_id = :p",
                     soci::use(content), soci::use(weight), soci::use(decision_id),
                     soci::use(person_id))),
        receipt_open((sql.prepare << "SELECT receipt FROM ballots WHERE decision_id = :d AND "
                                     "person_id = :p",
                      soci::use(decision_id), soci::use(person_id), soci::into(found_receipt))),
        receipt_secret((sql.prepare << "SELECT receipt FROM ballots WHERE decision_id = :d AND "
                                       "change_key_hash = :h",
                        soci::use(decision_id), soci::use(change_key_hash),
                        soci::into(found_receipt))),
        update_secret((sql.prepare << "UPDATE ballots SET content = :c WHERE decision_id = :d AND "
                                      "change_key_hash = :h",
                       soci::use(content), soci::use(decision_id), soci::use(change_key_hash))),
        update_voter((sql.prepare << "UPDATE decision_voters SET voted_at = :t WHERE "
                                     "decision_id = :d AND person_id = :p",
                      soci::use(now), soci::use(decision_id), soci::use(person_id))) {}
};

struct DecisionState {
  int64_t opens_at = 0, closes_at = 0, closed_at = 0;
  bool found = false;
};

// Reads (and on PostgreSQL locks, so that Close waits for this batch) each decision once.
// Fixes the decision's voter roll if it has opened by `now` and has none yet.
const DecisionState& StateOf(soci::session& sql, bool postgres,
                             std::map<int64_t, DecisionState>& states, int64_t decision_id,
                             int64_t now) {
  auto [it, fresh] = states.try_emplace(decision_id);
  if (fresh) {
    DecisionState& state = it->second;
    sql << std::string("SELECT opens_at, closes_at, closed_at FROM decisions WHERE id = :d") +
               (postgres ? " FOR UPDATE" : ""),
        soci::use(decision_id), soci::into(state.opens_at), soci::into(state.closes_at),
        soci::into(state.closed_at);
    state.found = sql.got_data();
    if (state.found) decision_rows::FixRollIfDue(sql, decision_id, now);
  }
  return it->second;
}

Result<CastResult> Apply(BatchStatements& s, AuditAppender& audit, const DecisionState& state,
                         const CastRequest& r) {
  if (!state.found) return Error::NotFound("no such decision", "id");
  if (state.closed_at != 0 || r.now >= state.closes_at) {
    return Error::FailedPrecondition("the vote has closed", "decision");
  }
  if (r.now < state.opens_at) {
    return Error::FailedPrecondition("the vote has not opened yet", "decision");
  }
  s.decision_id = r.decision_id;
  s.person_id = r.person_id;
  s.now = r.now;
  // Only the roll fixed at the opening votes, with the weight it had then.
  if (!s.on_roll.execute(true)) {
    return Error::PermissionDenied(
        "you were not on the voter roll when this vote opened, so you may follow it but not vote",
        "decision");
  }
  s.weight = s.roll_weight;
  s.content = r.content;
  s.count_voted.execute(true);
  const std::string subject = "decision " + std::to_string(r.decision_id);
  CastResult result;
  if (s.voted == 0) {
    s.insert_voter.execute(true);
    s.key = RandomKey();
    s.receipt = r.receipt;
    s.change_key_hash = r.change_key_hash;
    s.person_null = r.secret ? soci::i_null : soci::i_ok;
    s.insert_ballot.execute(true);
    // A secret vote leaves no entry with a time: its voters are published when it closes.
    if (!r.secret) audit.Append({r.community_id, r.person_id, "vote.cast", subject, ""}, r.now);
    result.receipt = r.receipt;
    return result;
  }
  result.changed = true;
  if (!r.secret) {
    s.update_open.execute(true);
    s.receipt_open.execute(true);
    result.receipt = s.found_receipt;
  } else {
    if (r.present_key_hash.empty()) {
      return Error::FailedPrecondition("you have voted; to change a secret ballot, give its key",
                                       "key");
    }
    s.change_key_hash = r.present_key_hash;
    if (!s.receipt_secret.execute(true)) {
      return Error::InvalidArgument("this key does not belong to a ballot of this vote", "key");
    }
    result.receipt = s.found_receipt;
    s.update_secret.execute(true);
  }
  s.update_voter.execute(true);
  if (!r.secret) audit.Append({r.community_id, r.person_id, "vote.changed", subject, ""}, r.now);
  return result;
}

}  // namespace

BallotWriter::BallotWriter(Database& db, size_t max_batch)
    : db_(db), max_batch_(max_batch), thread_([this] { Run(); }) {}

BallotWriter::~BallotWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

Result<CastResult> BallotWriter::Cast(CastRequest request) {
  Pending pending;
  pending.request = std::move(request);
  std::future<Result<CastResult>> done = pending.done.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error::Unavailable("the server is stopping");
    queue_.push_back(&pending);
  }
  wake_.notify_one();
  return done.get();
}

BallotWriterStats BallotWriter::Stats() {
  std::lock_guard lock(mutex_);
  return stats_;
}

void BallotWriter::Run() {
  for (;;) {
    std::deque<Pending*> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    Commit(batch);
  }
}

void BallotWriter::Commit(std::deque<Pending*>& batch) {
  const bool postgres = db_.dialect() == Dialect::kPostgresql;
  Status committed = db_.RunInTransaction([&](soci::session& sql) -> Status {
    BatchStatements statements(sql);
    AuditAppender audit(sql);
    std::map<int64_t, DecisionState> states;
    for (Pending* pending : batch) {
      // A savepoint per ballot: one refused ballot leaves the others of the batch in place.
      const DecisionState& state =
          StateOf(sql, postgres, states, pending->request.decision_id, pending->request.now);
      const auto position = audit.Position();
      sql << "SAVEPOINT ballot";
      try {
        pending->outcome = Apply(statements, audit, state, pending->request);
      } catch (const std::exception& error) {
        pending->outcome = TranslateDatabaseError(error);
      }
      if (*pending->outcome) {
        sql << "RELEASE SAVEPOINT ballot";
      } else {
        sql << "ROLLBACK TO SAVEPOINT ballot";
        sql << "RELEASE SAVEPOINT ballot";
        audit.Rewind(position);
      }
    }
    return {};
  });
  // A failed commit (or one whose answer was lost with the connection) acknowledges nothing;
  // the batch is not retried, since it may have committed: each voter decides whether to cast
  // again, and a second cast replaces the first rather than adding a ballot.
  int64_t accepted = 0;
  for (Pending* pending : batch) {
    if (!committed) {
      pending->done.set_value(committed.error());
    } else {
      if (*pending->outcome) ++accepted;
      pending->done.set_value(std::move(*pending->outcome));
    }
  }
  std::lock_guard lock(mutex_);
  stats_.ballots += accepted;
  ++stats_.commits;
}

}  // namespace andel::store
