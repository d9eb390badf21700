// Value cases (seed 002): a short story of what an initiative achieved and how, in Markdown,
// with the indicators and the evidence it rests on. A community may publish a case to the other
// communities on the server, for them to find and learn from.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace andel::impact {

struct ValueCase {
  int64_t id = 0;
  int64_t community_id = 0;
  std::string title;
  std::string story;  // Markdown
  std::vector<int64_t> indicator_ids;
  std::vector<std::string> evidence_urls;
  bool published = false;  // visible to every community on the server
  int64_t created_at = 0;
  std::string community_name;  // filled when read
  std::string community_slug;
};

// kInvalidArgument naming the field: a title of 1–160 characters, a story of 1–20,000, at most
// 20 indicators and 10 evidence links, each http(s).
Status ValidateValueCase(const ValueCase& value_case);

// The text a search matches against: title and story as a search key (see search/search_fold.h).
std::string ValueCaseSearchKey(const ValueCase& value_case);

}  // namespace andel::impact
