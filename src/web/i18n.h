// Languages: translation catalogues (gettext, through Boost.Locale), the choice of language for a
// request, and dates and numbers written the way each language writes them.
#pragma once

#include <cstdint>
#include <locale>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/result.h"

namespace andel::web {

// The translations of every language Andel carries, from gettext catalogues (locale/*.po,
// compiled by msgfmt at build time) read with Boost.Locale, plural forms included. English is
// the source language and the key.
class Catalog {
 public:
  // The compiled catalogues (.mo bytes) by language code. kInternal naming the language whose
  // catalogue cannot be read.
  static Result<Catalog> FromCompiled(const std::map<std::string, std::string_view>& catalogues);

  // The translation of `english` into `language`; the English text itself if there is none.
  std::string Translate(std::string_view language, std::string_view english) const;
  // A counted phrase: the form for `n` of `singular` ("{n} ballot") or `plural` ("{n} ballots")
  // by the language's plural rule, with "{n}" written as the language writes numbers.
  std::string Plural(std::string_view language, std::string_view singular, std::string_view plural,
                     int64_t n) const;

 private:
  std::map<std::string, std::locale, std::less<>> locales_;
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

// A number as a person writes it in `language`, read back as a plain decimal ("-1234567.5"):
// "50.000,50" (da, nl) and "50,000.50" (en) are 50000.50; spaces group digits too. Where a text
// has one kind of separator, the language decides, except that a separator followed by other
// than groups of three digits can only be the decimal one ("12500.50" in Danish, "12,5" in
// English). Text that is not a number written so comes back trimmed, for its reader to refuse.
std::string ReadNumber(std::string_view language, std::string_view text);

}  // namespace andel::web
