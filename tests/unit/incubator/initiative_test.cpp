// Initiatives: the stages by name and the checks on a title and summary.
#include "incubator/initiative.h"

#include <gtest/gtest.h>

namespace andel::incubator {
namespace {

TEST(Initiative, StagesByName) {
  for (const Stage stage : {Stage::kIdea, Stage::kExploring, Stage::kFounding, Stage::kOperating}) {
    EXPECT_EQ(*ParseStage(Name(stage)), stage);
  }
  EXPECT_EQ(*ParseStage(" Founding "), Stage::kFounding);
  EXPECT_EQ(ParseStage("dreaming").error().where, "stage");
}

TEST(Initiative, ValidationNamesTheField) {
  Initiative initiative;
  initiative.title = "Morning coffee for job seekers";
  initiative.summary = "Every Tuesday: coffee, papers and **mentors**.";
  EXPECT_TRUE(ValidateInitiative(initiative));
  Initiative bad = initiative;
  bad.title = " ";
  EXPECT_EQ(ValidateInitiative(bad).error().where, "title");
  bad.title = std::string(121, 'x');
  EXPECT_EQ(ValidateInitiative(bad).error().where, "title");
  bad.title = std::string(120, 'x');
  EXPECT_TRUE(ValidateInitiative(bad));
  bad.summary = std::string(10001, 'x');
  EXPECT_EQ(ValidateInitiative(bad).error().where, "summary");
  bad.summary = "\xff";
  EXPECT_EQ(ValidateInitiative(bad).error().where, "summary");
}

}  // namespace
}  // namespace andel::incubator
