// What a handler works with: the request, the services of the running server, the caller (if
// signed in), the community and membership the route is about, and the chosen language.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "communities/community.h"
#include "store/accounts/account_repository.h"
#include "store/accounts/email_link_repository.h"
#include "store/accounts/second_factor_repository.h"
#include "store/communities/community_repository.h"
#include "store/communities/invitation_repository.h"
#include "store/communities/membership_repository.h"
#include "store/decisions/ballot_writer.h"
#include "store/decisions/decision_repository.h"
#include "store/funds/fund_repository.h"
#include "store/impact/impact_link_repository.h"
#include "store/impact/impact_repository.h"
#include "store/impact/participant_outcome_repository.h"
#include "store/impact/programme_repository.h"
#include "store/impact/sroi_repository.h"
#include "store/impact/value_case_repository.h"
#include "store/incubator/initiative_repository.h"
#include "store/mail/outbox_repository.h"
#include "store/partnerships/circle_repository.h"
#include "store/partnerships/partnership_repository.h"
#include "store/settings_repository.h"
#include "web/forms.h"
#include "web/i18n.h"
#include "web/rate_limiter.h"
#include "web/render/render_cache.h"
#include "web/render/views.h"
#include "web/server/compute_pool.h"
#include "web/server/http.h"

namespace andel::web {

struct WebConfig {
  std::string public_url = "http://127.0.0.1:8080";  // for links in mails
  size_t max_body_bytes = 1024 * 1024;
  size_t max_upload_bytes = 8 * 1024 * 1024;
  int64_t session_seconds = 14 * 24 * 3600;
  // Behind a reverse proxy every request comes from the proxy: then the client's address is the
  // last one the proxy added to X-Forwarded-For (used for sign-in rate limits).
  bool behind_proxy = false;
  // Writes each mailed link into the log as well (a server without an SMTP relay).
  bool log_mailed_links = false;
  // The compute pool for heavy work (fund results, imports): its threads and waiting tasks.
  size_t compute_threads = 1;
  size_t compute_queue = 64;
};

// Long-lived parts of the server, shared by all requests.
struct Services {
  store::Database& db;
  // Every repository works on `db`; a test or a tool builds Services naming only db, config and
  // the clock (see WebApp's constructor).
  store::AccountRepository accounts{db};
  store::EmailLinkRepository links{db};
  store::SecondFactorRepository second_factors{db};
  store::OutboxRepository outbox{db};
  store::SettingsRepository settings{db};
  store::CommunityRepository communities{db};
  store::MembershipRepository memberships{db};
  store::InvitationRepository invitations{db};
  store::DecisionRepository decisions{db};
  store::PartnershipRepository partnerships{db};
  store::CircleRepository circles{db};
  store::FundRepository funds{db};
  store::ImpactRepository impact{db};
  store::ValueCaseRepository value_cases{db};
  store::SroiRepository sroi{db};
  store::ParticipantOutcomeRepository outcomes{db};
  store::ImpactLinkRepository impact_links{db};
  store::ProgrammeRepository programmes{db};
  store::InitiativeRepository initiatives{db};
  WebConfig config = {};
  Catalog catalog = {};
  Views views = {};
  std::string secret_key = {};  // for CSRF tokens; kept in the database's settings
  // Failed passwords, per client address and per account (growing delays; see accounts/sign_in.h).
  RateLimiter limit_by_address{20, 3600};
  RateLimiter limit_by_account{5, 3600};
  // Requests that mail a link (sign-up, password reset), per client address.
  RateLimiter limit_mail_by_address{20, 3600};
  std::function<int64_t()> now = {};  // Unix seconds
  std::string static_version = "1";   // appended to asset URLs so caches refresh on upgrade
  RenderCache cache{4096, 64 * 1024 * 1024};
  // Checked when no account has the email, so that a wrong address takes as long as a wrong
  // password and sign-in does not reveal who has an account.
  std::string dummy_password_hash = {};
  // The clock second of the last sweep of decisions due to close (see SweepDecisions).
  std::atomic<int64_t> last_sweep{-1};
  // Casts ballots with group commit (one thread; see store/decisions/ballot_writer.h).
  std::unique_ptr<store::BallotWriter> ballot_writer = {};
  // Heavy computations, apart from the threads that answer requests (see compute_pool.h). Last,
  // so that it stops (and its tasks end) before the rest of the services go.
  std::unique_ptr<ComputePool> compute = {};
};

// True if `password` is the account's; for no account (or one without a password), the same
// work against the dummy hash, and false.
bool CheckPassword(const Services& services, const std::string& password,
                   const std::string* password_hash);

// The cookie that ties a visitor who is not signed in to the anti-forgery tokens of their forms.
inline constexpr const char* kVisitorCookie = "andel_visitor";

struct Context {
  Request& request;
  Services& services;
  std::map<std::string, std::string> params = {};  // from the route pattern: slug, id
  Form query = {};
  Form form = {};  // parsed body of a form post
  std::vector<UploadedFile> files = {};
  std::optional<communities::Person> person = {};
  bool via_api_token = false;
  std::optional<communities::Community> community = {};
  std::optional<communities::Membership> membership = {};  // the caller's, in `community`
  std::string language = "en";
  std::string session_token = {};  // the raw cookie value, if signed in by cookie
  std::string visitor_token = {};  // the raw anti-forgery cookie of a visitor not signed in
  std::vector<std::string> set_cookies = {};
  // The page the posted form lives on, where the route names one (Route::form_page).
  std::string form_page = {};
  // An editing form that starts from the current values: the page filled in for the form posting
  // to `action` (render/form_state.h). A form shown again after its POST uses the post instead.
  struct Prefill {
    std::string action;
    Form values;
  };
  std::optional<Prefill> prefill = {};

  // The translation of English text `english` into the request's language.
  std::string T(std::string_view english) const {
    return services.catalog.Translate(language, english);
  }
  // A counted phrase in the request's language: N("{n} ballot", "{n} ballots", 3).
  std::string N(std::string_view singular, std::string_view plural, int64_t n) const {
    return services.catalog.Plural(language, singular, plural, n);
  }
  // The token every form on this page must carry (creates the visitor cookie if needed).
  std::string CsrfToken();
  int64_t Now() const { return services.now(); }
  // The client's address: the connection's, or the proxy's report of it (WebConfig).
  std::string ClientAddress() const;
  // Sets `community` and the caller's active membership of it (if any).
  Status EnterCommunity(const communities::Community& community);
  bool IsBoard() const;
  bool IsAdmin() const;
  int64_t ParamId(const std::string& name) const;  // 0 if not a positive integer
  // A number field of `form` as plain decimal text: on a page as the page's language writes
  // numbers ("50.000,50" in Danish, ReadNumber); an API body is plain already.
  std::string Number(const Form& form, std::string_view name) const;
  // The community repository acting for the caller: changes go into the audit log as theirs.
  store::CommunityRepository Communities() const {
    return services.communities.ActingAs(person ? person->id : 0, Now());
  }
  // The membership and invitation repositories acting for the caller.
  store::MembershipRepository Memberships() const {
    return services.memberships.ActingAs(person ? person->id : 0, Now());
  }
  store::InvitationRepository Invitations() const {
    return services.invitations.ActingAs(person ? person->id : 0, Now());
  }
  // The decision repository acting for the caller.
  store::DecisionRepository Decisions() const {
    return services.decisions.ActingAs(person ? person->id : 0, Now());
  }
};

}  // namespace andel::web
