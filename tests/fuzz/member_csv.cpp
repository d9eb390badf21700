// Feeds any bytes to the member list reader (ParseMemberCsv) with three categories. Checks:
// accepted rows carry a known category, valid UTF-8 and non-negative shares, and a file read
// without errors, written (WriteMemberCsv) and read again gives the same members.
#include "communities/member_csv.h"

#include <cstddef>
#include <cstdint>

#include "core/text.h"
#include "fuzz_support.h"

using andel::fuzz::Check;
namespace communities = andel::communities;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::set<std::string> kCodes = {"citizen", "business", "public_sector"};
  static const std::vector<communities::Category> kCategories = {
      {.code = "citizen", .name_en = "Citizen", .name_da = "Borger", .name_nl = "Burger"},
      {.code = "business", .name_en = "Business", .name_da = "Virksomhed", .name_nl = "Bedrijf"},
      {.code = "public_sector",
       .name_en = "Public sector",
       .name_da = "Offentlig sektor",
       .name_nl = "Publieke sector"}};
  const communities::MemberCsv csv =
      communities::ParseMemberCsv(andel::fuzz::Text(data, size), kCategories);
  if (!csv.errors.empty()) return 0;
  for (const communities::MemberRow& row : csv.rows) {
    Check(kCodes.count(row.category) == 1, "a member's category is one of the community's");
    Check(andel::IsValidUtf8(row.email) && andel::IsValidUtf8(row.name) &&
              andel::IsValidUtf8(row.organisation),
          "fields are valid UTF-8");
    Check(row.shares >= 0, "shares are not negative");
  }
  const communities::MemberCsv again =
      communities::ParseMemberCsv(communities::WriteMemberCsv(csv.rows), kCategories);
  Check(again.errors.empty(), "what the writer writes, the reader reads");
  Check(again.rows.size() == csv.rows.size(), "the same members after writing");
  for (size_t i = 0; i < csv.rows.size(); ++i) {
    Check(again.rows[i].email == csv.rows[i].email, "the same emails after writing");
    Check(again.rows[i].shares == csv.rows[i].shares, "the same shares after writing");
  }
  return 0;
}
