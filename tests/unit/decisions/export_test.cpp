// The decision export: hundreds of random exports of every method written and read back equal;
// counted decisions publish the figures voting/result_json.h writes; the real exports kept as
// test data read back to the same bytes; and each malformed export names what is wrong.
#include "decisions/export.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "voting/result_json.h"

namespace andel::decisions {
namespace {

namespace json = boost::json;

constexpr Method kMethods[] = {
    Method::kMotion,   Method::kConsent,     Method::kPlurality,
    Method::kBorda,    Method::kIrv,         Method::kSchulze,
    Method::kStv,      Method::kRankedPairs, Method::kSchulzeWinningVotes,
    Method::kCopeland, Method::kCondorcet,   Method::kApproval,
    Method::kScore};

const char* const kTexts[] = {
    "", "Kantine", "Fælles værksted \"Godsbanen\"", "a\\b\nc\t", "∑", "🚲 cargo", "R1-ABCD"};

std::string Text(std::mt19937_64& random) { return kTexts[random() % std::size(kTexts)]; }

int64_t Number(std::mt19937_64& random) {
  switch (random() % 4) {
    case 0:
      return static_cast<int64_t>(random() % 10);
    case 1:
      return -static_cast<int64_t>(random() % 1000);
    case 2:
      return static_cast<int64_t>(random() >> 1);  // up to 2^63 - 1
    default:
      return static_cast<int64_t>(random() % 1'000'000);
  }
}

std::vector<int64_t> Numbers(std::mt19937_64& random, size_t most) {
  std::vector<int64_t> out(random() % (most + 1));
  for (int64_t& number : out) number = Number(random);
  return out;
}

std::vector<std::string> Texts(std::mt19937_64& random, size_t most) {
  std::vector<std::string> out(random() % (most + 1));
  for (std::string& text : out) text = Text(random);
  return out;
}

// Candidate ids paired with figures, each id once.
std::vector<std::pair<int64_t, int64_t>> ByCandidate(std::mt19937_64& random,
                                                     const std::vector<Option>& candidates) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (const Option& option : candidates) {
    if (random() % 4 != 0) out.emplace_back(option.id, Number(random));
  }
  std::shuffle(out.begin(), out.end(), random);
  return out;
}

// What a ballot of `kind` says, naming only `candidates`.
Ballot RandomBallot(std::mt19937_64& random, Kind kind, const std::vector<Option>& candidates) {
  Ballot ballot;
  std::vector<int> ids;
  for (const Option& option : candidates) ids.push_back(option.id);
  std::shuffle(ids.begin(), ids.end(), random);
  ids.resize(random() % (ids.size() + 1));
  switch (kind) {
    case Kind::kMotion:
      ballot.choice = static_cast<voting::Choice>(random() % 3);
      break;
    case Kind::kConsent:
      if (random() % 2) ballot.objection = Text(random);
      break;
    case Kind::kApproval:
      ballot.approved = ids;
      break;
    case Kind::kScore:
      for (int id : ids) ballot.scores[id] = static_cast<int>(random() % 11);
      break;
    case Kind::kRanked:
      for (int id : ids) {
        if (!ballot.ranking.empty() && random() % 3 == 0) {
          ballot.ranking.back().push_back(id);  // tied with the one before
        } else {
          ballot.ranking.push_back({id});
        }
      }
      break;
  }
  return ballot;
}

ExportResult RandomResult(std::mt19937_64& random, Kind kind,
                          const std::vector<Option>& candidates) {
  const auto maybe = [&random] { return random() % 3 != 0; };
  ExportResult result;
  if (maybe()) result.ballots = Number(random);
  if (kind == Kind::kMotion || kind == Kind::kConsent) result.passed = random() % 2 == 0;
  if (kind == Kind::kMotion && maybe()) {
    result.yes = Number(random);
    result.no = Number(random);
    result.abstain = Number(random);
    if (maybe()) result.eligible = Number(random);
    if (maybe()) result.participated = Number(random);
    if (maybe()) result.quorum_met = random() % 2 == 0;
    if (maybe()) result.threshold_met = random() % 2 == 0;
  }
  if (kind == Kind::kConsent && maybe()) {
    if (random() % 4 == 0) {
      result.objection_count = Number(random);
    } else {
      result.objections = Texts(random, 3);
    }
  }
  if (kind == Kind::kMotion || kind == Kind::kConsent) {
    if (maybe()) result.summary = random() % 2 ? "passed" : "rejected";
    return result;
  }
  if (maybe()) result.winners = Numbers(random, 3);
  if (maybe()) result.winner = Number(random);
  if (maybe()) result.elected = Numbers(random, 3);
  if (maybe()) result.scores = ByCandidate(random, candidates);
  if (maybe()) {
    result.rounds.emplace(random() % 4);
    for (ExportRound& round : *result.rounds) {
      round.votes = ByCandidate(random, candidates);
      round.elected = Numbers(random, 2);
      round.eliminated = Numbers(random, 2);
      round.exhausted = Number(random);
    }
  }
  if (maybe()) result.quota = Number(random);
  if (maybe()) {
    result.pairwise.emplace(candidates.size());
    for (std::vector<int64_t>& row : *result.pairwise) {
      for (size_t b = 0; b < candidates.size(); ++b) row.push_back(Number(random));
    }
  }
  if (maybe()) result.summary = Text(random);
  return result;
}

// Any export whose ballots say only what their method uses, and whose motion carries its rule.
DecisionExport RandomExport(std::mt19937_64& random) {
  const auto maybe = [&random] { return random() % 3 != 0; };
  DecisionExport e;
  e.method = kMethods[random() % std::size(kMethods)];
  const Kind kind = KindOf(e.method);
  const bool motion = kind == Kind::kMotion || kind == Kind::kConsent;
  if (maybe()) e.decision = Number(random);
  if (maybe()) e.title = Text(random);
  if (maybe()) e.secret = random() % 2 == 0;
  if (maybe()) e.opens_at = Number(random);
  if (maybe()) e.closes_at = Number(random);
  if (maybe()) e.seed = Number(random);
  if (maybe()) e.seats = Number(random);
  if (maybe()) e.max_score = Number(random);
  if (e.method == Method::kMotion || maybe()) {
    e.quorum_percent = Number(random);
    e.threshold = random() % 2 ? "1/2" : "2/3";
    e.eligible = Number(random);
  }
  if (maybe()) e.weighted = random() % 2 == 0;
  if (maybe())
    e.roll = ExportRoll{Number(random), Number(random), Texts(random, 4), Texts(random, 4)};
  const size_t options = motion && random() % 2 ? 0 : 2 + random() % 4;
  for (size_t i = 0; i < options; ++i) {
    e.candidates.push_back({static_cast<int>(1 + 3 * i + random() % 3), Text(random)});
  }
  const size_t ballots = random() % 7;
  for (size_t b = 0; b < ballots; ++b) {
    ExportBallot& entry = e.ballots.emplace_back();
    entry.receipt = Text(random) + std::to_string(b);
    entry.ballot = RandomBallot(random, kind, e.candidates);
    if (random() % 4 == 0) entry.weight = Number(random);
    e.receipts.push_back(entry.receipt);
  }
  std::shuffle(e.receipts.begin(), e.receipts.end(), random);
  if (random() % 5 == 0) e.receipts.push_back(Text(random));
  e.result = RandomResult(random, kind, e.candidates);
  return e;
}

TEST(DecisionExport, RandomExportsReadBackEqual) {
  constexpr uint64_t kSeed = 20261215;
  std::mt19937_64 random(kSeed);
  for (int trial = 0; trial < 1000; ++trial) {
    const DecisionExport e = RandomExport(random);
    const std::string written = WriteDecisionExport(e);
    SCOPED_TRACE("seed " + std::to_string(kSeed) + ", trial " + std::to_string(trial) + ": " +
                 written);
    Result<DecisionExport> read = ReadDecisionExport(written);
    ASSERT_TRUE(read.has_value()) << read.error().message << " (" << read.error().where << ")";
    EXPECT_TRUE(*read == e);
    EXPECT_EQ(WriteDecisionExport(*read), written);
  }
}

// A decision of `method` with random options and ballots, counted; none if the count refuses it
// (a tie too wide for ranked pairs).
struct Counted {
  Decision decision;
  std::vector<StoredBallot> ballots;
  Outcome outcome;
};

std::optional<Counted> RandomCount(std::mt19937_64& random, Method method) {
  Counted c;
  Decision& d = c.decision;
  d.method = method;
  d.id = 1 + static_cast<int64_t>(random() % 100);
  const int options = 2 + static_cast<int>(random() % 4);
  for (int i = 0; i < options; ++i) d.options.push_back({0, "Option " + std::to_string(i)});
  d.seats = 1 + static_cast<int>(random() % (options - 1));
  d.max_score = 1 + static_cast<int>(random() % 9);
  d.weighted = random() % 2 == 0;
  d.opens_at = 1000;
  d.closes_at = 2000;
  d.seed = 1 + random() % 100000;
  EXPECT_TRUE(ValidateDecision(d).has_value());
  d.closed_at = 2001;
  d.eligible_weight = 30;
  const Kind kind = KindOf(method);
  for (int b = 0; b < static_cast<int>(random() % 10); ++b) {
    Ballot ballot = RandomBallot(random, kind, d.options);
    if (ballot.objection && ballot.objection->empty()) ballot.objection = "Not on Tuesdays";
    if (kind == Kind::kScore) {
      for (auto& [id, score] : ballot.scores) score %= d.max_score + 1;
    }
    c.ballots.push_back(
        {"R" + std::to_string(b), FormatBallot(d, ballot), 1 + static_cast<int64_t>(random() % 3)});
  }
  Result<Outcome> outcome = Count(d, c.ballots, d.eligible_weight);
  if (!outcome) return std::nullopt;
  c.outcome = std::move(*outcome);
  d.result = FormatResultSummary(c.outcome);
  return c;
}

TEST(DecisionExport, CountedDecisionsPublishTheCountsFigures) {
  constexpr uint64_t kSeed = 20261216;
  std::mt19937_64 random(kSeed);
  int counted = 0;
  for (int trial = 0; trial < 650; ++trial) {
    std::optional<Counted> c = RandomCount(random, kMethods[trial % std::size(kMethods)]);
    if (!c) continue;
    SCOPED_TRACE("seed " + std::to_string(kSeed) + ", trial " + std::to_string(trial));
    const Decision& d = c->decision;
    Result<DecisionExport> e =
        ExportOf(d, "Title", {3, 3, {"A", "B", "C"}, {"B"}}, c->ballots, c->outcome);
    ASSERT_TRUE(e.has_value());
    const std::string written = WriteDecisionExport(*e);
    Result<DecisionExport> read = ReadDecisionExport(written);
    ASSERT_TRUE(read.has_value()) << read.error().where << "\n" << written;
    EXPECT_TRUE(*read == *e) << written;
    // Every figure of the count, as voting/result_json.h writes it.
    const json::object result = json::parse(written).at("result").as_object();
    json::object figures;
    if (c->outcome.motion) figures = voting::MotionFigures(*c->outcome.motion);
    if (c->outcome.tally) {
      figures = voting::TallyFigures(*c->outcome.tally, [&d](int index) {
        return static_cast<int64_t>(d.options[static_cast<size_t>(index)].id);
      });
    }
    for (const auto& [key, value] : figures) {
      ASSERT_TRUE(result.contains(key)) << key << "\n" << written;
      EXPECT_EQ(result.at(key), value) << key << "\n" << written;
    }
    EXPECT_EQ(result.at("ballots").as_int64(), static_cast<int64_t>(c->ballots.size()));
    EXPECT_EQ(result.at("summary").as_string(), d.result);
    EXPECT_EQ(e->ballots.size(), c->ballots.size());
    ++counted;
  }
  EXPECT_GT(counted, 600);
}

std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(ANDEL_SOURCE_DIR) + "/" + path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(DecisionExport, RealExportsReadBackTheSame) {
  // Exports the server wrote (kept with some letters escaped as \u00e6): written again to the same
  // JSON, member for member in the same order.
  for (const char* name : {"irv-figures", "motion-figures", "stv-figures"}) {
    SCOPED_TRACE(name);
    const std::string text =
        ReadSource("tests/fuzz/corpus/tally_verify/" + std::string(name) + ".json");
    ASSERT_FALSE(text.empty());
    Result<DecisionExport> read = ReadDecisionExport(text);
    ASSERT_TRUE(read.has_value()) << read.error().where;
    const std::string written = WriteDecisionExport(*read);
    EXPECT_TRUE(written == json::serialize(json::parse(text))) << written;
  }
  // Every export kept as test data that reads (older and hand-made ones included): its export,
  // written and read again, is the same.
  int readable = 0;
  for (const char* dir : {"tests/fuzz/corpus/tally_verify", "tests/cli/exports"}) {
    for (const auto& entry :
         std::filesystem::directory_iterator(std::string(ANDEL_SOURCE_DIR) + "/" + dir)) {
      SCOPED_TRACE(entry.path().filename().string());
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream text;
      text << in.rdbuf();
      Result<DecisionExport> read = ReadDecisionExport(text.str());
      if (!read) continue;
      Result<DecisionExport> again = ReadDecisionExport(WriteDecisionExport(*read));
      ASSERT_TRUE(again.has_value()) << again.error().where;
      EXPECT_TRUE(*again == *read);
      ++readable;
    }
  }
  EXPECT_GE(readable, 15);
}

// A ranked export, a motion and a score vote, each well formed; the cases below break one part.
constexpr std::string_view kRanked =
    R"({"format":"andel-decision-export/1","method":"schulze","seed":1,)"
    R"("candidates":[{"id":1,"name":"A"},{"id":2,"name":"B"}],)"
    R"("ballots":[{"ranking":[[1],[2]],"receipt":"r1"}],"receipts":["r1"],)"
    R"("roll":{"size":1,"weight":1,"codes":["C1"],"voted":["C1"]},)"
    R"("result":{"winners":[1],"rounds":[],"pairwise":[[0,1],[0,0]]}})";
constexpr std::string_view kMotion =
    R"({"format":"andel-decision-export/1","method":"motion","quorum_percent":50,)"
    R"("threshold":"1/2","eligible":4,"ballots":[{"choice":"yes","receipt":"r1","weight":1}],)"
    R"("receipts":["r1"],"result":{"passed":true,"yes":1}})";
constexpr std::string_view kScore =
    R"({"format":"andel-decision-export/1","method":"score","max_score":5,)"
    R"("candidates":[{"id":1,"name":"A"},{"id":2,"name":"B"}],)"
    R"("ballots":[{"scores":{"1":5,"2":0},"receipt":"r1"}],"receipts":["r1"],)"
    R"("result":{"scores":{"1":5,"2":0}}})";

struct Malformed {
  std::string_view base;
  std::string_view part;  // replaced by `replacement`
  std::string_view replacement;
  std::string_view where;  // what the error says is wrong
};

const Malformed kMalformed[] = {
    {kRanked, R"({"format")", R"([{"format")", "it is not a JSON object"},
    {kRanked, "andel-decision-export/1", "andel-decision-export/2",
     "format must be andel-decision-export/1"},
    {kRanked, R"("method":"schulze")", R"("method":7)", "method must be a method name"},
    {kRanked, R"("method":"schulze")", R"("method":"dictator")", "method"},
    {kRanked, R"("seed":1)", R"("seed":"1")", "seed must be a whole number"},
    {kRanked, R"("id":2,)", R"("id":"2",)", R"(each candidate is {"id", "name"})"},
    {kRanked, R"("candidates")", R"("nominees")", "candidates must be a list"},
    {kRanked, R"("ballots":[{)", R"("ballots":[3,{)", "each ballot is an object"},
    {kRanked, R"("receipt":"r1")", R"("receipt":1)", "every ballot needs its receipt"},
    {kRanked, R"("ranking":[[1],[2]])", R"("ranking":{})", "ranking must be a list of positions"},
    {kRanked, R"("ranking":[[1],[2]])", R"("ranking":[1,2])",
     "each position of a ranking must be a list of ids"},
    {kRanked, R"("ranking":[[1],[2]])", R"("ranking":[[1],[7]])",
     "a ballot names an unknown candidate"},
    {kRanked, R"("receipts":["r1"])", R"("receipts":"r1")", "receipts must be a list"},
    {kRanked, R"("receipts":["r1"])", R"("receipts":[1])", "receipts must be a list of strings"},
    {kRanked, R"("winners":[1])", R"("winners":1)", "result.winners must be a list of ids"},
    {kRanked, R"({"size":1,"weight":1,"codes":["C1"],"voted":["C1"]})", R"("C1")",
     "roll must be an object"},
    {kRanked, R"("voted":["C1"])", R"("who":["C1"])", "roll needs size, weight, codes and voted"},
    {kRanked, R"("codes":["C1"])", R"("codes":[1])", "roll.codes must be a list of texts"},
    {kRanked, R"("rounds":[])", R"("rounds":[{}])",
     "result.rounds[0] needs votes, elected, eliminated and exhausted"},
    {kRanked, R"("pairwise":[[0,1],[0,0]])", R"("pairwise":[[0,1],[0,"0"]])",
     "result.pairwise must be rows of whole numbers"},
    {kRanked, R"("seed":1,)", R"("seed":1,"title":2,)", "title must be a text"},
    {kMotion, R"("passed":true)", R"("passed":"yes")", "result.passed must be true or false"},
    {kMotion, R"("choice":"yes")", R"("choice":"maybe")", "a choice is yes, no or abstain"},
    {kMotion, R"("choice":"yes",)", "", "a motion ballot has a choice"},
    {kMotion, R"("weight":1)", R"("weight":1.5)", "weight must be a whole number"},
    {kMotion, R"("eligible":4,)", "", "a motion needs quorum_percent, threshold and eligible"},
    {kMotion, R"("yes":1)", R"("yes":true)", "result.yes must be a whole number"},
    {kMotion, R"("method":"motion")", R"("method":"consent")", ""},  // reads: consent
    {kScore, R"("scores":{"1":5,"2":0},"receipt")", R"("scores":[5,0],"receipt")",
     "scores must be an object"},
    {kScore, R"("scores":{"1":5,"2":0},"receipt")", R"("scores":{"one":5},"receipt")",
     "scores map candidate ids to whole numbers"},
    {kScore, R"("scores":{"1":5,"2":0}})", R"("scores":{"1":"5"}})",
     "result.scores must map candidate ids to whole numbers"},
    {kScore, R"("scores":{"1":5,"2":0}})", R"("scores":{"01":5}})",
     "result.scores must map candidate ids to whole numbers"},
};

TEST(DecisionExport, MalformedExportsNameWhatIsWrong) {
  for (std::string_view base : {kRanked, kMotion, kScore}) {
    Result<DecisionExport> read = ReadDecisionExport(base);
    ASSERT_TRUE(read.has_value()) << read.error().where;
  }
  Result<DecisionExport> consent =
      ReadDecisionExport(R"({"format":"andel-decision-export/1","method":"consent",)"
                         R"("ballots":[{"receipt":"a","objection":3}],"receipts":["a"],)"
                         R"("result":{"passed":false}})");
  ASSERT_FALSE(consent.has_value());
  EXPECT_EQ(consent.error().where, "an objection is a text");
  for (const Malformed& c : kMalformed) {
    std::string text(c.base);
    const size_t at = text.find(c.part);
    ASSERT_NE(at, std::string::npos) << c.part;
    text.replace(at, c.part.size(), c.replacement);
    SCOPED_TRACE(text);
    Result<DecisionExport> read = ReadDecisionExport(text);
    if (c.where.empty()) {
      EXPECT_TRUE(read.has_value());
      continue;
    }
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(read.error().where, c.where);
    EXPECT_EQ(read.error().message,
              c.where == "method" ? "unknown counting method" : "the export is malformed");
  }
}

}  // namespace
}  // namespace andel::decisions
