// The real elections in ../shared/data/preflib, against EXPECTED.json (reference outcomes
// computed independently under the same rules).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "voting/preflib.h"
#include "voting/tally.h"

namespace andel::voting {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(ANDEL_SHARED_DATA_DIR) + "/preflib/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<int> Ids(const Profile& profile, const std::vector<int>& candidates) {
  std::vector<int> ids;
  for (int c : candidates) ids.push_back(profile.candidate_ids()[c]);
  std::sort(ids.begin(), ids.end());
  return ids;
}

TEST(RealElections, ReproduceTheExpectedOutcomes) {
  const std::string expected_text = ReadData("EXPECTED.json");
  ASSERT_FALSE(expected_text.empty()) << "../shared/data/preflib/EXPECTED.json is missing";
  const boost::json::object expected = boost::json::parse(expected_text).as_object();
  int checked = 0;
  for (const auto& [file, methods] : expected.at("elections").as_object()) {
    Result<Profile> profile = ReadPrefLib(ReadData(std::string(file)));
    ASSERT_TRUE(profile.has_value()) << file << ": " << profile.error().message;
    for (const auto& [method_name, outcome] : methods.as_object()) {
      SCOPED_TRACE(std::string(file) + " " + std::string(method_name));
      Result<Method> method = ParseMethod(method_name);
      ASSERT_TRUE(method.has_value());
      TallyOptions options;
      const boost::json::object& want = outcome.as_object();
      if (want.contains("elected")) {
        options.seats = static_cast<int>(want.at("elected").as_array().size());
      }
      Result<TallyResult> result = Count(*profile, *method, options);
      ASSERT_TRUE(result.has_value()) << result.error().message;
      if (want.contains("winners")) {
        std::vector<int> winners;
        for (const auto& id : want.at("winners").as_array()) winners.push_back(id.to_number<int>());
        EXPECT_EQ(Ids(*profile, result->winners), winners);
      }
      if (want.contains("elected")) {
        std::vector<int> elected;
        for (const auto& id : want.at("elected").as_array()) elected.push_back(id.to_number<int>());
        EXPECT_EQ(Ids(*profile, result->elected), elected);
      }
      if (want.contains("scores")) {
        ASSERT_TRUE(result->scores.has_value());
        for (const auto& [id, score] : want.at("scores").as_object()) {
          const int c = profile->IndexOf(std::stoi(std::string(id)));
          EXPECT_EQ((*result->scores)[c], score.to_number<double>()) << "candidate " << id;
        }
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 30);
}

TEST(RealElections, EveryFileReads) {
  for (const char* file :
       {"00001-00000002.soi", "00001-00000003.soi", "00002-00000001.toc", "00005-00000001.toi",
        "00016-00000001.toi", "00018-00000003.soi", "00058-00000099.soi"}) {
    SCOPED_TRACE(file);
    Result<Profile> profile = ReadPrefLib(ReadData(file));
    ASSERT_TRUE(profile.has_value()) << profile.error().message << " " << profile.error().where;
    EXPECT_GT(profile->voter_count(), 0);
  }
}

}  // namespace
}  // namespace andel::voting
