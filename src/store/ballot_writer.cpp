// The group-commit writer of ballots.
#include "store/ballot_writer.h"

#include <soci/soci.h>
#include <sodium.h>

#include <future>
#include <optional>

#include "store/audit_log.h"
#include "store/database.h"

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

Error Translate(const std::exception& error) {
  const std::string_view text = error.what();
  if (text.find("UNIQUE constraint") != std::string_view::npos ||
      text.find("duplicate key") != std::string_view::npos) {
    return Error::AlreadyExists("this ballot was cast already", "ballot");
  }
  return Error::Unavailable("the database is not available");
}

Result<CastResult> Apply(soci::session& sql, bool postgres, const CastRequest& r) {
  int64_t opens_at = 0, closes_at = 0, closed_at = 0;
  sql << std::string("SELECT opens_at, closes_at, closed_at FROM decisions WHERE id = :d") +
             (postgres ? " FOR UPDATE" : ""),
      soci::use(r.decision_id), soci::into(opens_at), soci::into(closes_at), soci::into(closed_at);
  if (!sql.got_data()) return Error::NotFound("no such decision", "id");
  if (closed_at != 0 || r.now >= closes_at) {
    return Error::FailedPrecondition("the vote has closed", "decision");
  }
  if (r.now < opens_at) return Error::FailedPrecondition("the vote has not opened yet", "decision");
  int voted = 0;
  sql << "SELECT COUNT(*) FROM decision_voters WHERE decision_id = :d AND person_id = :p",
      soci::use(r.decision_id), soci::use(r.person_id), soci::into(voted);
  const std::string subject = "decision " + std::to_string(r.decision_id);
  CastResult result;
  if (voted == 0) {
    sql << "INSERT INTO decision_voters (decision_id, person_id, weight, voted_at) "
           "VALUES (:d, :p, :w, :t)",
        soci::use(r.decision_id), soci::use(r.person_id), soci::use(r.weight), soci::use(r.now);
    const int64_t key = RandomKey();
    soci::indicator person_null = r.secret ? soci::i_null : soci::i_ok;
    sql << "INSERT INTO ballots (id, decision_id, receipt, change_key_hash, person_id, weight, "
           "content) VALUES (:i, :d, :r, :h, :p, :w, :c)",
        soci::use(key), soci::use(r.decision_id), soci::use(r.receipt),
        soci::use(r.change_key_hash), soci::use(r.person_id, person_null), soci::use(r.weight),
        soci::use(r.content);
    AppendAudit(sql, {r.community_id, r.person_id, "vote.cast", subject, ""}, r.now);
    result.receipt = r.receipt;
    return result;
  }
  result.changed = true;
  if (!r.secret) {
    sql << "UPDATE ballots SET content = :c, weight = :w WHERE decision_id = :d AND "
           "person_id = :p",
        soci::use(r.content), soci::use(r.weight), soci::use(r.decision_id), soci::use(r.person_id);
    sql << "SELECT receipt FROM ballots WHERE decision_id = :d AND person_id = :p",
        soci::use(r.decision_id), soci::use(r.person_id), soci::into(result.receipt);
  } else {
    if (r.present_key_hash.empty()) {
      return Error::FailedPrecondition("you have voted; to change a secret ballot, give its key",
                                       "key");
    }
    sql << "SELECT receipt FROM ballots WHERE decision_id = :d AND change_key_hash = :h",
        soci::use(r.decision_id), soci::use(r.present_key_hash), soci::into(result.receipt);
    if (!sql.got_data()) {
      return Error::InvalidArgument("this key does not belong to a ballot of this vote", "key");
    }
    sql << "UPDATE ballots SET content = :c WHERE decision_id = :d AND change_key_hash = :h",
        soci::use(r.content), soci::use(r.decision_id), soci::use(r.present_key_hash);
  }
  sql << "UPDATE decision_voters SET voted_at = :t WHERE decision_id = :d AND person_id = :p",
      soci::use(r.now), soci::use(r.decision_id), soci::use(r.person_id);
  AppendAudit(sql, {r.community_id, r.person_id, "vote.changed", subject, ""}, r.now);
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
    for (Pending* pending : batch) {
      // A savepoint per ballot: one refused ballot leaves the others of the batch in place.
      sql << "SAVEPOINT ballot";
      try {
        pending->outcome = Apply(sql, postgres, pending->request);
      } catch (const std::exception& error) {
        pending->outcome = Translate(error);
      }
      if (*pending->outcome) {
        sql << "RELEASE SAVEPOINT ballot";
      } else {
        sql << "ROLLBACK TO SAVEPOINT ballot";
        sql << "RELEASE SAVEPOINT ballot";
      }
    }
    return {};
  });
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
