// .po reading covers what translators write: msgid/msgstr with continuation lines, comments,
// and the escapes \" \\ \n \t. Plural forms are not used by Andel.
#include "web/i18n.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/local_time.h"
#include "core/text.h"

namespace andel::web {
namespace {

Result<std::string> Unquote(std::string_view text, size_t line) {
  text = Trim(text);
  const std::string where = "line " + std::to_string(line);
  if (text.size() < 2 || text.front() != '"' || text.back() != '"') {
    return Error::InvalidArgument("a quoted string was expected", where);
  }
  text = text.substr(1, text.size() - 2);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out.push_back(text[i]);
      continue;
    }
    if (++i >= text.size()) return Error::InvalidArgument("a string ends with a backslash", where);
    switch (text[i]) {
      case 'n':
        out.push_back('\n');
        break;
      case 't':
        out.push_back('\t');
        break;
      case '"':
      case '\\':
        out.push_back(text[i]);
        break;
      default:
        return Error::InvalidArgument("unknown escape in a string", where);
    }
  }
  return out;
}

}  // namespace

Result<std::unordered_map<std::string, std::string>> ParsePo(std::string_view text) {
  if (!IsValidUtf8(text)) return Error::InvalidArgument("the file is not valid UTF-8");
  std::unordered_map<std::string, std::string> entries;
  std::string msgid, msgstr;
  enum class Part { kNone, kId, kStr } part = Part::kNone;
  const auto flush = [&] {
    if (part == Part::kStr && !msgid.empty() && !msgstr.empty()) entries[msgid] = msgstr;
    msgid.clear();
    msgstr.clear();
    part = Part::kNone;
  };
  size_t line_number = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_number;
    line = Trim(line);
    if (line.empty() || line.front() == '#') continue;
    if (line.starts_with("msgid ")) {
      flush();
      Result<std::string> value = Unquote(line.substr(6), line_number);
      if (!value) return value.error();
      msgid = *value;
      part = Part::kId;
    } else if (line.starts_with("msgstr ")) {
      if (part != Part::kId) {
        return Error::InvalidArgument("msgstr without msgid",
                                      "line " + std::to_string(line_number));
      }
      Result<std::string> value = Unquote(line.substr(7), line_number);
      if (!value) return value.error();
      msgstr = *value;
      part = Part::kStr;
    } else if (line.front() == '"') {
      Result<std::string> value = Unquote(line, line_number);
      if (!value) return value.error();
      if (part == Part::kId) {
        msgid += *value;
      } else if (part == Part::kStr) {
        msgstr += *value;
      } else {
        return Error::InvalidArgument("a string outside an entry",
                                      "line " + std::to_string(line_number));
      }
    } else {
      return Error::InvalidArgument("unknown line", "line " + std::to_string(line_number));
    }
  }
  flush();
  return entries;
}

void Catalog::Add(std::string language, std::unordered_map<std::string, std::string> entries) {
  languages_[std::move(language)] = std::move(entries);
}

const std::string& Catalog::Translate(std::string_view language, const std::string& english) const {
  auto table = languages_.find(language);
  if (table != languages_.end()) {
    if (auto entry = table->second.find(english); entry != table->second.end()) {
      return entry->second;
    }
  }
  // English (or a text no catalogue has): the catalogue's own copy of the key where there is
  // one, so that the reference outlives a temporary made from a literal.
  for (const auto& [code, entries] : languages_) {
    if (auto entry = entries.find(english); entry != entries.end()) return entry->first;
  }
  return english;
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

}  // namespace andel::web
