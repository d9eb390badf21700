// Casting ballots with group commit: requests from many connections wait in a queue, and one
// writer thread applies whatever has gathered in a single transaction, so that one durable
// commit acknowledges hundreds of ballots. Cast() returns only after the commit.
//
// The rules hold in the database, whichever server writes: one row per voter and decision
// (decision_voters' primary key), no ballot after the close (the decision row is locked while a
// ballot is written, and Close takes the same lock), and a secret ballot is written without
// its voter, in the same transaction as the voter's row.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"

namespace andel::store {

class Database;

struct CastRequest {
  int64_t decision_id = 0;
  int64_t community_id = 0;
  int64_t person_id = 0;  // votes with the weight the decision's voter roll gives them
  bool secret = false;
  std::string content;          // the ballot, as decisions::FormatBallot writes it
  std::string receipt;          // a fresh receipt, used if this is the voter's first ballot
  std::string change_key_hash;  // the hash of a fresh key, stored with a first ballot
  // A secret ballot's change: the hash of the key its voter was given. Empty for a first ballot.
  std::string present_key_hash;
  int64_t now = 0;
};

struct CastResult {
  bool changed = false;  // an earlier ballot was replaced
  std::string receipt;   // the ballot's receipt (the first one's, when changed)
};

struct BallotWriterStats {
  int64_t ballots = 0;
  int64_t commits = 0;
};

class BallotWriter {
 public:
  explicit BallotWriter(Database& db, size_t max_batch = 1024);
  ~BallotWriter();  // finishes what is queued
  BallotWriter(const BallotWriter&) = delete;
  BallotWriter& operator=(const BallotWriter&) = delete;

  // Blocks until the ballot is durable or refused: kFailedPrecondition if the vote is not open
  // or a secret ballot is cast again without its key; kInvalidArgument for a key that matches
  // no ballot; kUnavailable if the database failed. A ballot is acknowledged only after its
  // batch committed. When the connection is lost during the commit, the outcome is unknown and
  // the answer is kUnavailable; the batch is never applied again, and a voter who casts again
  // finds their ballot replaced (open) or kFailedPrecondition (secret), never a second one.
  Result<CastResult> Cast(CastRequest request);

  BallotWriterStats Stats();

 private:
  struct Pending;
  void Run();
  void Commit(std::deque<Pending*>& batch);

  Database& db_;
  size_t max_batch_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending*> queue_;
  bool stopping_ = false;
  BallotWriterStats stats_;
  std::thread thread_;
};

}  // namespace andel::store
