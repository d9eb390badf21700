// Recounting an exported decision. The export is read by the decisions library (the one reader of
// the format, every shape checked, errors as values), then counted with the voting library, and
// every figure it publishes compared with the recount.
#include "app/tally_verify.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cassert>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "communities/community.h"
#include "decisions/export.h"
#include "voting/cardinal.h"
#include "voting/motion.h"
#include "voting/result_json.h"
#include "voting/tally.h"

namespace andel::app {
namespace {

namespace json = boost::json;
using decisions::DecisionExport;

// Why the export cannot be checked; the answer 2.
int Refuse(const std::string& message, const std::string& where, std::ostream& err) {
  err << "andel tally: " << message << " (" << where << ")\n";
  return 2;
}

// The candidate index of an id (the reader has checked that every ballot names a candidate).
int IndexOf(const DecisionExport& e, int id) {
  const auto it = std::find_if(e.candidates.begin(), e.candidates.end(),
                               [id](const decisions::Option& option) { return option.id == id; });
  assert(it != e.candidates.end());
  return static_cast<int>(it - e.candidates.begin());
}

Result<voting::TallyResult> Recount(const DecisionExport& e) {
  const int n = static_cast<int>(e.candidates.size());
  const voting::Method method = *decisions::CountingMethod(e.method);
  if (method == voting::Method::kApproval) {
    std::vector<voting::ApprovalBallot> approvals;
    for (const decisions::ExportBallot& entry : e.ballots) {
      voting::ApprovalBallot& approval = approvals.emplace_back();
      for (int id : entry.ballot.approved) approval.approved.push_back(IndexOf(e, id));
    }
    return voting::CountApproval(n, approvals);
  }
  if (method == voting::Method::kScore) {
    std::vector<voting::ScoreBallot> scores;
    for (const decisions::ExportBallot& entry : e.ballots) {
      voting::ScoreBallot& score = scores.emplace_back();
      score.scores.assign(e.candidates.size(), 0);
      for (const auto& [id, value] : entry.ballot.scores) {
        score.scores[static_cast<size_t>(IndexOf(e, id))] = value;
      }
    }
    return voting::CountScore(n, scores, e.max_score.value_or(10));
  }
  std::vector<int> ids;
  std::vector<std::string> names;
  for (const decisions::Option& option : e.candidates) {
    ids.push_back(option.id);
    names.push_back(option.name);
  }
  voting::Profile profile(ids, names);
  for (const decisions::ExportBallot& entry : e.ballots) {
    std::vector<std::vector<int>> order;
    for (const std::vector<int>& position : entry.ballot.ranking) {
      std::vector<int>& tied = order.emplace_back();
      for (int id : position) tied.push_back(IndexOf(e, id));
    }
    if (Status added = profile.Add(order, 1); !added) return added.error();
  }
  voting::TallyOptions options;
  options.seats = static_cast<int>(e.seats.value_or(1));
  options.seed = static_cast<uint64_t>(e.seed.value_or(1));
  return voting::Count(profile, method, options);
}

std::vector<int64_t> Sorted(std::vector<int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::vector<int64_t> SortedIds(const DecisionExport& e, const std::vector<int>& indices) {
  std::vector<int64_t> ids;
  for (int c : indices) ids.push_back(e.candidates[static_cast<size_t>(c)].id);
  return Sorted(std::move(ids));
}

std::string Show(const std::vector<int64_t>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
}

// The export's result as it is written, for comparing figure by figure.
json::object Published(const DecisionExport& e) {
  return json::parse(decisions::WriteDecisionExport(e)).at("result").as_object();
}

// Writes each difference between a published figure and its recount, naming where it is
// ("result.rounds[2].votes.3"); false if there was one.
bool CompareFigure(const std::string& where, const json::value& published,
                   const json::value& recounted, std::ostream& out) {
  if (published == recounted) return true;
  if (published.is_object() && recounted.is_object()) {
    bool same = true;
    for (const auto& [key, value] : recounted.as_object()) {
      const std::string inner = where + "." + std::string(key);
      if (const json::value* figure = published.as_object().if_contains(key)) {
        same = CompareFigure(inner, *figure, value, out) && same;
      } else {
        out << "MISMATCH " << inner << ": not published, recounted " << json::serialize(value)
            << "\n";
        same = false;
      }
    }
    for (const auto& [key, value] : published.as_object()) {
      if (!recounted.as_object().contains(key)) {
        out << "MISMATCH " << where << "." << std::string(key) << ": published "
            << json::serialize(value) << ", not in the recount\n";
        same = false;
      }
    }
    return same;
  }
  if (published.is_array() && recounted.is_array() &&
      published.as_array().size() == recounted.as_array().size()) {
    bool same = true;
    for (size_t i = 0; i < published.as_array().size(); ++i) {
      same = CompareFigure(where + "[" + std::to_string(i) + "]", published.as_array()[i],
                           recounted.as_array()[i], out) &&
             same;
    }
    return same;
  }
  out << "MISMATCH " << where << ": published " << json::serialize(published) << ", recounted "
      << json::serialize(recounted) << "\n";
  return false;
}

// Compares every figure of `recounted` that the export's result publishes (an export written
// before a figure was published lacks it, and is checked on the rest); false on a difference.
bool CompareFigures(const json::object& result, const json::object& recounted, std::ostream& out) {
  bool same = true;
  for (const auto& [key, value] : recounted) {
    if (const json::value* published = result.if_contains(key)) {
      same = CompareFigure("result." + std::string(key), *published, value, out) && same;
    }
  }
  return same;
}

// The voter roll of an export made since rolls exist (exports before have none): its size is its
// list of codes, no code twice, everyone who voted on it, one ballot per voter, and (for motions)
// its weight is the quorum's base. Writes each difference; false if there was one.
bool VerifyRoll(const DecisionExport& e, std::ostream& out) {
  if (!e.roll) return true;
  const decisions::ExportRoll& roll = *e.roll;
  bool ok = true;
  const auto mismatch = [&](const std::string& what) {
    out << "MISMATCH roll: " << what << "\n";
    ok = false;
  };
  std::set<std::string> on_roll;
  for (const std::string& code : roll.codes) {
    if (!on_roll.insert(code).second) mismatch("a code appears twice or is not a text");
  }
  if (static_cast<int64_t>(roll.codes.size()) != roll.size) {
    mismatch("published size " + std::to_string(roll.size) + ", codes listed " +
             std::to_string(roll.codes.size()));
  }
  std::set<std::string> who_voted;
  for (const std::string& code : roll.voted) {
    if (!on_roll.contains(code)) {
      mismatch("someone voted who is not on the roll");
    } else if (!who_voted.insert(code).second) {
      mismatch("someone is listed as voting twice");
    }
  }
  if (who_voted.size() != e.ballots.size()) {
    mismatch(std::to_string(who_voted.size()) + " voters for " + std::to_string(e.ballots.size()) +
             " ballots");
  }
  if (e.eligible && *e.eligible != roll.weight) {
    mismatch("the quorum's base " + std::to_string(*e.eligible) + " is not the roll's weight " +
             std::to_string(roll.weight));
  }
  return ok;
}

// The receipts on the ballots are the public list of receipts, each once; false if not.
bool VerifyReceipts(const DecisionExport& e, std::ostream& out) {
  std::multiset<std::string> on_ballots;
  for (const decisions::ExportBallot& entry : e.ballots) on_ballots.insert(entry.receipt);
  const std::multiset<std::string> listed(e.receipts.begin(), e.receipts.end());
  bool ok = true;
  if (on_ballots != listed) {
    out << "MISMATCH receipts: the ballots and the public list of receipts differ\n";
    ok = false;
  }
  if (std::set<std::string>(listed.begin(), listed.end()).size() != listed.size()) {
    out << "MISMATCH receipts: a receipt appears twice\n";
    ok = false;
  }
  return ok;
}

// Motions and consent: the ballots are choices, not rankings; the result is passed or not.
int VerifyMotion(const DecisionExport& e, std::ostream& out, std::ostream& err) {
  const auto fail = [&err](const std::string& what) {
    return Refuse("the export is malformed", what, err);
  };
  const bool consent = e.method == decisions::Method::kConsent;
  std::vector<voting::MotionVote> votes;
  std::vector<voting::Objection> objections;
  int64_t participated = 0;
  for (const decisions::ExportBallot& entry : e.ballots) {
    if (consent) {
      if (entry.ballot.objection) objections.push_back({*entry.ballot.objection});
      continue;
    }
    votes.push_back({entry.ballot.choice, entry.weight.value_or(1)});
    participated += votes.back().weight;
  }
  bool passed = false;
  std::optional<voting::MotionResult> counted;
  if (consent) {
    Result<voting::ConsentResult> decided = voting::DecideConsent(objections);
    if (!decided) return fail("an objection gives no reason");
    passed = decided->passed;
  } else {
    // ReadDecisionExport has checked that a motion carries its rule.
    assert(e.quorum_percent && e.threshold && e.eligible);
    Result<communities::Fraction> share = communities::ParseFraction(*e.threshold, "threshold");
    if (!share) return fail("threshold must be a share such as 1/2");
    voting::MotionRule rule;
    rule.quorum_percent = static_cast<int>(*e.quorum_percent);
    rule.threshold_num = share->num;
    rule.threshold_den = share->den;
    rule.comparison =
        share->num * 2 == share->den ? voting::Comparison::kMoreThan : voting::Comparison::kAtLeast;
    Result<voting::MotionResult> decided =
        voting::DecideMotion(votes, std::max(*e.eligible, participated), rule);
    if (!decided) return fail(decided.error().message);
    passed = decided->passed;
    counted = *decided;
  }
  bool ok = VerifyRoll(e, out);
  // Every published figure, recounted.
  json::object recounted{{"ballots", static_cast<int64_t>(e.ballots.size())}};
  if (counted) {
    for (const auto& [key, value] : voting::MotionFigures(*counted)) recounted[key] = value;
  }
  const json::object published = Published(e);
  ok = CompareFigures(published, recounted, out) && ok;
  if (consent && published.contains("objections")) {
    // The reasons given (exports before had their number).
    std::multiset<std::string> reasons;
    for (const voting::Objection& objection : objections) reasons.insert(objection.reason);
    const std::optional<std::vector<std::string>>& given = e.result.objections;
    const bool same = given ? std::multiset<std::string>(given->begin(), given->end()) == reasons
                            : e.result.objection_count == static_cast<int64_t>(reasons.size());
    if (!same) {
      out << "MISMATCH result.objections: published " << json::serialize(published.at("objections"))
          << ", recounted " << reasons.size() << " objections\n";
      ok = false;
    }
  }
  // ReadDecisionExport has checked that motions and consent publish whether they passed.
  assert(e.result.passed);
  if (*e.result.passed != passed) {
    out << "MISMATCH result.passed: published " << (*e.result.passed ? "true" : "false")
        << ", recounted " << (passed ? "true" : "false") << "\n";
    ok = false;
  }
  ok = VerifyReceipts(e, out) && ok;
  out << (ok ? "verified" : "not verified") << ": " << (consent ? "consent" : "motion") << ", "
      << e.ballots.size() << " ballots, " << (passed ? "passed" : "rejected") << "\n";
  return ok ? 0 : 1;
}

}  // namespace

int VerifyExport(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::cerr << "andel tally: cannot read the file (" << path << ")\n";
    return 2;
  }
  std::stringstream text;
  text << in.rdbuf();
  return VerifyExportText(text.str(), std::cout, std::cerr);
}

int VerifyExportText(std::string_view text, std::ostream& out, std::ostream& err) {
  Result<DecisionExport> e = decisions::ReadDecisionExport(text);
  if (!e) return Refuse(e.error().message, e.error().where, err);
  if (e->method == decisions::Method::kMotion || e->method == decisions::Method::kConsent) {
    return VerifyMotion(*e, out, err);
  }
  Result<voting::TallyResult> recount = Recount(*e);
  if (!recount) return Refuse(recount.error().message, recount.error().where, err);
  bool ok = VerifyRoll(*e, out);
  const auto id_of = [&e](int index) -> int64_t {
    return e->candidates[static_cast<size_t>(index)].id;
  };
  json::object recounted = voting::TallyFigures(*recount, id_of);
  recounted["ballots"] = static_cast<int64_t>(e->ballots.size());
  // The single winner the seeded lot draws among co-winners.
  if (!recount->winners.empty() && !e->ballots.empty()) {
    recounted["winner"] =
        id_of(voting::DrawWinner(recount->winners, static_cast<uint64_t>(e->seed.value_or(1))));
  }
  ok = CompareFigures(Published(*e), recounted, out) && ok;
  const std::vector<int64_t> winners = SortedIds(*e, recount->winners);
  if (e->result.winners && Sorted(*e->result.winners) != winners) {
    out << "MISMATCH result.winners: published " << Show(Sorted(*e->result.winners))
        << ", recounted " << Show(winners) << "\n";
    ok = false;
  }
  const std::vector<int64_t> elected = SortedIds(*e, recount->elected);
  if (e->result.elected && Sorted(*e->result.elected) != elected) {
    out << "MISMATCH result.elected: published " << Show(Sorted(*e->result.elected))
        << ", recounted " << Show(elected) << "\n";
    ok = false;
  }
  ok = VerifyReceipts(*e, out) && ok;
  out << (ok ? "verified" : "not verified") << ": " << decisions::MethodName(e->method) << ", "
      << e->ballots.size() << " ballots, winners " << Show(winners) << "\n";
  return ok ? 0 : 1;
}

}  // namespace andel::app
