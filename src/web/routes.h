// The route table: every address the server answers, with its method, the role it needs and
// its body limit. One table, so that access rules can be read (and tested) in one place.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "web/context.h"
#include "web/server/http.h"

namespace andel::web {

// Every access but kPublic and kAccount also needs, for a request that changes something, an
// account whose address is confirmed: until then a person may read, not join, vote, propose or
// create.
enum class Access {
  kPublic,       // anyone
  kAccount,      // any signed-in person, about their own account (address confirmed or not)
  kSignedIn,     // any signed-in person
  kServerAdmin,  // a server administrator (persons.is_admin)
  kVisible,      // anyone who may see the community: public ones, or members of private ones
  kMember,       // an active member of the community
  kBoard,        // its board or admins
  kAdmin,        // its admins
};

enum class Surface { kPage, kApi };

using Handler = Result<Response> (*)(Context&);

struct Route {
  Method method;
  std::string pattern;  // "/c/{slug}/members/{id}"
  Access access;
  Surface surface;
  Handler handler;
  size_t body_limit = 0;  // 0: the server's default
  // For a form's POST whose page is not found by FormPagePath (web_app.h): the pattern of the
  // page the form lives on, "/c/{slug}/proposals/{id}".
  std::string form_page = {};
};

// Body limits of routes that take files: uploads (member lists, Pabulib files) and measurement CSVs
// (a million measurements is about 60 MB).
inline constexpr size_t kUploadLimit = 8 * 1024 * 1024;
inline constexpr size_t kMeasurementsLimit = 128 * 1024 * 1024;

// Each capability's routes, in web/<capability>/routes.cpp. A new capability adds its list here and
// in RouteTable().
std::vector<Route> AccountRoutes();
std::vector<Route> CommunityRoutes();
std::vector<Route> DecisionRoutes();
std::vector<Route> FundRoutes();
std::vector<Route> PartnershipRoutes();
std::vector<Route> ImpactRoutes();
std::vector<Route> IncubatorRoutes();

// Every route: the site's own and every capability's. A request takes the route whose pattern
// matches with the most literal segments, so the order of the lists does not matter.
const std::vector<Route>& RouteTable();

// Whether the caller's role in the community entered (or on the server) meets `access`: the
// person and their membership only, no database access. CheckAccess (web_app.cpp) applies it to
// every request; pages use Allows to draw a link, tab or form only for a role that may follow it.
bool RoleAllows(const Context& ctx, Access access);
// Whether the route `pattern` answering `method` ("/c/{slug}/admin/import") lets the caller in.
// False for a pattern the table does not hold.
bool Allows(const Context& ctx, Method method, std::string_view pattern);

}  // namespace andel::web
