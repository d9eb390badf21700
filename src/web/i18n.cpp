// Catalogues through Boost.Locale's gettext reader; language negotiation; dates and numbers.
#include "web/i18n.h"

#include <algorithm>
#include <boost/locale/gnu_gettext.hpp>
#include <boost/locale/message.hpp>
#include <charconv>
#include <cstdio>
#include <limits>

#include "core/local_time.h"
#include "core/text.h"

namespace andel::web {

Result<Catalog> Catalog::FromCompiled(const std::map<std::string, std::string_view>& catalogues) {
  namespace gettext = boost::locale::gnu_gettext;
  Catalog catalog;
  for (const auto& [language, bytes] : catalogues) {
    gettext::messages_info info;
    info.language = language;
    info.encoding = "UTF-8";
    info.domains.emplace_back("andel");
    // Boost.Locale asks for "<path>/<language>/LC_MESSAGES/andel.mo": here, the embedded bytes.
    info.paths.emplace_back("embedded");
    const std::string wanted = "embedded/" + language + "/LC_MESSAGES/andel.mo";
    const std::string_view content = bytes;  // a structured binding cannot be captured (C++20)
    info.callback = [wanted, content](const std::string& file_name, const std::string&) {
      return file_name == wanted ? std::vector<char>(content.begin(), content.end())
                                 : std::vector<char>();
    };
    try {
      catalog.locales_.emplace(language, std::locale(std::locale::classic(),
                                                     gettext::create_messages_facet<char>(info)));
    } catch (const std::exception& failure) {
      return Error::Internal(std::string("the catalogue cannot be read: ") + failure.what(),
                             language);
    }
  }
  return catalog;
}

std::string Catalog::Translate(std::string_view language, std::string_view english) const {
  const auto found = locales_.find(language);
  if (found == locales_.end()) return std::string(english);
  return boost::locale::translate(std::string(english)).str(found->second);
}

std::string Catalog::Plural(std::string_view language, std::string_view singular,
                            std::string_view plural, int64_t n) const {
  const auto found = locales_.find(language);
  std::string form =
      found == locales_.end()
          ? std::string(n == 1 ? singular : plural)
          : boost::locale::translate(
                std::string(singular), std::string(plural),
                static_cast<int>(std::clamp<int64_t>(n, 0, std::numeric_limits<int>::max())))
                .str(found->second);
  return ReplaceAll(std::move(form), "{n}", FormatInteger(language, n));
}

std::string NegotiateLanguage(std::string_view accept_language) {
  std::string best = "en";
  double best_quality = -1;
  for (std::string_view item : Split(accept_language, ',')) {
    item = Trim(item);
    double quality = 1.0;
    const size_t semicolon = item.find(';');
    std::string_view tag = Trim(item.substr(0, semicolon));
    if (semicolon != std::string_view::npos) {
      std::string_view parameter = Trim(item.substr(semicolon + 1));
      if (parameter.starts_with("q=")) {
        parameter.remove_prefix(2);
        // Parse q as thousandths: "0.9" -> 900.
        int thousandths = 0;
        if (parameter.starts_with("1")) {
          thousandths = 1000;
        } else if (parameter.starts_with("0.")) {
          std::string digits(parameter.substr(2, 3));
          while (digits.size() < 3) digits.push_back('0');
          std::from_chars(digits.data(), digits.data() + digits.size(), thousandths);
        }
        quality = thousandths / 1000.0;
      }
    }
    const std::string primary = ToLowerAscii(tag.substr(0, tag.find('-')));
    if ((primary == "da" || primary == "nl" || primary == "en") && quality > best_quality &&
        quality > 0) {
      best = primary;
      best_quality = quality;
    }
  }
  return best;
}

std::string FormatDate(std::string_view language, const Date& date) {
  static constexpr const char* kEnglish[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr const char* kDanish[] = {"jan.", "feb.", "mar.", "apr.", "maj",  "jun.",
                                            "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};
  static constexpr const char* kDutch[] = {"jan.", "feb.", "mrt.", "apr.", "mei",  "jun.",
                                           "jul.", "aug.", "sep.", "okt.", "nov.", "dec."};
  const int month = std::clamp(date.month, 1, 12) - 1;
  const std::string day = std::to_string(date.day);
  const std::string year = std::to_string(date.year);
  if (language == "da") return day + ". " + kDanish[month] + " " + year;
  if (language == "nl") return day + " " + kDutch[month] + " " + year;
  return day + " " + kEnglish[month] + " " + year;
}

std::string FormatDateTime(std::string_view language, int64_t unix_seconds) {
  const int64_t offset = CentralEuropeanOffset(unix_seconds);
  const int64_t wall = unix_seconds + offset;
  const int64_t seconds_of_day = ((wall % 86400) + 86400) % 86400;
  char time[16];
  std::snprintf(time, sizeof time, "%02d:%02d", static_cast<int>(seconds_of_day / 3600),
                static_cast<int>(seconds_of_day / 60 % 60));
  return FormatDate(language, DateFromUnixSeconds(wall)) + ", " + time +
         (offset == 7200 ? " CEST" : " CET");
}

std::string FormatInteger(std::string_view language, int64_t value) {
  return FormatDecimal(language, std::to_string(value));
}

std::string FormatDecimal(std::string_view language, std::string_view plain) {
  const bool english = language == "en";
  const bool negative = !plain.empty() && plain.front() == '-';
  if (negative) plain.remove_prefix(1);
  const size_t point = std::min(plain.find('.'), plain.size());
  std::string out = negative ? "-" : "";
  for (size_t i = 0; i < point; ++i) {
    if (i > 0 && (point - i) % 3 == 0) out.push_back(english ? ',' : '.');
    out.push_back(plain[i]);
  }
  if (point < plain.size()) {
    out.push_back(english ? '.' : ',');
    out += plain.substr(point + 1);
  }
  return out;
}

namespace {

// True if every separator at `positions` in `digits_and_separators` starts a group of exactly
// three digits, and the first group has one to three.
bool GroupsOfThree(std::string_view text, const std::vector<size_t>& positions) {
  if (positions.empty()) return true;
  if (positions.front() == 0 || positions.front() > 3) return false;
  for (size_t i = 0; i < positions.size(); ++i) {
    const size_t end = i + 1 < positions.size() ? positions[i + 1] : text.size();
    if (end - positions[i] - 1 != 3) return false;
  }
  return true;
}

}  // namespace

std::string ReadNumber(std::string_view language, std::string_view text) {
  const std::string trimmed(Trim(text));
  // Spaces that group digits: the plain one, the no-break space and the narrow one.
  std::string compact = ReplaceAll(ReplaceAll(trimmed, "\u00a0", ""), "\u202f", "");
  compact = ReplaceAll(std::move(compact), " ", "");
  std::string_view body = compact;
  const bool negative = body.starts_with('-');
  if (negative) body.remove_prefix(1);
  std::vector<size_t> dots, commas;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '.') {
      dots.push_back(i);
    } else if (body[i] == ',') {
      commas.push_back(i);
    } else if (body[i] < '0' || body[i] > '9') {
      return trimmed;
    }
  }
  if (body.empty()) return trimmed;
  // Which separator is the decimal one, if any.
  char decimal = 0;
  if (!dots.empty() && !commas.empty()) {
    decimal = dots.back() > commas.back() ? '.' : ',';
  } else if (!dots.empty() || !commas.empty()) {
    const char only = dots.empty() ? ',' : '.';
    const std::vector<size_t>& at = dots.empty() ? commas : dots;
    const char language_decimal = language == "en" ? '.' : ',';
    if (at.size() > 1) {
      decimal = 0;  // several: only grouping makes sense
    } else if (only == language_decimal || !GroupsOfThree(body, at)) {
      decimal = only;
    }
  }
  std::string integer, fraction;
  std::vector<size_t> groups;
  bool in_fraction = false;
  for (size_t i = 0; i < body.size(); ++i) {
    const char c = body[i];
    if (c == decimal && !in_fraction) {
      in_fraction = true;
    } else if (c == '.' || c == ',') {
      if (in_fraction) return trimmed;
      groups.push_back(i);
    } else {
      (in_fraction ? fraction : integer).push_back(c);
    }
  }
  const size_t integer_end = decimal ? body.find(decimal) : body.size();
  if (!GroupsOfThree(body.substr(0, integer_end), groups)) return trimmed;
  if (integer.empty() || (in_fraction && fraction.empty())) return trimmed;
  return (negative ? "-" : "") + integer + (in_fraction ? "." + fraction : "");
}

}  // namespace andel::web
