// Member lists as CSV (RFC 4180, UTF-8, a header row) for import and export. Columns: email,
// name, organisation, category, role, shares, joined_on, status; the first two and category are
// required, the rest may be empty or absent. A file may separate its fields with commas,
// semicolons (what Danish and Dutch spreadsheets write) or tabs: the header row tells which. A
// category may be given by its code or by its name in any of the three languages.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "communities/community.h"
#include "core/result.h"

namespace andel::communities {

struct MemberRow {
  std::string email;  // lower-cased
  std::string name;
  std::string organisation;  // empty for a person on their own
  std::string category;      // a category code of the community
  Role role = Role::kMember;
  int64_t shares = 0;
  std::optional<Date> joined_on;
  MemberStatus status = MemberStatus::kActive;
};

// A problem found: `where` is "line L, column C" with the column's header name, and `value` what
// the file holds there (empty for a missing column or a structural problem), so that a person
// sees which value is wrong.
struct MemberCsvError : Error {
  std::string value;
};

// Every row read, and every problem found; a caller imports nothing unless `errors` is empty.
struct MemberCsv {
  std::vector<MemberRow> rows;
  std::vector<MemberCsvError> errors;
};

// Reads a member list. `categories` are the community's. Reports a missing or unknown header,
// malformed quoting, bad UTF-8, and each bad field; duplicate emails too. A single quote before
// = + - @ or another quote (as WriteMemberCsv writes them) is removed.
MemberCsv ParseMemberCsv(std::string_view text, const std::vector<Category>& categories);

// The separator of a CSV file: ',', ';' or '\t', whichever its first line that is not blank holds
// most of outside quotes (',' if none).
char DetectCsvSeparator(std::string_view text);

// A file to fill in: the header and one example row, separated by `separator`, with the example's
// category written as `category_name`.
std::string MemberCsvTemplate(char separator, std::string_view category_name);

// Writes rows with the header, quoting fields where RFC 4180 needs it. Fields that a spreadsheet
// would run as a formula (starting with = + - @), or that start with a single quote, are
// prefixed with a single quote, which ParseMemberCsv removes again: a list written and read
// back is the same list.
std::string WriteMemberCsv(const std::vector<MemberRow>& rows);

}  // namespace andel::communities
