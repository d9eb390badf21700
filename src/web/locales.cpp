// Reading the embedded .po files into one catalogue.
#include "web/locales.h"

#include <span>
#include <string>
#include <unordered_map>

#include "core/embedded.h"

namespace andel {
std::span<const EmbeddedFile> EmbeddedLocales();
}

namespace andel::web {

Result<Catalog> LoadCatalog() {
  Catalog catalog;
  for (const EmbeddedFile& file : EmbeddedLocales()) {
    if (!file.path.ends_with(".po")) continue;
    Result<std::unordered_map<std::string, std::string>> entries = ParsePo(file.content);
    if (!entries) return Error::Internal(entries.error().message, std::string(file.path));
    catalog.Add(std::string(file.path.substr(0, file.path.size() - 3)), std::move(*entries));
  }
  return catalog;
}

}  // namespace andel::web
