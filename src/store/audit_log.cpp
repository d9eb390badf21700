// Appending to and checking the hash chain.
#include "store/audit_log.h"

#include <soci/soci.h>
#include <sodium.h>

#include <tuple>

#include "core/text.h"
#include "store/database.h"

namespace andel::store {
namespace {

const std::string kGenesis(64, '0');

}  // namespace

std::string AuditHash(int64_t seq, int64_t at, const AuditEntry& entry,
                      const std::string& previous_hash) {
  // Lengths before each text field keep the encoding unambiguous.
  std::string canonical = std::to_string(seq) + "|" + std::to_string(at) + "|" +
                          std::to_string(entry.community_id) + "|" +
                          std::to_string(entry.actor_person_id) + "|";
  for (const std::string* field : {&entry.action, &entry.subject, &entry.details, &previous_hash}) {
    canonical += std::to_string(field->size()) + ":" + *field + "|";
  }
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest,
                     reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(),
                     nullptr, 0);
  return ToHex(std::string_view(reinterpret_cast<const char*>(digest), sizeof digest));
}

namespace {

// The chain's last entry (under PostgreSQL's append lock), or the genesis.
std::pair<int64_t, std::string> ChainEnd(soci::session& sql) {
  if (sql.get_backend_name() == "postgresql") {
    sql << "SELECT pg_advisory_xact_lock(2026112202)";
  }
  int64_t last_seq = 0;
  std::string last_hash;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last_seq),
      soci::into(last_hash);
  if (!sql.got_data()) return {0, kGenesis};
  return {last_seq, last_hash};
}

}  // namespace

struct AuditAppender::Statement {
  int64_t seq = 0, at = 0, community_id = 0, actor = 0;
  std::string action, subject, details, previous, hash;
  soci::statement insert;
  explicit Statement(soci::session& sql)
      : insert((sql.prepare << "INSERT INTO audit_log (seq, at, community_id, actor_person_id, "
                               "action, subject, details, previous_hash, hash) VALUES (:s, :t, "
                               ":c, :a, :ac, :su, :d, :p, :h)",
                soci::use(seq), soci::use(at), soci::use(community_id), soci::use(actor),
                soci::use(action), soci::use(subject), soci::use(details), soci::use(previous),
                soci::use(hash))) {}
};

AuditAppender::AuditAppender(soci::session& sql) : insert_(std::make_unique<Statement>(sql)) {
  std::tie(seq_, hash_) = ChainEnd(sql);
}

AuditAppender::~AuditAppender() = default;

void AuditAppender::Append(const AuditEntry& entry, int64_t now) {
  Statement& s = *insert_;
  s.seq = seq_ + 1;
  s.at = now;
  s.community_id = entry.community_id;
  s.actor = entry.actor_person_id;
  s.action = entry.action;
  s.subject = entry.subject;
  s.details = entry.details;
  s.previous = hash_;
  s.hash = AuditHash(s.seq, now, entry, hash_);
  s.insert.execute(true);
  seq_ = s.seq;
  hash_ = s.hash;
}

void AuditAppender::Rewind(const std::pair<int64_t, std::string>& position) {
  std::tie(seq_, hash_) = position;
}

void AppendAudit(soci::session& sql, const AuditEntry& entry, int64_t now) {
  // On PostgreSQL appends take turns under a transaction-scoped lock (SQLite's write
  // transactions already do), so each reads the true last entry.
  if (sql.get_backend_name() == "postgresql") {
    sql << "SELECT pg_advisory_xact_lock(2026112202)";
  }
  int64_t last_seq = 0;
  std::string last_hash;
  sql << "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", soci::into(last_seq),
      soci::into(last_hash);
  if (!sql.got_data()) {
    last_seq = 0;
    last_hash = kGenesis;
  }
  const int64_t seq = last_seq + 1;
  const std::string hash = AuditHash(seq, now, entry, last_hash);
  sql << "INSERT INTO audit_log (seq, at, community_id, actor_person_id, action, subject, "
         "details, previous_hash, hash) VALUES (:s, :t, :c, :a, :ac, :su, :d, :p, :h)",
      soci::use(seq), soci::use(now), soci::use(entry.community_id),
      soci::use(entry.actor_person_id), soci::use(entry.action), soci::use(entry.subject),
      soci::use(entry.details), soci::use(last_hash), soci::use(hash);
}

Result<std::vector<AuditRecord>> AuditLog::ListForCommunity(int64_t community_id, int offset,
                                                            int limit) {
  std::vector<AuditRecord> records;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    AuditRecord record;
    soci::statement select =
        (sql.prepare << "SELECT l.seq, l.at, l.community_id, l.actor_person_id, l.action, "
                        "l.subject, l.details, l.previous_hash, l.hash, COALESCE(p.name, '') "
                        "FROM audit_log l LEFT JOIN persons p ON p.id = l.actor_person_id "
                        "WHERE l.community_id = :c ORDER BY l.seq DESC LIMIT :lim OFFSET :off",
         soci::use(community_id), soci::use(limit), soci::use(offset), soci::into(record.seq),
         soci::into(record.at), soci::into(record.entry.community_id),
         soci::into(record.entry.actor_person_id), soci::into(record.entry.action),
         soci::into(record.entry.subject), soci::into(record.entry.details),
         soci::into(record.previous_hash), soci::into(record.hash), soci::into(record.actor_name));
    select.execute();
    while (select.fetch()) records.push_back(record);
    return {};
  });
  if (!status) return status.error();
  return records;
}

Result<int64_t> AuditLog::CountForCommunity(int64_t community_id) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM audit_log WHERE community_id = :c", soci::use(community_id),
        soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Result<AuditCheck> AuditLog::Verify() {
  AuditCheck check;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    AuditRecord record;
    soci::statement select =
        (sql.prepare << "SELECT seq, at, community_id, actor_person_id, action, subject, "
                        "details, previous_hash, hash FROM audit_log ORDER BY seq",
         soci::into(record.seq), soci::into(record.at), soci::into(record.entry.community_id),
         soci::into(record.entry.actor_person_id), soci::into(record.entry.action),
         soci::into(record.entry.subject), soci::into(record.entry.details),
         soci::into(record.previous_hash), soci::into(record.hash));
    select.execute();
    std::string expected_previous = kGenesis;
    int64_t expected_seq = 1;
    while (select.fetch()) {
      ++check.entries;
      if (check.first_broken_seq) continue;
      const bool linked = record.seq == expected_seq && record.previous_hash == expected_previous;
      const bool intact =
          record.hash == AuditHash(record.seq, record.at, record.entry, record.previous_hash);
      if (!linked || !intact) check.first_broken_seq = record.seq;
      expected_previous = record.hash;
      expected_seq = record.seq + 1;
    }
    return {};
  });
  if (!status) return status.error();
  return check;
}

}  // namespace andel::store
