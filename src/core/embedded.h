// Files compiled into the program (migrations, templates, styles, translations), so that one
// binary is all an operator installs. The build generates the tables; see cmake/embed.cmake.
#pragma once

#include <span>
#include <string_view>

namespace andel {

struct EmbeddedFile {
  std::string_view path;     // relative to its folder, e.g. "0001_accounts.sql"
  std::string_view content;  // the bytes
};

}  // namespace andel
