// SQL for the mail outbox. Every statement here is portable between SQLite and PostgreSQL.
#include "store/mail/outbox_repository.h"

#include <soci/soci.h>

#include "store/database.h"

namespace andel::store {

Status OutboxRepository::QueueMail(const std::string& recipient, const std::string& subject,
                                    const std::string& body, int64_t now) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (:r, :s, :b, :t)",
        soci::use(recipient), soci::use(subject), soci::use(body), soci::use(now);
    return {};
  });
}

Result<std::vector<OutboxMail>> OutboxRepository::ListOutbox(int limit) {
  std::vector<OutboxMail> mails;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    OutboxMail mail;
    soci::statement select =
        (sql.prepare << "SELECT id, recipient, subject, body, created_at, sent_at, attempts "
                        "FROM outbox ORDER BY id DESC LIMIT :n",
         soci::use(limit), soci::into(mail.id), soci::into(mail.recipient),
         soci::into(mail.subject), soci::into(mail.body), soci::into(mail.created_at),
         soci::into(mail.sent_at), soci::into(mail.attempts));
    select.execute();
    while (select.fetch()) mails.push_back(mail);
    return {};
  });
  if (!status) return status.error();
  return mails;
}

Result<std::vector<OutboxMail>> OutboxRepository::ListUnsentMail(int limit, int max_attempts) {
  std::vector<OutboxMail> mails;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    OutboxMail mail;
    soci::statement select =
        (sql.prepare << "SELECT id, recipient, subject, body, created_at, attempts FROM outbox "
                        "WHERE sent_at = 0 AND attempts < :m ORDER BY id LIMIT :n",
         soci::use(max_attempts), soci::use(limit), soci::into(mail.id), soci::into(mail.recipient),
         soci::into(mail.subject), soci::into(mail.body), soci::into(mail.created_at),
         soci::into(mail.attempts));
    select.execute();
    while (select.fetch()) mails.push_back(mail);
    return {};
  });
  if (!status) return status.error();
  return mails;
}

Result<std::optional<OutboxMail>> OutboxRepository::ClaimNextMail(int64_t after_id,
                                                                   const MailClaim& claim) {
  std::optional<OutboxMail> claimed;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    int64_t candidate = 0, after = after_id;
    soci::statement waiting =
        (sql.prepare << "SELECT id FROM outbox WHERE id > :a AND sent_at = 0 AND attempts < :m "
                        "AND claimed_until <= :n ORDER BY id LIMIT 16",
         soci::use(after), soci::use(claim.max_attempts), soci::use(claim.now),
         soci::into(candidate));
    soci::statement take =
        (sql.prepare << "UPDATE outbox SET claim = :c, claimed_until = :u WHERE id = :id AND "
                        "sent_at = 0 AND attempts < :m AND claimed_until <= :n",
         soci::use(claim.token), soci::use(claim.until), soci::use(candidate),
         soci::use(claim.max_attempts), soci::use(claim.now));
    for (;;) {
      std::vector<int64_t> candidates;
      waiting.execute();
      while (waiting.fetch()) candidates.push_back(candidate);
      if (candidates.empty()) return {};
      for (int64_t id : candidates) {
        // Another relay may have taken it since the list was read: its update changed the row,
        // and this one then changes none.
        candidate = id;
        take.execute(true);
        if (take.get_affected_rows() != 1) continue;
        OutboxMail mail;
        sql << "SELECT id, recipient, subject, body, created_at, sent_at, attempts FROM outbox "
               "WHERE id = :id",
            soci::use(id), soci::into(mail.id), soci::into(mail.recipient),
            soci::into(mail.subject), soci::into(mail.body), soci::into(mail.created_at),
            soci::into(mail.sent_at), soci::into(mail.attempts);
        claimed = std::move(mail);
        return {};
      }
      after = candidates.back();
    }
  });
  if (!status) return status.error();
  return claimed;
}

Status OutboxRepository::MarkMailSent(int64_t mail_id, int64_t now) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "UPDATE outbox SET sent_at = :t, attempts = attempts + 1, last_error = '', "
           "claimed_until = 0 WHERE id = :id AND sent_at = 0",
        soci::use(now), soci::use(mail_id);
    return {};
  });
}

Status OutboxRepository::RecordMailFailure(int64_t mail_id, const std::string& token,
                                            const std::string& error) {
  return db_.Run([&](soci::session& sql) -> Status {
    sql << "UPDATE outbox SET attempts = attempts + 1, last_error = :e, claimed_until = 0 "
           "WHERE id = :id AND claim = :c AND sent_at = 0",
        soci::use(error), soci::use(mail_id), soci::use(token);
    return {};
  });
}

}  // namespace andel::store
