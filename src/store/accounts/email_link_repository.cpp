// SQL for links mailed to an address. Portable between SQLite and PostgreSQL.
#include "store/accounts/email_link_repository.h"

#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <initializer_list>
#include <optional>
#include <utility>

#include "store/database.h"
#include "store/search_key.h"

namespace andel::store {
namespace {

constexpr std::array<std::pair<LinkPurpose, std::string_view>, 6> kPurposes = {{
    {LinkPurpose::kSignup, "signup"},
    {LinkPurpose::kClaim, "claim"},
    {LinkPurpose::kVerify, "verify"},
    {LinkPurpose::kEmailChange, "email_change"},
    {LinkPurpose::kReset, "reset"},
    {LinkPurpose::kSignIn, "sign_in"},
}};

std::optional<LinkPurpose> ParsePurpose(std::string_view name) {
  for (const auto& [purpose, text] : kPurposes) {
    if (text == name) return purpose;
  }
  return std::nullopt;
}

Error InvalidLink() { return Error::NotFound("this link is not valid, was used, or has expired"); }

// The link, if it is one of `allowed`, unused and unexpired at `now`.
Result<EmailLink> ReadLink(soci::session& sql, const std::string& token_hash, int64_t now,
                           std::initializer_list<LinkPurpose> allowed) {
  EmailLink link;
  std::string purpose;
  soci::indicator person_indicator = soci::i_ok;
  sql << "SELECT purpose, person_id, email, name, language, created_at, expires_at "
         "FROM email_links WHERE token_hash = :h AND used_at = 0 AND expires_at > :t",
      soci::use(token_hash), soci::use(now), soci::into(purpose),
      soci::into(link.person_id, person_indicator), soci::into(link.email), soci::into(link.name),
      soci::into(link.language), soci::into(link.created_at), soci::into(link.expires_at);
  if (!sql.got_data()) return InvalidLink();
  if (person_indicator == soci::i_null) link.person_id = 0;
  const std::optional<LinkPurpose> parsed = ParsePurpose(purpose);
  if (!parsed || std::find(allowed.begin(), allowed.end(), *parsed) == allowed.end()) {
    return InvalidLink();
  }
  link.purpose = *parsed;
  return link;
}

// ReadLink within the caller's transaction, then marks the link used.
Result<EmailLink> UseLink(soci::session& sql, const std::string& token_hash, int64_t now,
                          std::initializer_list<LinkPurpose> allowed) {
  Result<EmailLink> link = ReadLink(sql, token_hash, now, allowed);
  if (!link) return link.error();
  soci::statement use =
      (sql.prepare << "UPDATE email_links SET used_at = :t WHERE token_hash = :h AND used_at = 0",
       soci::use(now), soci::use(token_hash));
  use.execute(true);
  if (use.get_affected_rows() != 1) return InvalidLink();
  return link;
}

}  // namespace

std::string_view Name(LinkPurpose purpose) {
  for (const auto& [value, text] : kPurposes) {
    if (value == purpose) return text;
  }
  return "signup";
}

Result<int64_t> EmailLinkRepository::CountSentTo(const std::string& email, int64_t since) {
  int64_t count = 0;
  Status status = db_.Run([&](soci::session& sql) -> Status {
    sql << "SELECT COUNT(*) FROM email_links WHERE email = :e AND created_at >= :s",
        soci::use(email), soci::use(since), soci::into(count);
    return {};
  });
  if (!status) return status.error();
  return count;
}

Status EmailLinkRepository::Issue(const std::string& token_hash, const EmailLink& link,
                                  const LinkMail& mail) {
  return db_.RunInTransaction([&](soci::session& sql) -> Status {
    const std::string purpose(Name(link.purpose));
    soci::indicator person_indicator = link.person_id ? soci::i_ok : soci::i_null;
    sql << "INSERT INTO email_links (token_hash, purpose, person_id, email, name, language, "
           "created_at, expires_at) VALUES (:h, :p, :person, :e, :n, :l, :c, :x)",
        soci::use(token_hash), soci::use(purpose), soci::use(link.person_id, person_indicator),
        soci::use(link.email), soci::use(link.name), soci::use(link.language),
        soci::use(link.created_at), soci::use(link.expires_at);
    sql << "INSERT INTO outbox (recipient, subject, body, created_at) VALUES (:r, :s, :b, :t)",
        soci::use(link.email), soci::use(mail.subject), soci::use(mail.body),
        soci::use(link.created_at);
    return {};
  });
}

Result<EmailLink> EmailLinkRepository::Find(const std::string& token_hash, int64_t now,
                                            std::initializer_list<LinkPurpose> purposes) {
  Result<EmailLink> link = InvalidLink();
  Status status = db_.Run([&](soci::session& sql) -> Status {
    link = ReadLink(sql, token_hash, now, purposes);
    return {};
  });
  if (!status) return status.error();
  return link;
}

Result<int64_t> EmailLinkRepository::CompleteSignup(const std::string& token_hash,
                                                    const std::string& name,
                                                    const std::string& password_hash, int64_t now) {
  int64_t person_id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<EmailLink> link =
        UseLink(sql, token_hash, now, {LinkPurpose::kSignup, LinkPurpose::kClaim});
    if (!link) return link.error();
    // Whatever the link's purpose, the address decides: an account made since a sign-up link
    // was sent (by an import, say) is claimed; one with a password is never taken over.
    std::string existing_hash;
    soci::indicator found = soci::i_null;
    sql << "SELECT id, password_hash FROM persons WHERE email = :e", soci::use(link->email),
        soci::into(person_id, found), soci::into(existing_hash);
    if (sql.got_data()) {
      if (!existing_hash.empty()) {
        return Error::AlreadyExists(
            "this address already has an account: sign in, or ask for a new password", "email");
      }
      sql << "UPDATE persons SET name = :n, password_hash = :p, language = :l, "
             "email_verified_at = :t WHERE id = :id",
          soci::use(name), soci::use(password_hash), soci::use(link->language), soci::use(now),
          soci::use(person_id);
    } else {
      sql << "INSERT INTO persons (email, name, password_hash, language, is_admin, "
             "email_verified_at, created_at) VALUES (:e, :n, :p, :l, 0, :v, :t) RETURNING id",
          soci::use(link->email), soci::use(name), soci::use(password_hash),
          soci::use(link->language), soci::use(now), soci::use(now), soci::into(person_id);
    }
    RefreshSearchKeys(sql, person_id);
    return {};
  });
  if (!status) return status.error();
  return person_id;
}

Result<int64_t> EmailLinkRepository::CompleteReset(const std::string& token_hash,
                                                   const std::string& password_hash, int64_t now) {
  int64_t person_id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<EmailLink> link = UseLink(sql, token_hash, now, {LinkPurpose::kReset});
    if (!link) return link.error();
    person_id = link->person_id;
    // The link reached the account's address only if the address is still the account's.
    std::string email;
    sql << "SELECT email FROM persons WHERE id = :id", soci::use(person_id), soci::into(email);
    if (!sql.got_data() || email != link->email) return InvalidLink();
    sql << "UPDATE persons SET password_hash = :p, "
           "email_verified_at = CASE WHEN email_verified_at = 0 THEN :t ELSE email_verified_at "
           "END WHERE id = :id",
        soci::use(password_hash), soci::use(now), soci::use(person_id);
    sql << "DELETE FROM sessions WHERE person_id = :p", soci::use(person_id);
    sql << "DELETE FROM api_tokens WHERE person_id = :p", soci::use(person_id);
    sql << "UPDATE email_links SET used_at = :t WHERE person_id = :p AND used_at = 0",
        soci::use(now), soci::use(person_id);
    return {};
  });
  if (!status) return status.error();
  return person_id;
}

Result<int64_t> EmailLinkRepository::ConfirmAddress(const std::string& token_hash, int64_t now) {
  int64_t person_id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<EmailLink> link =
        UseLink(sql, token_hash, now, {LinkPurpose::kVerify, LinkPurpose::kEmailChange});
    if (!link) return link.error();
    person_id = link->person_id;
    if (link->purpose == LinkPurpose::kVerify) {
      std::string email;
      sql << "SELECT email FROM persons WHERE id = :id", soci::use(person_id), soci::into(email);
      if (!sql.got_data() || email != link->email) return InvalidLink();
    }
    sql << "UPDATE persons SET email = :e, email_verified_at = :t WHERE id = :id",
        soci::use(link->email), soci::use(now), soci::use(person_id);
    // Links sent to the old address for this account no longer prove anything.
    sql << "UPDATE email_links SET used_at = :t WHERE person_id = :p AND used_at = 0 "
           "AND email <> :e",
        soci::use(now), soci::use(person_id), soci::use(link->email);
    RefreshSearchKeys(sql, person_id);
    return {};
  });
  if (!status) {
    if (status.error().code == ErrorCode::kAlreadyExists) {
      return Error::AlreadyExists("another account has this address now", "email");
    }
    return status.error();
  }
  return person_id;
}

Result<int64_t> EmailLinkRepository::UseSignInLink(const std::string& token_hash, int64_t now) {
  int64_t person_id = 0;
  Status status = db_.RunInTransaction([&](soci::session& sql) -> Status {
    Result<EmailLink> link = UseLink(sql, token_hash, now, {LinkPurpose::kSignIn});
    if (!link) return link.error();
    std::string email;
    sql << "SELECT email FROM persons WHERE id = :id", soci::use(link->person_id),
        soci::into(email);
    if (!sql.got_data() || email != link->email) return InvalidLink();
    person_id = link->person_id;
    return {};
  });
  if (!status) return status.error();
  return person_id;
}

Status EmailLinkRepository::Revoke(int64_t person_id, LinkPurpose purpose, int64_t now) {
  return db_.Run([&](soci::session& sql) -> Status {
    const std::string name(Name(purpose));
    sql << "UPDATE email_links SET used_at = :t WHERE person_id = :p AND purpose = :u "
           "AND used_at = 0",
        soci::use(now), soci::use(person_id), soci::use(name);
    return {};
  });
}

}  // namespace andel::store
