// `andel tally --verify` on many small random decisions of every method: an export whose result
// carries the figures as the server publishes them (voting/result_json.h) is verified, and any
// one published number changed by one — a score, a round's votes, the quota, a pairwise entry,
// the number of ballots, a winner — is caught and named where it is.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "app/tally_verify.h"
#include "voting/cardinal.h"
#include "voting/result_json.h"
#include "voting/tally.h"

namespace andel {
namespace {

namespace json = boost::json;
using voting::Method;

struct Leaf {
  std::string where;
  json::value* value;
};

// Every whole number in the result, with its place as the verifier names it.
void Leaves(const std::string& where, json::value& value, std::vector<Leaf>& out) {
  if (value.is_int64()) out.push_back({where, &value});
  if (value.is_object()) {
    for (auto& [key, inner] : value.as_object()) Leaves(where + "." + std::string(key), inner, out);
  }
  if (value.is_array()) {
    for (size_t i = 0; i < value.as_array().size(); ++i) {
      Leaves(where + "[" + std::to_string(i) + "]", value.as_array()[i], out);
    }
  }
}

// A random decision of `method`, counted and exported as the server does.
json::object RandomExport(Method method, std::mt19937_64& random) {
  const int n = 2 + static_cast<int>(random() % 4);
  const int ballots = 1 + static_cast<int>(random() % 12);
  const int seats = method == Method::kStv ? 1 + static_cast<int>(random() % (n - 1)) : 1;
  const uint64_t seed = 1 + random() % 1000;
  std::vector<int> ids;
  std::vector<std::string> names;
  json::array candidates;
  for (int c = 0; c < n; ++c) {
    ids.push_back(10 + 3 * c);
    names.push_back("Option " + std::to_string(c));
    candidates.push_back(json::object{{"id", ids.back()}, {"name", names.back()}});
  }
  json::array ballot_list, receipts;
  voting::Profile profile(ids, names);
  std::vector<voting::ApprovalBallot> approvals;
  std::vector<voting::ScoreBallot> scores;
  constexpr int64_t kMaxScore = 5;
  for (int b = 0; b < ballots; ++b) {
    const std::string receipt = "R" + std::to_string(b);
    json::object ballot{{"receipt", receipt}};
    if (method == Method::kApproval) {
      voting::ApprovalBallot approval;
      json::array approved;
      for (int c = 0; c < n; ++c) {
        if (random() % 2) {
          approval.approved.push_back(c);
          approved.push_back(ids[c]);
        }
      }
      approvals.push_back(approval);
      ballot["approved"] = std::move(approved);
    } else if (method == Method::kScore) {
      voting::ScoreBallot score;
      json::object given;
      for (int c = 0; c < n; ++c) {
        score.scores.push_back(static_cast<int64_t>(random() % (kMaxScore + 1)));
        given[std::to_string(ids[c])] = score.scores.back();
      }
      scores.push_back(score);
      ballot["scores"] = std::move(given);
    } else {
      std::vector<int> order(n);
      for (int c = 0; c < n; ++c) order[c] = c;
      std::shuffle(order.begin(), order.end(), random);
      order.resize(1 + random() % n);
      std::vector<std::vector<int>> ranking;
      json::array positions;
      for (const int c : order) {
        ranking.push_back({c});
        positions.push_back(json::array{ids[c]});
      }
      EXPECT_TRUE(profile.Add(ranking, 1).has_value());
      ballot["ranking"] = std::move(positions);
    }
    ballot_list.push_back(std::move(ballot));
    receipts.push_back(json::string(receipt));
  }
  voting::TallyOptions options;
  options.seats = seats;
  options.seed = seed;
  Result<voting::TallyResult> tally =
      method == Method::kApproval ? voting::CountApproval(n, approvals)
      : method == Method::kScore  ? voting::CountScore(n, scores, kMaxScore)
                                  : voting::Count(profile, method, options);
  EXPECT_TRUE(tally.has_value());
  json::object result = voting::TallyFigures(*tally, [&](int c) { return int64_t{ids[c]}; });
  result["ballots"] = ballots;
  json::array winners, elected;
  for (const int c : tally->winners) winners.push_back(ids[c]);
  for (const int c : tally->elected) elected.push_back(ids[c]);
  result["winners"] = std::move(winners);
  if (!tally->winners.empty()) result["winner"] = ids[voting::DrawWinner(tally->winners, seed)];
  if (method == Method::kStv) result["elected"] = std::move(elected);
  json::object root{{"format", "andel-decision-export/1"}, {"method", voting::MethodName(method)},
                    {"seed", static_cast<int64_t>(seed)},  {"candidates", std::move(candidates)},
                    {"ballots", std::move(ballot_list)},   {"receipts", std::move(receipts)},
                    {"result", std::move(result)}};
  if (method == Method::kStv) root["seats"] = seats;
  if (method == Method::kScore) root["max_score"] = kMaxScore;
  return root;
}

TEST(VerifyProperty, EveryPublishedFigureIsRecountedAndEveryChangeNamed) {
  const Method methods[] = {
      Method::kPlurality, Method::kBorda,     Method::kIrv, Method::kSchulze,  Method::kRankedPairs,
      Method::kCopeland,  Method::kCondorcet, Method::kStv, Method::kApproval, Method::kScore};
  std::mt19937_64 random(20261207);
  int changed = 0;
  for (int trial = 0; trial < 600; ++trial) {
    const Method method = methods[trial % std::size(methods)];
    json::value root = RandomExport(method, random);
    std::ostringstream out, err;
    ASSERT_EQ(app::VerifyExportText(json::serialize(root), out, err), 0)
        << json::serialize(root) << "\n"
        << out.str() << err.str();
    std::vector<Leaf> leaves;
    Leaves("result", root.as_object()["result"], leaves);
    ASSERT_FALSE(leaves.empty());
    const Leaf& leaf = leaves[random() % leaves.size()];
    *leaf.value = leaf.value->as_int64() + 1;
    std::ostringstream forged_out, forged_err;
    const int status = app::VerifyExportText(json::serialize(root), forged_out, forged_err);
    // A winner or an elected id moved onto another candidate's id is still a mismatch; moved
    // onto no candidate's id, the export no longer reads.
    if (status == 2) continue;
    EXPECT_EQ(status, 1) << leaf.where << "\n" << json::serialize(root) << "\n" << forged_out.str();
    // A list of winners is named as a whole, every other figure by its own path.
    std::string where = leaf.where;
    for (const char* list : {"result.winners", "result.elected"}) {
      if (where.starts_with(list)) where = list;
    }
    const bool named = forged_out.str().find("MISMATCH " + where) != std::string::npos;
    EXPECT_TRUE(named) << leaf.where << "\n" << forged_out.str();
    ++changed;
  }
  EXPECT_GT(changed, 500);
}

}  // namespace
}  // namespace andel
