// The route table: every address the server answers, with its method, the role it needs and
// its body limit. One table, so that access rules can be read (and tested) in one place.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/result.h"
#include "web/context.h"
#include "web/http.h"

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
};

const std::vector<Route>& RouteTable();

}  // namespace andel::web
