// The results tree by Decidim's rules, by hand and against a plain recursive definition on
// random trees (seed 31).
#include "impact/results_tree.h"

#include <gtest/gtest.h>

#include <random>

namespace andel::impact {
namespace {

TEST(ResultsTree, MeanWeightedSumAndEmptyChildren) {
  // 1 ← 2 (40 %), 3 (no progress yet); 4 ← 5 (w .25), 6 (w .75, 80 %); 7 ← 1, 4.
  const std::vector<ResultNode> nodes = {{1, 7, std::nullopt, std::nullopt},
                                         {2, 1, std::nullopt, 40.0},
                                         {3, 1, std::nullopt, std::nullopt},
                                         {4, 7, std::nullopt, std::nullopt},
                                         {5, 4, 0.25, 100.0},
                                         {6, 4, 0.75, 80.0},
                                         {7, std::nullopt, std::nullopt, std::nullopt}};
  Result<std::map<int64_t, double>> progress = TreeProgressPercent(nodes);
  ASSERT_TRUE(progress.has_value());
  EXPECT_DOUBLE_EQ(progress->at(3), 0);
  EXPECT_DOUBLE_EQ(progress->at(1), 20);  // mean of 40 and 0
  EXPECT_DOUBLE_EQ(progress->at(4), 85);  // .25·100 + .75·80
  EXPECT_DOUBLE_EQ(progress->at(7), 52.5);
}

TEST(ResultsTree, IndicatorsBecomeNodesWithTheirProgressInPercent) {
  Indicator goal, jobs, education;
  goal.id = 1;
  jobs.id = 2;
  jobs.parent = 1;
  jobs.weight = Quantity{750};
  education.id = 3;
  education.parent = 1;
  education.weight = Quantity{250};
  const std::vector<ResultNode> nodes =
      IndicatorNodes({goal, jobs, education}, {{2, 0.5}, {3, 1.0}});
  ASSERT_EQ(nodes.size(), 3u);
  EXPECT_FALSE(nodes[0].parent.has_value());
  EXPECT_FALSE(nodes[0].progress_percent.has_value());
  EXPECT_EQ(nodes[1].parent, 1);
  EXPECT_DOUBLE_EQ(*nodes[1].weight, 0.75);
  EXPECT_DOUBLE_EQ(*nodes[1].progress_percent, 50);
  Result<std::map<int64_t, double>> progress = TreeProgressPercent(nodes);
  ASSERT_TRUE(progress.has_value());
  EXPECT_DOUBLE_EQ(progress->at(1), 0.75 * 50 + 0.25 * 100);
}

TEST(ResultsTree, RefusesCyclesUnknownParentsAndOutOfRange) {
  EXPECT_EQ(TreeProgressPercent({{1, 2, {}, {}}, {2, 1, {}, {}}}).error().where, "parent");
  EXPECT_EQ(TreeProgressPercent({{1, 9, {}, {}}}).error().where, "parent");
  EXPECT_EQ(TreeProgressPercent({{1, 1, {}, {}}}).error().where, "parent");
  EXPECT_EQ(TreeProgressPercent({{1, {}, 1.5, {}}}).error().where, "weight");
  EXPECT_EQ(TreeProgressPercent({{1, {}, {}, 101.0}}).error().where, "progress");
}

double Plain(const std::vector<ResultNode>& nodes, int64_t id) {
  std::vector<const ResultNode*> kids;
  bool weighted = false;
  for (const ResultNode& n : nodes) {
    if (n.parent == id) {
      kids.push_back(&n);
      weighted = weighted || n.weight.has_value();
    }
  }
  if (kids.empty()) {
    for (const ResultNode& n : nodes) {
      if (n.id == id) return n.progress_percent.value_or(0);
    }
  }
  double sum = 0;
  for (const ResultNode* k : kids)
    sum += Plain(nodes, k->id) * (weighted ? k->weight.value_or(0) : 1);
  return weighted ? sum : sum / static_cast<double>(kids.size());
}

TEST(ResultsTree, MatchesThePlainDefinitionOnRandomTrees) {
  std::mt19937 random(31);
  for (int round = 0; round < 300; ++round) {
    std::vector<ResultNode> nodes;
    const int n = 1 + static_cast<int>(random() % 15);
    for (int i = 1; i <= n; ++i) {
      ResultNode node{i, std::nullopt, std::nullopt, std::nullopt};
      if (i > 1 && random() % 5 != 0) node.parent = 1 + static_cast<int64_t>(random() % (i - 1));
      if (random() % 3 == 0) node.weight = static_cast<double>(random() % 101) / 100;
      if (random() % 4 != 0) node.progress_percent = static_cast<double>(random() % 101);
      nodes.push_back(node);
    }
    Result<std::map<int64_t, double>> progress = TreeProgressPercent(nodes);
    ASSERT_TRUE(progress.has_value());
    for (const ResultNode& node : nodes) {
      EXPECT_NEAR(progress->at(node.id), Plain(nodes, node.id), 1e-9) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace andel::impact
