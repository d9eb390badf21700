// The API's own addresses: its health, for load balancers, and its OpenAPI description.
#include <boost/json.hpp>
#include <span>

#include "core/embedded.h"
#include "store/database.h"
#include "web/api_support.h"
#include "web/handlers.h"
#include "web/responses.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedApiDocs();
}

namespace andel::web {

namespace json = boost::json;

Result<Response> ApiHealth(Context& ctx) {
  // One round trip: while the database is down (or the pool waits out its back-off) this
  // answers at once, so a load balancer's checks never queue behind it.
  if (Status database = ctx.services.db.Ping(); !database) {
    Response response =
        JsonOf(json::object{{"status", "unavailable"}, {"database", "unavailable"}}, 503);
    AddRetryAfter(response);
    return response;
  }
  return JsonOf(json::object{{"status", "ok"}, {"database", "ok"}});
}

Result<Response> ApiOpenApi(Context&) {
  for (const EmbeddedFile& file : EmbeddedApiDocs()) {
    if (file.path == "openapi.yaml") {
      Response response;
      response.content_type = "application/yaml; charset=utf-8";
      response.body = std::string(file.content);
      return response;
    }
  }
  return Error::NotFound("this page does not exist", "path");
}

}  // namespace andel::web
