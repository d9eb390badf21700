// A message for the page a form redirects to (Post/Redirect/Get). A form that succeeds answers
// 303 to a page that can be reloaded and bookmarked; what only that answer may show (a secret
// ballot's key, new recovery codes) travels with the browser in a sealed cookie for that page,
// never stored on the server.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "web/context.h"

namespace andel::web {

using FlashValues = std::map<std::string, std::string>;

// How long the browser keeps a flash: long enough to reload the page a few times.
inline constexpr int kFlashSeconds = 600;

// What a flash is sealed with and checked against when it comes back.
struct FlashEnvelope {
  std::string path;    // the one page that shows it
  int64_t person = 0;  // the signed-in person it is for (0: nobody signed in)
  int64_t until = 0;   // Unix seconds
  FlashValues values;
};

// The cookie value: XChaCha20-Poly1305 (libsodium's secretbox) under a key derived from the
// server's secret, URL-safe base64.
std::string SealFlash(std::string_view server_secret, const FlashEnvelope& envelope);
// The values, if `cookie` was sealed under `server_secret` for this page and person and has not
// expired; nothing for any other bytes.
std::optional<FlashValues> OpenFlash(std::string_view server_secret, std::string_view cookie,
                                     std::string_view path, int64_t person, int64_t now);

// Sets the cookie, sent only to `page_path`, for the signed-in person.
void SetFlash(Context& ctx, const std::string& page_path, const FlashValues& values);
// The flash of the page being shown, if this browser holds one for this person.
std::optional<FlashValues> ReadFlash(const Context& ctx);

}  // namespace andel::web
