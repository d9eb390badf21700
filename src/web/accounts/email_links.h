// Mailing one-time links (sign-up, claiming an account, confirming an address, a new password)
// and plain notices to an account's owner, in the recipient's language.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>

#include "core/result.h"
#include "store/accounts/email_link_repository.h"
#include "web/context.h"

namespace andel::web {

// How long each kind of link works.
inline constexpr int64_t kSignupLinkSeconds = 24 * 3600;
inline constexpr int64_t kResetLinkSeconds = 3600;
inline constexpr int64_t kSignInLinkSeconds = 15 * 60;

// Links mailed to one address in an hour, at most; further requests answer the same, and send
// nothing (so nobody can fill someone's mailbox through us).
inline constexpr int kLinksPerAddressPerHour = 5;

// The site path a link of `purpose` opens ("/signup/", "/verify/", "/reset/", "/signin/").
std::string LinkPath(store::LinkPurpose purpose);

// Stores `link` (its created_at and expires_at are set here) and queues a mail to `link.email`
// in `link.language`: the paragraphs before the link, the link (plus `query`, e.g. an
// invitation), and those after it. English text, translated.
Status MailLink(Context& ctx, store::EmailLink link, const std::string& subject,
                std::initializer_list<const char*> before, std::initializer_list<const char*> after,
                const std::string& query = {});

// Queues a mail without a link, translated into `language` (for the command line, which has no
// request).
Status QueueNotice(store::OutboxRepository& outbox, const Catalog& catalog,
                   const std::string& email, const std::string& language,
                   const std::string& subject, std::initializer_list<const char*> paragraphs,
                   int64_t now);

// Queues a mail without a link, translated into `language`.
Status MailNotice(Context& ctx, const std::string& email, const std::string& language,
                  const std::string& subject, std::initializer_list<const char*> paragraphs);

// True if fewer than kLinksPerAddressPerHour links went to `email` in the last hour.
Result<bool> MayMailLinkTo(Context& ctx, const std::string& email);

}  // namespace andel::web
