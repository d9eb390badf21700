// Member lists as CSV (RFC 4180, UTF-8, comma-separated, a header row) for import and export.
// Columns: email, name, organisation, category, role, shares, joined_on, status; the first two
// and category are required, the rest may be empty or absent.
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

// Every row read, and every problem found. Each Error's `where` is "line L, column C" with the
// column's header name; a caller imports nothing unless `errors` is empty.
struct MemberCsv {
  std::vector<MemberRow> rows;
  std::vector<Error> errors;
};

// Reads a member list. `category_codes` are the categories the community has. Reports a missing
// or unknown header, malformed quoting, bad UTF-8, and each bad field; duplicate emails too.
// A single quote before = + - @ or another quote (as WriteMemberCsv writes them) is removed.
MemberCsv ParseMemberCsv(std::string_view text, const std::set<std::string>& category_codes);

// Writes rows with the header, quoting fields where RFC 4180 needs it. Fields that a spreadsheet
// would run as a formula (starting with = + - @), or that start with a single quote, are
// prefixed with a single quote, which ParseMemberCsv removes again: a list written and read
// back is the same list.
std::string WriteMemberCsv(const std::vector<MemberRow>& rows);

}  // namespace andel::communities
