// Template loading and rendering.
#include "web/render/views.h"

#include <span>

#include "core/embedded.h"
#include "web/forms.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedTemplates();
}

namespace andel::web {

ViewData MakeList() { return ViewData(ViewData::type::list); }
ViewData MakeObject() { return ViewData(ViewData::type::object); }

Result<std::string> TranslateTemplate(std::string_view source, std::string_view language,
                                      const Catalog& catalog) {
  static constexpr std::string_view kOpen = "{{#t}}";
  static constexpr std::string_view kClose = "{{/t}}";
  std::string out;
  size_t position = 0;
  while (true) {
    const size_t open = source.find(kOpen, position);
    if (open == std::string_view::npos) {
      out.append(source.substr(position));
      return out;
    }
    const size_t close = source.find(kClose, open);
    if (close == std::string_view::npos) {
      return Error::InvalidArgument("a {{#t}} marker is not closed");
    }
    out.append(source.substr(position, open - position));
    const std::string english(source.substr(open + kOpen.size(), close - open - kOpen.size()));
    out.append(HtmlEscape(catalog.Translate(language, english)));
    position = close + kClose.size();
  }
}

Status Views::Load(const Catalog& catalog) {
  for (const EmbeddedFile& file : EmbeddedTemplates()) {
    std::string name(file.path);
    if (!name.ends_with(".html")) continue;
    name.resize(name.size() - 5);
    for (const char* language : {"en", "da", "nl"}) {
      Result<std::string> source = TranslateTemplate(file.content, language, catalog);
      if (!source) return Error::Internal(source.error().message, name);
      auto tmpl = std::make_unique<Template>(*source);
      if (!tmpl->is_valid()) return Error::Internal(tmpl->error_message(), name);
      templates_[std::string(language) + "/" + name] = std::move(tmpl);
    }
  }
  return {};
}

std::string Views::Render(std::string_view name, std::string_view language,
                          const ViewData& data) const {
  auto found = templates_.find(std::string(language) + "/" + std::string(name));
  if (found == templates_.end()) return {};
  return found->second->render(data);
}

namespace {
// Where the content goes in a rendered layout; content is spliced in rather than walked through
// the template engine, since it is often most of the page.
constexpr std::string_view kContentMarker = "\x01andel-content\x01";
}  // namespace

std::string Views::RenderWith(std::string_view name, std::string_view language, ViewData& data,
                              const std::string& key, const std::string& html) const {
  data.set(key, std::string(kContentMarker));
  return Splice(Render(name, language, data), html);
}

std::string Views::LayoutShell(std::string_view language, ViewData& page) const {
  auto layout = templates_.find(std::string(language) + "/layout");
  if (layout == templates_.end()) return std::string(kContentMarker);
  page.set("content", std::string(kContentMarker));
  return layout->second->render(page);
}

std::string Views::Splice(const std::string& shell, const std::string& content) {
  const size_t at = shell.find(kContentMarker);
  if (at == std::string::npos) return shell;
  std::string html;
  html.reserve(shell.size() + content.size());
  html.append(shell, 0, at);
  html.append(content);
  html.append(shell, at + kContentMarker.size());
  return html;
}

}  // namespace andel::web
