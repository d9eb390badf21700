// One-time links mailed to an address: the only way an account is created, claimed, confirmed,
// moved to a new address or given a new password, since only the owner of the address can
// follow them. A link is stored by the hash of its token, together with the mail that carries it
// (one transaction), and is used once before it expires.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "core/result.h"

namespace andel::store {

class Database;

enum class LinkPurpose {
  kSignup,       // create an account for an address that has none
  kClaim,        // choose the password of an account an admin, an import or an invitation made
  kVerify,       // confirm the account's own address
  kEmailChange,  // move the account to the address the link was sent to
  kReset,        // choose a new password
  kSignIn,       // finish signing in to an account slowed by wrong passwords
};

std::string_view Name(LinkPurpose purpose);

struct EmailLink {
  LinkPurpose purpose = LinkPurpose::kSignup;
  int64_t person_id = 0;  // 0 for kSignup
  std::string email;      // where the link was sent
  std::string name;       // the name given at sign-up
  std::string language = "en";
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

// A mail to queue with a link (the outbox's columns).
struct LinkMail {
  std::string subject;
  std::string body;
};

class EmailLinkRepository {
 public:
  explicit EmailLinkRepository(Database& db) : db_(db) {}

  // Links sent to `email` at or after `since` (the per-address limit).
  Result<int64_t> CountSentTo(const std::string& email, int64_t since);
  // Stores the link and queues its mail to `link.email`, both or neither.
  Status Issue(const std::string& token_hash, const EmailLink& link, const LinkMail& mail);
  // The link, if it is one of `purposes`, unused and unexpired at `now`; kNotFound otherwise.
  Result<EmailLink> Find(const std::string& token_hash, int64_t now,
                         std::initializer_list<LinkPurpose> purposes);

  // Follows a kSignup or kClaim link: creates the account (kSignup) or gives the waiting one its
  // password (kClaim), with the address proved, and uses up the link. kNotFound if the link is
  // not valid; kAlreadyExists if the address has meanwhile got an account with a password.
  Result<int64_t> CompleteSignup(const std::string& token_hash, const std::string& name,
                                 const std::string& password_hash, int64_t now);
  // Follows a kReset link: the new password, the address proved (the link reached it), every
  // session, API token and other reset link of the account ended. Returns the person.
  Result<int64_t> CompleteReset(const std::string& token_hash, const std::string& password_hash,
                                int64_t now);
  // Follows a kVerify or kEmailChange link: the account's address becomes the link's, proved.
  // kAlreadyExists if another account has taken that address meanwhile.
  Result<int64_t> ConfirmAddress(const std::string& token_hash, int64_t now);
  // Follows a kSignIn link: returns its person, if the address is still theirs.
  Result<int64_t> UseSignInLink(const std::string& token_hash, int64_t now);
  // Revokes the person's unused links of `purpose` (a password change revokes reset links).
  Status Revoke(int64_t person_id, LinkPurpose purpose, int64_t now);

 private:
  Database& db_;
};

}  // namespace andel::store
