// The request context's questions (who is asking, in which community, with which role) and the
// password check shared by every way of signing in.
#include "web/context.h"

#include <charconv>

#include "core/text.h"
#include "web/security.h"

namespace andel::web {

Status Context::EnterCommunity(const communities::Community& entered) {
  community = entered;
  membership.reset();
  if (!person) return {};
  Result<std::optional<communities::Membership>> found =
      Memberships().FindMembershipOf(entered.id, person->id);
  if (!found) return found.error();
  if (*found && (*found)->status == communities::MemberStatus::kActive) membership = **found;
  return {};
}

std::string Context::CsrfToken() {
  if (!session_token.empty()) return web::CsrfToken(services.secret_key, session_token);
  if (visitor_token.empty()) {
    visitor_token = RandomToken();
    set_cookies.push_back(std::string(kVisitorCookie) + "=" + visitor_token +
                          "; Path=/; HttpOnly; SameSite=Lax");
  }
  return web::CsrfToken(services.secret_key, visitor_token);
}

bool CheckPassword(const Services& services, const std::string& password,
                   const std::string* password_hash) {
  if (!password_hash || password_hash->empty()) {
    VerifyPassword(password, services.dummy_password_hash);
    return false;
  }
  return VerifyPassword(password, *password_hash);
}

std::string Context::ClientAddress() const {
  if (!services.config.behind_proxy) return request.remote_address;
  const std::string_view forwarded = request.Header("x-forwarded-for");
  if (forwarded.empty()) return request.remote_address;
  const size_t comma = forwarded.rfind(',');
  return std::string(
      Trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1)));
}

bool Context::IsBoard() const {
  if (person && person->is_admin) return true;
  return membership && communities::RoleAtLeast(membership->role, communities::Role::kBoard);
}

bool Context::IsAdmin() const {
  if (person && person->is_admin) return true;
  return membership && communities::RoleAtLeast(membership->role, communities::Role::kAdmin);
}

int64_t Context::ParamId(const std::string& name) const {
  auto it = params.find(name);
  if (it == params.end()) return 0;
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), id);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || id <= 0) return 0;
  return id;
}

std::string Context::Number(const Form& form, std::string_view name) const {
  if (request.path.starts_with("/api/")) return form.Get(name);
  return ReadNumber(language, form.Get(name));
}

}  // namespace andel::web
