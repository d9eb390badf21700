// Folding on ICU transliterators; each thread keeps its own instances (ICU's transliterators
// are not to be shared between threads while in use).
#include "search/search_fold.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>

namespace andel::search {
namespace {

// Lower case first (on the decomposed text, then composed again), so that capitals fold like
// small letters; then the long forms where wanted; then every letter to its plain Latin form
// (accents and marks removed, letters without a decomposition spelt out: ß→ss, ł→l), and lower
// case again for what that produced.
constexpr const char* kShortRules =
    ":: NFD (); :: Lower (); :: NFC (); :: Latin-ASCII (); :: Lower ();";
constexpr const char* kLongRules =
    ":: NFD (); :: Lower (); :: NFC (); å > aa; ø > oe; æ > ae; ä > ae; ö > oe; ü > ue; "
    ":: Latin-ASCII (); :: Lower ();";

std::unique_ptr<icu::Transliterator> Make(const char* rules, const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse_error;
  std::unique_ptr<icu::Transliterator> made(icu::Transliterator::createFromRules(
      icu::UnicodeString::fromUTF8(id), icu::UnicodeString::fromUTF8(rules), UTRANS_FORWARD,
      parse_error, status));
  if (U_FAILURE(status)) return nullptr;
  return made;
}

std::string Fold(std::string_view text, bool long_forms) {
  thread_local const std::unique_ptr<icu::Transliterator> short_forms =
      Make(kShortRules, "andel-search-short");
  thread_local const std::unique_ptr<icu::Transliterator> long_form =
      Make(kLongRules, "andel-search-long");
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::Transliterator* folder = long_forms ? long_form.get() : short_forms.get();
  // The rules are fixed and tested; were ICU to refuse them, search still ignores case.
  if (folder) {
    folder->transliterate(unicode);
  } else {
    unicode.foldCase();
  }
  std::string out;
  unicode.toUTF8String(out);
  return out;
}

}  // namespace

std::string SearchKey(std::string_view text) {
  std::string key = Fold(text, false);
  std::string long_forms = Fold(text, true);
  if (long_forms != key) key += "\n" + long_forms;
  return key;
}

std::string SearchQuery(std::string_view text) { return Fold(text, false); }

}  // namespace andel::search
