// The rules on real Pabulib instances: every reference outcome in ../shared/data/pabulib/
// EXPECTED.json reproduced exactly (selected projects, selection order, total cost).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <optional>
#include <sstream>

#include "budgeting/pabulib.h"
#include "budgeting/rules.h"
#include "core/text.h"

namespace andel::budgeting {
namespace {

namespace json = boost::json;

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(ANDEL_SHARED_DATA_DIR) + "/pabulib/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(RealInstances, ReproduceTheReferenceOutcomes) {
  const json::value expected = json::parse(ReadData("EXPECTED.json"));
  int checked = 0;
  for (const auto& [file, cases] : expected.as_object().at("instances").as_object()) {
    Result<Instance> read = ReadPabulib(ReadData(std::string(file)));
    ASSERT_TRUE(read.has_value()) << file << ": " << read.error().where;
    // Grouping identical ballots changes no outcome (checked on random instances) and is faster.
    const std::optional<Instance> instance = GroupIdenticalBallots(*read);
    for (const auto& [options, reference] : cases.as_object()) {
      std::vector<std::string_view> words = Split(std::string_view(options), ' ');
      std::string rule, utility = "cost", completion = "none";
      for (size_t i = 0; i + 1 < words.size(); i += 2) {
        if (words[i] == "--rule") rule = words[i + 1];
        if (words[i] == "--utility") utility = words[i + 1];
        if (words[i] == "--completion") completion = words[i + 1];
      }
      const Utility u = *ParseUtility(utility);
      Result<Outcome> outcome = rule == "greedy"
                                    ? Greedy(*instance, u)
                                    : EqualShares(*instance, u, *ParseCompletion(completion));
      ASSERT_TRUE(outcome.has_value()) << file << " " << options;
      std::vector<std::string> order;
      for (int p : outcome->selection_order)
        order.push_back(instance->projects[static_cast<size_t>(p)].id);
      std::vector<std::string> want_selected, want_order;
      for (const json::value& id : reference.as_object().at("selected").as_array()) {
        want_selected.emplace_back(id.as_string());
      }
      for (const json::value& id : reference.as_object().at("selection_order").as_array()) {
        want_order.emplace_back(id.as_string());
      }
      EXPECT_EQ(SelectedIds(*instance, *outcome), want_selected) << file << " " << options;
      EXPECT_EQ(order, want_order) << file << " " << options;
      EXPECT_EQ(ExactText(outcome->total_cost),
                std::string(reference.as_object().at("total_cost").as_string()))
          << file << " " << options;
      ++checked;
    }
  }
  EXPECT_GE(checked, 40);
}

}  // namespace
}  // namespace andel::budgeting
