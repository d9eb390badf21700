// The static assets (style sheet, scripts, icons), embedded at build time and served with a day's
// cache.
#include <span>

#include "core/embedded.h"
#include "web/handlers.h"
#include "web/responses.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedStatic();
}

namespace andel::web {

Result<Response> ServeStatic(Context& ctx) {
  const std::string& file = ctx.params["file"];
  for (const EmbeddedFile& asset : EmbeddedStatic()) {
    if (asset.path != file) continue;
    Response response;
    response.body = std::string(asset.content);
    if (file.ends_with(".css"))
      response.content_type = "text/css; charset=utf-8";
    else if (file.ends_with(".js"))
      response.content_type = "text/javascript; charset=utf-8";
    else if (file.ends_with(".svg"))
      response.content_type = "image/svg+xml";
    else if (file.ends_with(".png"))
      response.content_type = "image/png";
    else
      response.content_type = "application/octet-stream";
    response.AddHeader("Cache-Control", "public, max-age=86400");
    return response;
  }
  return Error::NotFound("this page does not exist", "path");
}

Result<Response> ServeFavicon(Context& ctx) {
  ctx.params["file"] = "icon.svg";
  return ServeStatic(ctx);
}

}  // namespace andel::web
