// Languages: translation catalogues read from gettext .po files (English is the source
// language and the key), the choice of language for a request, and dates and numbers written
// the way each language writes them.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace andel::web {

// msgid -> msgstr of one .po file; entries with an empty msgstr are left out.
// kInvalidArgument with "line N" for malformed input.
Result<std::unordered_map<std::string, std::string>> ParsePo(std::string_view text);

class Catalog {
 public:
  // Adds a language's translations.
  void Add(std::string language, std::unordered_map<std::string, std::string> entries);
  // The translation of `english` into `language`; the English text itself if there is none (the
  // catalogue's copy of it where a catalogue has it, so a text from a literal may be kept).
  const std::string& Translate(std::string_view language, const std::string& english) const;

 private:
  std::map<std::string, std::unordered_map<std::string, std::string>, std::less<>> languages_;
};

// The best supported language for an Accept-Language header ("da-DK,da;q=0.9,en;q=0.5");
// "en" if none matches.
std::string NegotiateLanguage(std::string_view accept_language);

// "22 Nov 2026" (en), "22. nov. 2026" (da), "22 nov. 2026" (nl).
std::string FormatDate(std::string_view language, const Date& date);
// The date as FormatDate, then the time of day in Central European Time: "22 Nov 2026, 15:05 CET".
std::string FormatDateTime(std::string_view language, int64_t unix_seconds);

// 1,234,567 (en) or 1.234.567 (da, nl).
std::string FormatInteger(std::string_view language, int64_t value);

// A plain decimal ("-1234567.5") as the reader writes it: -1,234,567.5 (en) or -1.234.567,5
// (da, nl).
std::string FormatDecimal(std::string_view language, std::string_view plain);

}  // namespace andel::web
