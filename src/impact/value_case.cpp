#include "impact/value_case.h"

#include "core/text.h"
#include "search/search_fold.h"

namespace andel::impact {

Status ValidateValueCase(const ValueCase& value_case) {
  const std::string_view title = Trim(value_case.title);
  if (title.empty() || !IsValidUtf8(title) || CodePointCount(title) > 160) {
    return Error::InvalidArgument("a value case needs a title of at most 160 characters", "title");
  }
  const std::string_view story = Trim(value_case.story);
  if (story.empty() || !IsValidUtf8(story) || CodePointCount(story) > 20000) {
    return Error::InvalidArgument("a value case tells its story in at most 20,000 characters",
                                  "story");
  }
  if (value_case.indicator_ids.size() > 20) {
    return Error::InvalidArgument("a value case rests on at most 20 indicators", "indicators");
  }
  if (value_case.evidence_urls.size() > 10) {
    return Error::InvalidArgument("a value case has at most 10 links to evidence", "evidence");
  }
  for (const std::string& link : value_case.evidence_urls) {
    if (!(link.starts_with("https://") || link.starts_with("http://")) || link.size() > 2000 ||
        !IsValidUtf8(link) || link.find_first_of(" \t\r\n") != std::string::npos) {
      return Error::InvalidArgument("evidence is a link starting with https://", "evidence");
    }
  }
  return {};
}

std::string ValueCaseSearchKey(const ValueCase& value_case) {
  return search::SearchKey(value_case.title + "\n" + value_case.story);
}

}  // namespace andel::impact
