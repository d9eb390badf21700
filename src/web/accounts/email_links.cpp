// Mailing one-time links and notices.
#include "web/accounts/email_links.h"

#include <spdlog/spdlog.h>

#include "core/log_text.h"
#include "web/security.h"

namespace andel::web {
namespace {

std::string Paragraphs(const Catalog& catalog, const std::string& language,
                       std::initializer_list<const char*> paragraphs) {
  std::string text;
  for (const char* paragraph : paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += catalog.Translate(language, paragraph);
  }
  return text;
}

int64_t Lifetime(store::LinkPurpose purpose) {
  switch (purpose) {
    case store::LinkPurpose::kReset:
      return kResetLinkSeconds;
    case store::LinkPurpose::kSignIn:
      return kSignInLinkSeconds;
    default:
      return kSignupLinkSeconds;
  }
}

}  // namespace

std::string LinkPath(store::LinkPurpose purpose) {
  switch (purpose) {
    case store::LinkPurpose::kSignup:
    case store::LinkPurpose::kClaim:
      return "/signup/";
    case store::LinkPurpose::kVerify:
    case store::LinkPurpose::kEmailChange:
      return "/verify/";
    case store::LinkPurpose::kReset:
      return "/reset/";
    case store::LinkPurpose::kSignIn:
      return "/signin/";
  }
  return "/";
}

Status MailLink(Context& ctx, store::EmailLink link, const std::string& subject,
                std::initializer_list<const char*> before, std::initializer_list<const char*> after,
                const std::string& query) {
  const std::string token = RandomToken();
  link.created_at = ctx.Now();
  link.expires_at = link.created_at + Lifetime(link.purpose);
  const std::string url = ctx.services.config.public_url + LinkPath(link.purpose) + token + query;
  const Catalog& catalog = ctx.services.catalog;
  std::string body = Paragraphs(catalog, link.language, before) + "\n\n" + url;
  if (after.size() > 0) body += "\n\n" + Paragraphs(catalog, link.language, after);
  store::LinkMail mail{catalog.Translate(link.language, subject), std::move(body)};
  if (Status status = ctx.services.links.Issue(HashToken(token), link, mail); !status) {
    return status;
  }
  if (ctx.services.config.log_mailed_links) {
    spdlog::info("outbox: {} link for {}: {}", store::Name(link.purpose), LogText(link.email), url);
  } else {
    spdlog::info("outbox: {} link for {}", store::Name(link.purpose), LogText(link.email));
  }
  return {};
}

Status QueueNotice(store::OutboxRepository& outbox, const Catalog& catalog,
                   const std::string& email, const std::string& language,
                   const std::string& subject, std::initializer_list<const char*> paragraphs,
                   int64_t now) {
  return outbox.QueueMail(email, catalog.Translate(language, subject),
                            Paragraphs(catalog, language, paragraphs), now);
}

Status MailNotice(Context& ctx, const std::string& email, const std::string& language,
                  const std::string& subject, std::initializer_list<const char*> paragraphs) {
  return QueueNotice(ctx.services.outbox, ctx.services.catalog, email, language, subject,
                     paragraphs, ctx.Now());
}

Result<bool> MayMailLinkTo(Context& ctx, const std::string& email) {
  Result<int64_t> sent = ctx.services.links.CountSentTo(email, ctx.Now() - 3600);
  if (!sent) return sent.error();
  return *sent < kLinksPerAddressPerHour;
}

}  // namespace andel::web
