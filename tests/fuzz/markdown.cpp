// Feeds any bytes to the Markdown renderer for members' text (web::RenderMarkdown, cmark-gfm).
// Checks: the HTML has no script, iframe or style element, no event attribute in a tag, and no
// javascript:, vbscript: or file: link, nor a data: one but for PNG, GIF, JPEG or WebP images
// (raw HTML and unsafe schemes are dropped, as cmark's safe mode defines them).
#include "web/render/markdown.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/text.h"
#include "fuzz_support.h"

using andel::fuzz::Check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 20000) return 0;  // cmark is linear, but nested lists and tables cost more per byte
  const std::string html =
      andel::ToLowerAscii(andel::web::RenderMarkdown(andel::fuzz::Text(data, size)));
  for (const char* tag : {"<script", "<iframe", "<style", "<object", "<embed"}) {
    Check(html.find(tag) == std::string::npos, "no active element in rendered Markdown");
  }
  for (const char* link : {"href=\"javascript:", "src=\"javascript:", "href=\"vbscript:",
                           "src=\"vbscript:", "href=\"file:", "src=\"file:"}) {
    Check(html.find(link) == std::string::npos, "no unsafe link in rendered Markdown");
  }
  // data: only for the raster images cmark lets through (no SVG, no HTML).
  for (const char* attribute : {"href=\"data:", "src=\"data:"}) {
    for (size_t at = html.find(attribute); at != std::string::npos;
         at = html.find(attribute, at + 1)) {
      const std::string_view type = std::string_view(html).substr(at + std::strlen(attribute));
      Check(type.starts_with("image/png") || type.starts_with("image/gif") ||
                type.starts_with("image/jpeg") || type.starts_with("image/webp"),
            "no data: link but a raster image in rendered Markdown");
    }
  }
  // An attribute such as onerror= can only come from a raw tag (text has its '<' escaped):
  // outside quoted values, no name inside a tag starts with "on".
  bool in_tag = false;
  char quote = 0;
  for (size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (!in_tag) {
      in_tag = c == '<';
    } else if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      in_tag = false;
    } else if (c == ' ' && html.compare(i + 1, 2, "on") == 0) {
      Check(false, "no event attribute in a tag");
    }
  }
  return 0;
}
