#include "web/render/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace andel::web {

namespace {

enum class Output { kHtml, kPlainText };

std::string Render(std::string_view text, Output output) {
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  // Without CMARK_OPT_UNSAFE, raw HTML becomes a comment and javascript: links lose their URL.
  const int options = CMARK_OPT_DEFAULT | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE;
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* extension = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, extension);
    }
  }
  cmark_parser_feed(parser, text.data(), text.size());
  cmark_node* document = cmark_parser_finish(parser);
  char* rendered =
      output == Output::kHtml
          ? cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
          : cmark_render_plaintext(document, options, 0);
  std::string out(rendered);
  std::free(rendered);
  cmark_node_free(document);
  cmark_parser_free(parser);
  return out;
}

}  // namespace

std::string RenderMarkdown(std::string_view text) { return Render(text, Output::kHtml); }

std::string MarkdownPlainText(std::string_view text) {
  std::string plain = Render(text, Output::kPlainText);
  while (!plain.empty() && (plain.back() == '\n' || plain.back() == ' ')) plain.pop_back();
  return plain;
}

}  // namespace andel::web
