// Text folded for search, so that what a person types finds what was written: Unicode case
// folding, accents and other combining marks removed, and letters without a decomposition
// written as people type them without them (æ→ae, ø→o, ß→ss, ł→l …), by ICU's transforms.
// "cafe" finds "Café", "cooperatie" "coöperatie", "arhus" and "aarhus" both find "Århus",
// "koebenhavn" and "kobenhavn" "København".
#pragma once

#include <string>
#include <string_view>

namespace andel::search {

// The text to store and match against: its folding, and, where it differs, the folding with the
// long forms (å→aa, ø→oe, æ→ae, ä→ae, ö→oe, ü→ue) on a second line. Text that is not valid UTF-8
// is folded as far as it is readable.
std::string SearchKey(std::string_view text);

// What a person typed, folded to be found in a SearchKey: the short forms only (å→a, ø→o), so
// "arhus" and "århus" find the first line and "aarhus" the second.
std::string SearchQuery(std::string_view text);

}  // namespace andel::search
