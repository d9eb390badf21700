// Checks every rule × utility × completion against a reference's outcomes (reference_outcomes.h),
// and reads the real Pabulib files: shared by the every-file and totality tests.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "budgeting/rules.h"
#include "reference_outcomes.h"
#include "reference_rules.h"

namespace andel::budgeting::reference {

// The text of a file in ../shared/data/pabulib/.
inline std::string ReadPabulibData(const std::string& name) {
  std::ifstream in(std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The plain references' outcomes (reference_rules.h), in the form of ComputeOutcomes.
inline Outcomes PlainOutcomes(const Instance& instance) {
  Outcomes out;
  CollectOutcomes(
      instance,
      [&](Utility utility, Completion completion) -> std::optional<Completed> {
        return ReferenceEqualShares(instance, utility, completion);
      },
      out);
  return out;
}

// Every rule × utility × completion on `instance` chooses what `want` says, in order, at the
// same total and start; greedy and add1+greedy complete the runs of none and add1 by cost
// utility.
inline void ExpectRulesAsOutcomes(const Instance& instance, const Outcomes& want,
                                  const std::string& what) {
  const auto positions = [&](const Expected& expected) {
    std::vector<int> order;
    for (const std::string& id : expected.order) {
      size_t found = 0;
      for (size_t p = 0; p < instance.projects.size(); ++p) {
        if (instance.projects[p].id != id) continue;
        order.push_back(static_cast<int>(p));
        ++found;
      }
      EXPECT_EQ(found, 1u) << what << ": project id " << id << " is not one project's";
    }
    return order;
  };
  for (const Utility utility : UtilitiesOf(instance)) {
    const auto greedy_want = want.find(OutcomeKey("greedy", utility, Completion::kNone));
    ASSERT_NE(greedy_want, want.end()) << what << " greedy " << Name(utility);
    Result<Outcome> greedy = Greedy(instance, utility);
    ASSERT_TRUE(greedy.has_value()) << what;
    EXPECT_EQ(greedy->selection_order, positions(greedy_want->second))
        << what << " greedy " << Name(utility);
    EXPECT_EQ(greedy->total_cost, greedy_want->second.total) << what << " greedy " << Name(utility);
    for (const Completion kind : {Completion::kNone, Completion::kGreedy, Completion::kAdd1,
                                  Completion::kAdd1Greedy, Completion::kBudgetPlus1}) {
      const Completion base = kind == Completion::kGreedy       ? Completion::kNone
                              : kind == Completion::kAdd1Greedy ? Completion::kAdd1
                                                                : kind;
      const std::string label =
          what + " mes " + std::string(Name(utility)) + " " + std::string(Name(kind));
      const auto found = want.find(OutcomeKey("mes", utility, base));
      ASSERT_NE(found, want.end()) << label;
      std::vector<int> order = positions(found->second);
      mpq_class total = found->second.total;
      if (kind == Completion::kGreedy || kind == Completion::kAdd1Greedy) {
        ReferenceGreedyWalk(instance, Utility::kCost, order, total);
      }
      Result<Outcome> mes = EqualShares(instance, utility, kind);
      ASSERT_TRUE(mes.has_value()) << label;
      EXPECT_EQ(mes->selection_order, order) << label;
      EXPECT_EQ(mes->total_cost, total) << label;
      EXPECT_LE(mes->total_cost, instance.budget) << label;
      if (kind != Completion::kGreedy && kind != Completion::kNone) {
        EXPECT_EQ(mes->start_share, found->second.start) << label;
      }
    }
  }
}

}  // namespace andel::budgeting::reference
