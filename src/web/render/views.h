// HTML views: the Mustache templates under templates/, translated once per language at start-up
// ({{#t}}English text{{/t}} becomes the translation) and parsed once, then rendered per request.
#pragma once

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "web/i18n.h"

namespace andel::web {

using ViewData = kainjow::mustache::data;

ViewData MakeList();
ViewData MakeObject();

class Views {
 public:
  // Loads every embedded template for da, nl and en. kInternal naming a template that fails to
  // parse or keeps an unbalanced {{#t}}.
  Status Load(const Catalog& catalog);

  // Template `name` alone, without the layout.
  std::string Render(std::string_view name, std::string_view language, const ViewData& data) const;
  // Template `name` with `html`, rendered beforehand, as the unescaped value of `key`: it is
  // spliced in rather than walked through the template engine, which copies large text slowly.
  std::string RenderWith(std::string_view name, std::string_view language, ViewData& data,
                         const std::string& key, const std::string& html) const;
  // The layout with a marker where the content goes (see Splice).
  std::string LayoutShell(std::string_view language, ViewData& page) const;
  // The layout `shell` with `content` in place of its marker.
  static std::string Splice(const std::string& shell, const std::string& content);

 private:
  using Template = kainjow::mustache::mustache;
  std::map<std::string, std::unique_ptr<Template>, std::less<>> templates_;  // "en/members"
};

// Replaces each {{#t}}text{{/t}} with the HTML-escaped translation of text. kInvalidArgument if
// a marker is not closed.
Result<std::string> TranslateTemplate(std::string_view source, std::string_view language,
                                      const Catalog& catalog);

}  // namespace andel::web
