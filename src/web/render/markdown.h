// Markdown written by members (proposals, comments, amendments) as safe HTML: CommonMark with
// GitHub's tables, strikethrough and autolinks; raw HTML and unsafe link schemes are dropped.
#pragma once

#include <string>
#include <string_view>

namespace andel::web {

std::string RenderMarkdown(std::string_view text);
// The words of the Markdown without its marks, as plain text (for excerpts): "**41** in jobs"
// is "41 in jobs". Escape it like any text before putting it in HTML.
std::string MarkdownPlainText(std::string_view text);

}  // namespace andel::web
