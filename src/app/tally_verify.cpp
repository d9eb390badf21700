// Recounting an exported decision. The export is read into plain values first (every shape
// checked, errors as values), then counted with the voting library.
#include "app/tally_verify.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <iostream>
#include <optional>
#include <set>
#include <sstream>

#include "communities/community.h"
#include "voting/cardinal.h"
#include "voting/motion.h"
#include "voting/result_json.h"
#include "voting/tally.h"

namespace andel::app {
namespace {

namespace json = boost::json;

struct Export {
  voting::Method method = voting::Method::kPlurality;
  voting::TallyOptions options;
  int64_t max_score = 10;
  std::vector<int> ids;
  std::vector<std::string> names;
  std::vector<std::string> ballot_receipts;
  std::vector<std::vector<std::vector<int>>> rankings;  // candidate indices
  std::vector<voting::ApprovalBallot> approvals;
  std::vector<voting::ScoreBallot> scores;
  std::vector<std::string> receipts;
  std::optional<std::vector<int>> winners;  // published ids, ascending
  std::optional<std::vector<int>> elected;
};

Error Malformed(const std::string& what) {
  return Error::InvalidArgument("the export is malformed", what);
}

const json::value* Field(const json::object& object, const char* key) {
  return object.if_contains(key);
}

Result<int64_t> Integer(const json::value* value, const std::string& what) {
  if (!value || !value->is_int64()) return Malformed(what + " must be a whole number");
  return value->as_int64();
}

Result<std::vector<int>> Ids(const json::value* value, const std::string& what) {
  if (!value || !value->is_array()) return Malformed(what + " must be a list of ids");
  std::vector<int> ids;
  for (const json::value& id : value->as_array()) {
    if (!id.is_int64()) return Malformed(what + " must be a list of ids");
    ids.push_back(static_cast<int>(id.as_int64()));
  }
  std::sort(ids.begin(), ids.end());
  return ids;
}

Result<int> Index(const Export& e, int id) {
  auto it = std::find(e.ids.begin(), e.ids.end(), id);
  if (it == e.ids.end()) return Malformed("a ballot names an unknown candidate");
  return static_cast<int>(it - e.ids.begin());
}

Status ReadBallot(const json::object& ballot, Export& e) {
  const json::value* receipt = Field(ballot, "receipt");
  if (!receipt || !receipt->is_string()) return Malformed("every ballot needs its receipt");
  e.ballot_receipts.emplace_back(receipt->as_string());
  if (e.method == voting::Method::kApproval) {
    Result<std::vector<int>> approved = Ids(Field(ballot, "approved"), "approved");
    if (!approved) return approved.error();
    voting::ApprovalBallot approval;
    for (int id : *approved) {
      Result<int> c = Index(e, id);
      if (!c) return c.error();
      approval.approved.push_back(*c);
    }
    e.approvals.push_back(std::move(approval));
    return {};
  }
  if (e.method == voting::Method::kScore) {
    const json::value* scores = Field(ballot, "scores");
    if (!scores || !scores->is_object()) return Malformed("scores must be an object");
    voting::ScoreBallot score;
    score.scores.assign(e.ids.size(), 0);
    for (const auto& [key, value] : scores->as_object()) {
      int id = 0;
      const std::string text(key);
      auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
      if (ec != std::errc() || ptr != text.data() + text.size() || !value.is_int64()) {
        return Malformed("scores map candidate ids to whole numbers");
      }
      Result<int> c = Index(e, id);
      if (!c) return c.error();
      score.scores[*c] = value.as_int64();
    }
    e.scores.push_back(std::move(score));
    return {};
  }
  const json::value* ranking = Field(ballot, "ranking");
  if (!ranking || !ranking->is_array()) return Malformed("ranking must be a list of positions");
  std::vector<std::vector<int>> order;
  for (const json::value& position : ranking->as_array()) {
    Result<std::vector<int>> tied = Ids(&position, "each position of a ranking");
    if (!tied) return tied.error();
    order.emplace_back();
    for (int id : *tied) {
      Result<int> c = Index(e, id);
      if (!c) return c.error();
      order.back().push_back(*c);
    }
  }
  e.rankings.push_back(std::move(order));
  return {};
}

Result<Export> ReadExport(std::string_view text) {
  json::error_code ec;
  json::value parsed = json::parse(text, ec);
  if (ec || !parsed.is_object()) return Malformed("it is not a JSON object");
  const json::object& root = parsed.as_object();
  const json::value* format = Field(root, "format");
  if (!format || *format != "andel-decision-export/1") {
    return Malformed("format must be andel-decision-export/1");
  }
  Export e;
  const json::value* method = Field(root, "method");
  if (!method || !method->is_string()) return Malformed("method must be a method name");
  Result<voting::Method> parsed_method = voting::ParseMethod(method->as_string());
  if (!parsed_method) return parsed_method.error();
  e.method = *parsed_method;
  if (Field(root, "seats")) {
    Result<int64_t> seats = Integer(Field(root, "seats"), "seats");
    if (!seats) return seats.error();
    e.options.seats = static_cast<int>(*seats);
  }
  if (Field(root, "seed")) {
    Result<int64_t> seed = Integer(Field(root, "seed"), "seed");
    if (!seed) return seed.error();
    e.options.seed = static_cast<uint64_t>(*seed);
  }
  if (Field(root, "max_score")) {
    Result<int64_t> max_score = Integer(Field(root, "max_score"), "max_score");
    if (!max_score) return max_score.error();
    e.max_score = *max_score;
  }
  const json::value* candidates = Field(root, "candidates");
  if (!candidates || !candidates->is_array()) return Malformed("candidates must be a list");
  for (const json::value& candidate : candidates->as_array()) {
    if (!candidate.is_object()) return Malformed("each candidate is {\"id\", \"name\"}");
    Result<int64_t> id = Integer(Field(candidate.as_object(), "id"), "a candidate id");
    const json::value* name = Field(candidate.as_object(), "name");
    if (!id || !name || !name->is_string())
      return Malformed("each candidate is {\"id\", \"name\"}");
    e.ids.push_back(static_cast<int>(*id));
    e.names.emplace_back(name->as_string());
  }
  const json::value* ballots = Field(root, "ballots");
  if (!ballots || !ballots->is_array()) return Malformed("ballots must be a list");
  for (const json::value& ballot : ballots->as_array()) {
    if (!ballot.is_object()) return Malformed("each ballot is an object");
    if (Status read = ReadBallot(ballot.as_object(), e); !read) return read.error();
  }
  const json::value* receipts = Field(root, "receipts");
  if (!receipts || !receipts->is_array()) return Malformed("receipts must be a list");
  for (const json::value& receipt : receipts->as_array()) {
    if (!receipt.is_string()) return Malformed("receipts must be a list of strings");
    e.receipts.emplace_back(receipt.as_string());
  }
  const json::value* result = Field(root, "result");
  if (!result || !result->is_object()) return Malformed("result must be an object");
  if (const json::value* winners = Field(result->as_object(), "winners")) {
    Result<std::vector<int>> ids = Ids(winners, "result.winners");
    if (!ids) return ids.error();
    e.winners = *ids;
  }
  if (const json::value* elected = Field(result->as_object(), "elected")) {
    Result<std::vector<int>> ids = Ids(elected, "result.elected");
    if (!ids) return ids.error();
    e.elected = *ids;
  }
  return e;
}

Result<voting::TallyResult> Recount(const Export& e) {
  const int n = static_cast<int>(e.ids.size());
  if (e.method == voting::Method::kApproval) return voting::CountApproval(n, e.approvals);
  if (e.method == voting::Method::kScore) return voting::CountScore(n, e.scores, e.max_score);
  voting::Profile profile(e.ids, e.names);
  for (const auto& order : e.rankings) {
    if (Status added = profile.Add(order, 1); !added) return added.error();
  }
  return voting::Count(profile, e.method, e.options);
}

std::vector<int> SortedIds(const Export& e, const std::vector<int>& indices) {
  std::vector<int> out;
  for (int c : indices) out.push_back(e.ids[c]);
  std::sort(out.begin(), out.end());
  return out;
}

std::string Show(const std::vector<int>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + "]";
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

// Motions and consent: the ballots are choices, not rankings; the result is passed or not.
// The voter roll of an export made since rolls exist (exports before have none): its size is its
// list of codes, no code twice, everyone who voted on it, one ballot per voter, and (for
// motions) its weight is the quorum's base. Writes each difference; false if there was one.
bool VerifyRoll(const json::object& root, size_t ballots, std::ostream& out) {
  const json::value* roll = Field(root, "roll");
  if (!roll) return true;
  bool ok = true;
  const auto mismatch = [&](const std::string& what) {
    out << "MISMATCH roll: " << what << "\n";
    ok = false;
  };
  if (!roll->is_object()) {
    mismatch("the roll is not an object");
    return false;
  }
  const json::object& r = roll->as_object();
  const json::value* size = Field(r, "size");
  const json::value* weight = Field(r, "weight");
  const json::value* codes = Field(r, "codes");
  const json::value* voted = Field(r, "voted");
  if (!size || !size->is_int64() || !weight || !weight->is_int64() || !codes ||
      !codes->is_array() || !voted || !voted->is_array()) {
    mismatch("it needs size, weight, codes and voted");
    return false;
  }
  std::set<std::string> on_roll;
  for (const json::value& code : codes->as_array()) {
    if (!code.is_string() || !on_roll.emplace(code.as_string()).second) {
      mismatch("a code appears twice or is not a text");
    }
  }
  if (static_cast<int64_t>(codes->as_array().size()) != size->as_int64()) {
    mismatch("published size " + std::to_string(size->as_int64()) + ", codes listed " +
             std::to_string(codes->as_array().size()));
  }
  std::set<std::string> who_voted;
  for (const json::value& code : voted->as_array()) {
    if (!code.is_string() || !on_roll.contains(std::string(code.as_string()))) {
      mismatch("someone voted who is not on the roll");
    } else if (!who_voted.emplace(code.as_string()).second) {
      mismatch("someone is listed as voting twice");
    }
  }
  if (who_voted.size() != ballots) {
    mismatch(std::to_string(who_voted.size()) + " voters for " + std::to_string(ballots) +
             " ballots");
  }
  if (const json::value* eligible = Field(root, "eligible");
      eligible && eligible->is_int64() && eligible->as_int64() != weight->as_int64()) {
    mismatch("the quorum's base " + std::to_string(eligible->as_int64()) +
             " is not the roll's weight " + std::to_string(weight->as_int64()));
  }
  return ok;
}

int VerifyMotion(const json::object& root, bool consent, std::ostream& out, std::ostream& err) {
  const auto fail = [&err](const std::string& what) {
    err << "andel tally: the export is malformed (" << what << ")\n";
    return 2;
  };
  const json::value* ballots = Field(root, "ballots");
  const json::value* receipts = Field(root, "receipts");
  const json::value* result = Field(root, "result");
  if (!ballots || !ballots->is_array()) return fail("ballots must be a list");
  if (!receipts || !receipts->is_array()) return fail("receipts must be a list");
  if (!result || !result->is_object()) return fail("result must be an object");
  const json::value* published = Field(result->as_object(), "passed");
  if (!published || !published->is_bool()) return fail("result.passed must be true or false");
  std::multiset<std::string> on_ballots, listed;
  std::vector<voting::MotionVote> votes;
  std::vector<voting::Objection> objections;
  int64_t participated = 0;
  for (const json::value& value : ballots->as_array()) {
    if (!value.is_object()) return fail("each ballot is an object");
    const json::object& ballot = value.as_object();
    const json::value* receipt = Field(ballot, "receipt");
    if (!receipt || !receipt->is_string()) return fail("every ballot needs its receipt");
    on_ballots.emplace(receipt->as_string());
    if (consent) {
      if (const json::value* objection = Field(ballot, "objection")) {
        if (!objection->is_string()) return fail("an objection is a text");
        objections.push_back({std::string(objection->as_string())});
      }
      continue;
    }
    const json::value* choice = Field(ballot, "choice");
    voting::MotionVote vote;
    if (!choice || !choice->is_string()) return fail("a motion ballot has a choice");
    if (*choice == "yes") {
      vote.choice = voting::Choice::kYes;
    } else if (*choice == "no") {
      vote.choice = voting::Choice::kNo;
    } else if (*choice == "abstain") {
      vote.choice = voting::Choice::kAbstain;
    } else {
      return fail("a choice is yes, no or abstain");
    }
    if (Field(ballot, "weight")) {
      Result<int64_t> weight = Integer(Field(ballot, "weight"), "weight");
      if (!weight) return fail("weight must be a whole number");
      vote.weight = *weight;
    }
    participated += vote.weight;
    votes.push_back(vote);
  }
  for (const json::value& receipt : receipts->as_array()) {
    if (!receipt.is_string()) return fail("receipts must be a list of strings");
    listed.emplace(receipt.as_string());
  }
  bool passed = false;
  std::optional<voting::MotionResult> counted;
  if (consent) {
    Result<voting::ConsentResult> decided = voting::DecideConsent(objections);
    if (!decided) return fail("an objection gives no reason");
    passed = decided->passed;
  } else {
    Result<int64_t> quorum = Integer(Field(root, "quorum_percent"), "quorum_percent");
    Result<int64_t> eligible = Integer(Field(root, "eligible"), "eligible");
    const json::value* threshold = Field(root, "threshold");
    if (!quorum || !eligible || !threshold || !threshold->is_string()) {
      return fail("a motion needs quorum_percent, threshold and eligible");
    }
    Result<communities::Fraction> share =
        communities::ParseFraction(threshold->as_string(), "threshold");
    if (!share) return fail("threshold must be a share such as 1/2");
    voting::MotionRule rule;
    rule.quorum_percent = static_cast<int>(*quorum);
    rule.threshold_num = share->num;
    rule.threshold_den = share->den;
    rule.comparison =
        share->num * 2 == share->den ? voting::Comparison::kMoreThan : voting::Comparison::kAtLeast;
    Result<voting::MotionResult> decided =
        voting::DecideMotion(votes, std::max(*eligible, participated), rule);
    if (!decided) return fail(decided.error().message);
    passed = decided->passed;
    counted = *decided;
  }
  bool ok = VerifyRoll(root, on_ballots.size(), out);
  // Every published figure, recounted.
  json::object recounted{{"ballots", static_cast<int64_t>(on_ballots.size())}};
  if (counted) {
    for (const auto& [key, value] : voting::MotionFigures(*counted)) recounted[key] = value;
  }
  ok = CompareFigures(result->as_object(), recounted, out) && ok;
  if (const json::value* published_objections = Field(result->as_object(), "objections");
      consent && published_objections) {
    // The reasons given (exports before had their number).
    std::multiset<std::string> reasons, published_reasons;
    for (const voting::Objection& objection : objections) reasons.insert(objection.reason);
    bool readable = published_objections->is_array();
    if (readable) {
      for (const json::value& reason : published_objections->as_array()) {
        readable = readable && reason.is_string();
        if (reason.is_string()) published_reasons.emplace(reason.as_string());
      }
    }
    const bool same =
        readable ? published_reasons == reasons
                 : published_objections->is_int64() &&
                       published_objections->as_int64() == static_cast<int64_t>(reasons.size());
    if (!same) {
      out << "MISMATCH result.objections: published " << json::serialize(*published_objections)
          << ", recounted " << reasons.size() << " objections\n";
      ok = false;
    }
  }
  if (published->as_bool() != passed) {
    out << "MISMATCH result.passed: published " << (published->as_bool() ? "true" : "false")
        << ", recounted " << (passed ? "true" : "false") << "\n";
    ok = false;
  }
  if (on_ballots != listed) {
    out << "MISMATCH receipts: the ballots and the public list of receipts differ\n";
    ok = false;
  }
  if (std::set<std::string>(listed.begin(), listed.end()).size() != listed.size()) {
    out << "MISMATCH receipts: a receipt appears twice\n";
    ok = false;
  }
  out << (ok ? "verified" : "not verified") << ": " << (consent ? "consent" : "motion") << ", "
      << on_ballots.size() << " ballots, " << (passed ? "passed" : "rejected") << "\n";
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
  {
    json::error_code ec;
    json::value parsed = json::parse(text, ec);
    if (!ec && parsed.is_object()) {
      const json::value* method = Field(parsed.as_object(), "method");
      const json::value* format = Field(parsed.as_object(), "format");
      if (format && *format == "andel-decision-export/1" && method &&
          (*method == "motion" || *method == "consent")) {
        return VerifyMotion(parsed.as_object(), *method == "consent", out, err);
      }
    }
  }
  Result<Export> e = ReadExport(text);
  if (!e) {
    err << "andel tally: " << e.error().message << " (" << e.error().where << ")\n";
    return 2;
  }
  Result<voting::TallyResult> recount = Recount(*e);
  if (!recount) {
    err << "andel tally: " << recount.error().message << " (" << recount.error().where << ")\n";
    return 2;
  }
  // ReadExport has checked that the text is an object with a result object.
  const json::value parsed = json::parse(text);
  const json::object& root = parsed.as_object();
  bool ok = VerifyRoll(root, e->ballot_receipts.size(), out);
  json::object recounted = voting::TallyFigures(*recount, [&](int index) {
    return static_cast<int64_t>(e->ids[static_cast<size_t>(index)]);
  });
  recounted["ballots"] = static_cast<int64_t>(e->ballot_receipts.size());
  // The single winner the seeded lot draws among co-winners.
  if (!recount->winners.empty() && !e->ballot_receipts.empty()) {
    recounted["winner"] =
        e->ids[static_cast<size_t>(voting::DrawWinner(recount->winners, e->options.seed))];
  }
  ok = CompareFigures(root.at("result").as_object(), recounted, out) && ok;
  const std::vector<int> winners = SortedIds(*e, recount->winners);
  if (e->winners && *e->winners != winners) {
    out << "MISMATCH result.winners: published " << Show(*e->winners) << ", recounted "
        << Show(winners) << "\n";
    ok = false;
  }
  const std::vector<int> elected = SortedIds(*e, recount->elected);
  if (e->elected && *e->elected != elected) {
    out << "MISMATCH result.elected: published " << Show(*e->elected) << ", recounted "
        << Show(elected) << "\n";
    ok = false;
  }
  std::multiset<std::string> on_ballots(e->ballot_receipts.begin(), e->ballot_receipts.end());
  std::multiset<std::string> listed(e->receipts.begin(), e->receipts.end());
  if (on_ballots != listed) {
    out << "MISMATCH receipts: the ballots and the public list of receipts differ\n";
    ok = false;
  }
  if (std::set<std::string>(listed.begin(), listed.end()).size() != listed.size()) {
    out << "MISMATCH receipts: a receipt appears twice\n";
    ok = false;
  }
  out << (ok ? "verified" : "not verified") << ": " << voting::MethodName(e->method) << ", "
      << e->ballot_receipts.size() << " ballots, winners " << Show(winners) << "\n";
  return ok ? 0 : 1;
}

}  // namespace andel::app
