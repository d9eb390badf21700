// The audit log: every governance action (statutes, roles, memberships, categories,
// invitations; decisions later) is appended in the same transaction as the change it records,
// to one hash chain for the whole server. Entries are never updated or deleted.
#pragma once

#include <cstdint>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace soci {
class session;
}

namespace andel::store {

class Database;

struct AuditEntry {
  int64_t community_id = 0;
  int64_t actor_person_id = 0;  // 0: the system (import, demo, command line)
  std::string action;           // "statutes.changed", "member.changed", …
  std::string subject;          // what it is about: "member 12", a category code
  std::string details;          // the new values, "role=board status=active"
};

struct AuditRecord {
  int64_t seq = 0;
  int64_t at = 0;
  AuditEntry entry;
  std::string actor_name;  // filled by ListForCommunity
  std::string previous_hash;
  std::string hash;
};

// The hex BLAKE2b-256 of an entry's fields and the previous hash.
std::string AuditHash(int64_t seq, int64_t at, const AuditEntry& entry,
                      const std::string& previous_hash);

// Appends inside the caller's transaction (see Database::RunInTransaction).
void AppendAudit(soci::session& sql, const AuditEntry& entry, int64_t now);

// Appends many entries in one transaction with one prepared statement, reading the chain's end
// only once (the ballot writer's batches). Position() and Rewind() let a caller that rolls back
// to a savepoint take its entries back.
class AuditAppender {
 public:
  explicit AuditAppender(soci::session& sql);
  ~AuditAppender();
  void Append(const AuditEntry& entry, int64_t now);
  std::pair<int64_t, std::string> Position() const { return {seq_, hash_}; }
  void Rewind(const std::pair<int64_t, std::string>& position);

 private:
  struct Statement;
  std::unique_ptr<Statement> insert_;
  int64_t seq_ = 0;
  std::string hash_;
};

struct AuditCheck {
  int64_t entries = 0;
  std::optional<int64_t> first_broken_seq;  // where the chain first fails, if it does
};

// A repository whose changes go into the audit log: ActingAs gives a copy that records
// `person_id` as the actor of every change, at `now` (0 reads the clock). Without it, changes are
// recorded as the system's (an import, the demo, the command line).
template <typename Repository>
class ActingRepository {
 public:
  Repository ActingAs(int64_t person_id, int64_t now) const {
    Repository acting = static_cast<const Repository&>(*this);
    static_cast<ActingRepository&>(acting).actor_ = person_id;
    static_cast<ActingRepository&>(acting).now_ = now;
    return acting;
  }

 protected:
  // Appends to the audit log within the caller's transaction, as the acting person.
  void Audit(soci::session& sql, int64_t community_id, const char* action, std::string subject,
             std::string details) const {
    AppendAudit(sql, {community_id, actor_, action, std::move(subject), std::move(details)},
                now_ != 0 ? now_ : static_cast<int64_t>(std::time(nullptr)));
  }

  int64_t actor_ = 0;
  int64_t now_ = 0;
};

class AuditLog {
 public:
  explicit AuditLog(Database& db) : db_(db) {}

  // A community's entries, newest first.
  Result<std::vector<AuditRecord>> ListForCommunity(int64_t community_id, int offset, int limit);
  Result<int64_t> CountForCommunity(int64_t community_id);
  // Recomputes every hash in order and checks each link.
  Result<AuditCheck> Verify();

 private:
  Database& db_;
};

}  // namespace andel::store
