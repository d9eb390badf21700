// Value cases: what makes one valid, and the folded text search matches against.
#include "impact/value_case.h"

#include <gtest/gtest.h>

namespace andel::impact {
namespace {

TEST(ValueCase, ValidationNamesTheField) {
  ValueCase good;
  good.title = "Morgenkaffe, der blev til job";
  good.story = "**41** i job.";
  good.evidence_urls = {"https://example.org/report.pdf"};
  EXPECT_TRUE(ValidateValueCase(good));
  ValueCase bad = good;
  bad.title = " ";
  EXPECT_EQ(ValidateValueCase(bad).error().where, "title");
  bad = good;
  bad.story = std::string(20001, 'x');
  EXPECT_EQ(ValidateValueCase(bad).error().where, "story");
  bad = good;
  bad.evidence_urls = {"javascript:alert(1)"};
  EXPECT_EQ(ValidateValueCase(bad).error().where, "evidence");
  bad = good;
  bad.evidence_urls = {"https://a b"};
  EXPECT_EQ(ValidateValueCase(bad).error().where, "evidence");
  bad = good;
  bad.indicator_ids.assign(21, 1);
  EXPECT_EQ(ValidateValueCase(bad).error().where, "indicators");
  bad = good;
  bad.title = "\xff";
  EXPECT_EQ(ValidateValueCase(bad).error().where, "title");
}

// The key folds case and accents, and spells the Nordic letters both ways ("aero" and "aeroe").
TEST(ValueCase, SearchKeyIgnoresCaseAndLatinAccents) {
  ValueCase v;
  v.title = "Ærø Café";
  v.story = "Coöperatie";
  EXPECT_EQ(ValueCaseSearchKey(v), "aero cafe\ncooperatie\naeroe cafe\ncooeperatie");
}

}  // namespace
}  // namespace andel::impact
