// The embedded catalogues (locale/*.po compiled to .mo at build time) as one Catalog.
#include "web/locales.h"

#include <map>
#include <span>
#include <string>

#include "core/embedded.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedLocales();
}

namespace andel::web {

Result<Catalog> LoadCatalog() {
  std::map<std::string, std::string_view> catalogues;
  for (const EmbeddedFile& file : EmbeddedLocales()) {
    if (!file.path.ends_with(".mo")) continue;
    catalogues.emplace(file.path.substr(0, file.path.size() - 3), file.content);
  }
  return Catalog::FromCompiled(catalogues);
}

}  // namespace andel::web
