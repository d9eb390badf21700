// The translations the program carries: locale/*.po, compiled and embedded at build time.
#pragma once

#include "core/result.h"
#include "web/i18n.h"

namespace andel::web {

// The catalogue of every language the program carries. kInternal naming the file if one is
// broken.
Result<Catalog> LoadCatalog();

}  // namespace andel::web
