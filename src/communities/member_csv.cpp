// Member CSV: a small RFC 4180 reader, then field-by-field validation of each row.
#include "communities/member_csv.h"

#include <algorithm>
#include <array>
#include <map>

#include "core/csv.h"
#include "core/text.h"

namespace andel::communities {
namespace {

constexpr std::array<std::string_view, 8> kColumns = {"email", "name",   "organisation", "category",
                                                      "role",  "shares", "joined_on",    "status"};

std::string Where(size_t line, std::string_view column) {
  return "line " + std::to_string(line) + ", column " + std::string(column);
}

MemberCsvError Problem(std::string message, std::string where, std::string_view value = {}) {
  MemberCsvError error;
  error.code = ErrorCode::kInvalidArgument;
  error.message = std::move(message);
  error.where = std::move(where);
  error.value = std::string(value);
  return error;
}

// The code of the category `text` names: its code, or else its name in any language, in any case
// of the ASCII letters. Empty if none does; "?" if names of several categories match.
std::string CategoryCode(std::string_view text, const std::vector<Category>& categories) {
  const std::string wanted = ToLowerAscii(text);
  for (const Category& category : categories) {
    if (ToLowerAscii(category.code) == wanted) return category.code;
  }
  std::string found;
  for (const Category& category : categories) {
    for (const std::string* name : {&category.name_en, &category.name_da, &category.name_nl}) {
      if (name->empty() || ToLowerAscii(*name) != wanted) continue;
      if (!found.empty() && found != category.code) return "?";
      found = category.code;
    }
  }
  return found;
}

}  // namespace

char DetectCsvSeparator(std::string_view text) {
  // The first line that is not blank (a line ends at LF or CR), counting outside quotes only.
  size_t start = 0;
  while (start < text.size() &&
         (text[start] == '\n' || text[start] == '\r' || text[start] == ' ')) {
    ++start;
  }
  size_t counts[3] = {0, 0, 0};
  bool quoted = false;
  for (size_t at = start; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++counts[0];
    if (c == ';') ++counts[1];
    if (c == '\t') ++counts[2];
  }
  const char separators[3] = {',', ';', '\t'};
  size_t best = 0;
  for (size_t i = 1; i < 3; ++i) {
    if (counts[i] > counts[best]) best = i;
  }
  return separators[best];
}

std::string MemberCsvTemplate(char separator, std::string_view category_name) {
  std::string out;
  for (size_t c = 0; c < kColumns.size(); ++c) {
    if (c) out += separator;
    out += kColumns[c];
  }
  out += "\r\n";
  const std::array<std::string_view, 8> example = {"mette@example.org", "Mette Jensen", "",
                                                   category_name,       "member",       "1",
                                                   "2026-01-15",        "active"};
  for (size_t c = 0; c < example.size(); ++c) {
    if (c) out += separator;
    out += CsvField(example[c], separator);
  }
  out += "\r\n";
  return out;
}

MemberCsv ParseMemberCsv(std::string_view text, const std::vector<Category>& categories) {
  MemberCsv result;
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    const size_t line = 1 + static_cast<size_t>(std::count(text.begin(), text.begin() + bad, '\n'));
    result.errors.push_back(Problem("the file is not valid UTF-8", "line " + std::to_string(line)));
    return result;
  }
  Result<std::vector<CsvRecord>> records = ParseCsvRecords(text, DetectCsvSeparator(text));
  if (!records) {
    result.errors.push_back(Problem(records.error().message, records.error().where));
    return result;
  }
  if (records->empty()) {
    result.errors.push_back(Problem("the file is empty", "line 1"));
    return result;
  }
  std::map<std::string, size_t> column_of;
  const std::vector<std::string>& header = records->front().fields;
  const size_t header_line = records->front().line;
  for (size_t c = 0; c < header.size(); ++c) {
    const std::string name = ToLowerAscii(Trim(header[c]));
    bool known = false;
    for (std::string_view column : kColumns) known = known || column == name;
    if (!known) {
      result.errors.push_back(Problem("unknown column", Where(header_line, header[c]), header[c]));
      continue;
    }
    column_of[name] = c;
  }
  for (std::string_view required : {"email", "name", "category"}) {
    if (!column_of.count(std::string(required))) {
      result.errors.push_back(
          Problem("a required column is missing", Where(header_line, required)));
    }
  }
  if (!result.errors.empty()) return result;

  std::map<std::string, size_t> line_of_email;
  for (size_t r = 1; r < records->size(); ++r) {
    const std::vector<std::string>& record = (*records)[r].fields;
    const size_t line = (*records)[r].line;
    const auto field = [&](std::string_view column) -> std::string_view {
      auto it = column_of.find(std::string(column));
      if (it == column_of.end() || it->second >= record.size()) return {};
      return CsvText(Trim(record[it->second]));
    };
    const size_t error_count = result.errors.size();
    if (record.size() > header.size()) {
      result.errors.push_back(Problem("the row has more fields than the header", Where(line, "-")));
      continue;
    }
    MemberRow row;
    row.email = ToLowerAscii(field("email"));
    if (!IsPlausibleEmail(row.email)) {
      result.errors.push_back(
          Problem("not a valid email address", Where(line, "email"), field("email")));
    } else if (auto [it, fresh] = line_of_email.emplace(row.email, line); !fresh) {
      result.errors.push_back(
          Problem("this email appears twice in the file", Where(line, "email"), field("email")));
    }
    if (Result<std::string> name = ValidateName(field("name"), "name"); name) {
      row.name = *name;
    } else {
      result.errors.push_back(Problem(name.error().message, Where(line, "name"), field("name")));
    }
    if (std::string_view organisation = field("organisation"); !organisation.empty()) {
      if (Result<std::string> name = ValidateName(organisation, "organisation"); name) {
        row.organisation = *name;
      } else {
        result.errors.push_back(
            Problem(name.error().message, Where(line, "organisation"), organisation));
      }
    }
    if (const std::string code = CategoryCode(field("category"), categories); code == "?") {
      result.errors.push_back(Problem("several categories have this name: write its code",
                                      Where(line, "category"), field("category")));
    } else if (code.empty()) {
      result.errors.push_back(
          Problem("unknown category", Where(line, "category"), field("category")));
    } else {
      row.category = code;
    }
    if (std::string_view role = field("role"); !role.empty()) {
      if (Result<Role> parsed = ParseRole(role); parsed) {
        row.role = *parsed;
      } else {
        result.errors.push_back(Problem(parsed.error().message, Where(line, "role"), role));
      }
    }
    if (Result<int64_t> shares = ParseShares(field("shares")); shares) {
      row.shares = *shares;
    } else {
      result.errors.push_back(
          Problem(shares.error().message, Where(line, "shares"), field("shares")));
    }
    if (std::string_view joined = field("joined_on"); !joined.empty()) {
      if (Result<Date> date = ParseIsoDate(joined); date) {
        row.joined_on = *date;
      } else {
        result.errors.push_back(Problem(date.error().message, Where(line, "joined_on"), joined));
      }
    }
    if (std::string_view status = field("status"); !status.empty()) {
      if (Result<MemberStatus> parsed = ParseMemberStatus(status); parsed) {
        row.status = *parsed;
      } else {
        result.errors.push_back(Problem(parsed.error().message, Where(line, "status"), status));
      }
    }
    if (result.errors.size() == error_count) result.rows.push_back(std::move(row));
  }
  return result;
}

std::string WriteMemberCsv(const std::vector<MemberRow>& rows) {
  std::string out;
  for (size_t c = 0; c < kColumns.size(); ++c) {
    if (c) out += ',';
    out += kColumns[c];
  }
  out += "\r\n";
  for (const MemberRow& row : rows) {
    const std::array<std::string, 8> fields = {
        row.email,
        row.name,
        row.organisation,
        row.category,
        std::string(Name(row.role)),
        std::to_string(row.shares),
        row.joined_on ? FormatIsoDate(*row.joined_on) : std::string(),
        std::string(Name(row.status))};
    for (size_t c = 0; c < fields.size(); ++c) {
      if (c) out += ',';
      out += CsvField(fields[c]);
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace andel::communities
