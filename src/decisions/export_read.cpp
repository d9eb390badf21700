// Reading the decision export: every member's shape checked, with the errors `andel tally
// --verify` has always given, in the order it has always checked them (motions and consent on
// their own path, as their ballots are not rankings); then the members it did not need.
#include <boost/json.hpp>
#include <limits>

#include "decisions/export.h"
#include "decisions/export_members.h"

namespace andel::decisions {
namespace {

namespace json = boost::json;
using export_members::Figures;
using export_members::Malformed;
using export_members::Member;
using export_members::Members;
using export_members::WholeNumber;

bool IsCandidate(const std::vector<Option>& candidates, int64_t id) {
  for (const Option& option : candidates) {
    if (option.id == id) return true;
  }
  return false;
}

// The ids a ballot lists (`what`: "approved"), each naming a candidate.
Result<std::vector<int>> CandidateIds(const json::value* value, const std::string& what,
                                      const std::vector<Option>& candidates) {
  if (!value || !value->is_array()) return Malformed(what + " must be a list of ids");
  for (const json::value& id : value->as_array()) {
    if (!id.is_int64()) return Malformed(what + " must be a list of ids");
  }
  std::vector<int> ids;
  for (const json::value& id : value->as_array()) {
    if (!IsCandidate(candidates, id.as_int64())) {
      return Malformed("a ballot names an unknown candidate");
    }
    ids.push_back(static_cast<int>(id.as_int64()));
  }
  return ids;
}

// What one ballot says, in the member its method publishes.
Result<Ballot> ReadChoices(const json::object& entry, Kind kind,
                           const std::vector<Option>& candidates) {
  Ballot ballot;
  switch (kind) {
    case Kind::kMotion: {
      const json::value* choice = Member(entry, "choice");
      if (!choice || !choice->is_string()) return Malformed("a motion ballot has a choice");
      if (*choice == "yes") {
        ballot.choice = voting::Choice::kYes;
      } else if (*choice == "no") {
        ballot.choice = voting::Choice::kNo;
      } else if (*choice == "abstain") {
        ballot.choice = voting::Choice::kAbstain;
      } else {
        return Malformed("a choice is yes, no or abstain");
      }
      return ballot;
    }
    case Kind::kConsent:
      if (const json::value* objection = Member(entry, "objection")) {
        if (!objection->is_string()) return Malformed("an objection is a text");
        ballot.objection = std::string(objection->as_string());
      }
      return ballot;
    case Kind::kApproval: {
      Result<std::vector<int>> approved =
          CandidateIds(Member(entry, "approved"), "approved", candidates);
      if (!approved) return approved.error();
      ballot.approved = std::move(*approved);
      return ballot;
    }
    case Kind::kScore: {
      const json::value* scores = Member(entry, "scores");
      if (!scores || !scores->is_object()) return Malformed("scores must be an object");
      for (const auto& member : scores->as_object()) {
        const std::optional<int64_t> id = WholeNumber(member.key());
        const json::value& score = member.value();
        if (!id || !score.is_int64() || score.as_int64() < std::numeric_limits<int>::min() ||
            score.as_int64() > std::numeric_limits<int>::max()) {
          return Malformed("scores map candidate ids to whole numbers");
        }
        if (!IsCandidate(candidates, *id)) return Malformed("a ballot names an unknown candidate");
        ballot.scores[static_cast<int>(*id)] = static_cast<int>(score.as_int64());
      }
      return ballot;
    }
    case Kind::kRanked: {
      const json::value* ranking = Member(entry, "ranking");
      if (!ranking || !ranking->is_array()) return Malformed("ranking must be a list of positions");
      for (const json::value& position : ranking->as_array()) {
        Result<std::vector<int>> tied =
            CandidateIds(&position, "each position of a ranking", candidates);
        if (!tied) return tied.error();
        ballot.ranking.push_back(std::move(*tied));
      }
      return ballot;
    }
  }
  return ballot;
}

Result<std::vector<ExportBallot>> ReadBallots(const json::array& ballots, Kind kind,
                                              const std::vector<Option>& candidates) {
  std::vector<ExportBallot> out;
  for (const json::value& value : ballots) {
    if (!value.is_object()) return Malformed("each ballot is an object");
    const json::object& entry = value.as_object();
    const json::value* receipt = Member(entry, "receipt");
    if (!receipt || !receipt->is_string()) return Malformed("every ballot needs its receipt");
    Result<Ballot> ballot = ReadChoices(entry, kind, candidates);
    if (!ballot) return ballot.error();
    ExportBallot& read = out.emplace_back();
    read.receipt = std::string(receipt->as_string());
    read.ballot = std::move(*ballot);
    if (const json::value* weight = Member(entry, "weight")) {
      if (!weight->is_int64()) return Malformed("weight must be a whole number");
      read.weight = weight->as_int64();
    }
  }
  return out;
}

Result<std::vector<std::string>> ReadReceipts(const json::array& receipts) {
  std::vector<std::string> out;
  for (const json::value& receipt : receipts) {
    if (!receipt.is_string()) return Malformed("receipts must be a list of strings");
    out.emplace_back(receipt.as_string());
  }
  return out;
}

Result<std::vector<Option>> ReadCandidates(const json::value* candidates) {
  if (!candidates || !candidates->is_array()) return Malformed("candidates must be a list");
  std::vector<Option> out;
  for (const json::value& candidate : candidates->as_array()) {
    const json::value* id = candidate.is_object() ? Member(candidate.as_object(), "id") : nullptr;
    const json::value* name =
        candidate.is_object() ? Member(candidate.as_object(), "name") : nullptr;
    if (!id || !id->is_int64() || id->as_int64() < std::numeric_limits<int>::min() ||
        id->as_int64() > std::numeric_limits<int>::max() || !name || !name->is_string()) {
      return Malformed("each candidate is {\"id\", \"name\"}");
    }
    out.push_back({static_cast<int>(id->as_int64()), std::string(name->as_string())});
  }
  return out;
}

Result<ExportRoll> ReadRoll(const json::value& roll) {
  if (!roll.is_object()) return Malformed("roll must be an object");
  Members members(roll.as_object(), "roll.");
  const std::optional<int64_t> size = members.Number("size");
  const std::optional<int64_t> weight = members.Number("weight");
  std::optional<std::vector<std::string>> codes = members.Texts("codes");
  std::optional<std::vector<std::string>> voted = members.Texts("voted");
  if (members.error()) return *members.error();
  if (!size || !weight || !codes || !voted) {
    return Malformed("roll needs size, weight, codes and voted");
  }
  return ExportRoll{*size, *weight, std::move(*codes), std::move(*voted)};
}

Result<std::vector<ExportRound>> ReadRounds(const json::value& rounds) {
  if (!rounds.is_array()) return Malformed("result.rounds must be a list");
  std::vector<ExportRound> out;
  for (const json::value& round : rounds.as_array()) {
    const std::string where = "result.rounds[" + std::to_string(out.size()) + "]";
    if (!round.is_object()) return Malformed(where + " must be an object");
    Members members(round.as_object(), where + ".");
    std::optional<Figures> votes = members.ByCandidate("votes");
    std::optional<std::vector<int64_t>> elected = members.Ids("elected");
    std::optional<std::vector<int64_t>> eliminated = members.Ids("eliminated");
    const std::optional<int64_t> exhausted = members.Number("exhausted");
    if (members.error()) return *members.error();
    if (!votes || !elected || !eliminated || !exhausted) {
      return Malformed(where + " needs votes, elected, eliminated and exhausted");
    }
    out.push_back({std::move(*votes), std::move(*elected), std::move(*eliminated), *exhausted});
  }
  return out;
}

Result<std::vector<std::vector<int64_t>>> ReadMatrix(const json::value& matrix) {
  const Error bad = Malformed("result.pairwise must be rows of whole numbers");
  if (!matrix.is_array()) return bad;
  std::vector<std::vector<int64_t>> rows;
  for (const json::value& row : matrix.as_array()) {
    if (!row.is_array()) return bad;
    std::vector<int64_t>& numbers = rows.emplace_back();
    for (const json::value& number : row.as_array()) {
      if (!number.is_int64()) return bad;
      numbers.push_back(number.as_int64());
    }
  }
  return rows;
}

// The figures of the result, each as published.
Result<ExportResult> ReadResult(const json::object& object) {
  ExportResult result;
  Members members(object, "result.");
  result.ballots = members.Number("ballots");
  result.yes = members.Number("yes");
  result.no = members.Number("no");
  result.abstain = members.Number("abstain");
  result.eligible = members.Number("eligible");
  result.participated = members.Number("participated");
  result.quorum_met = members.Truth("quorum_met");
  result.threshold_met = members.Truth("threshold_met");
  result.passed = members.Truth("passed");
  result.winners = members.Ids("winners");
  result.winner = members.Number("winner");
  result.elected = members.Ids("elected");
  result.scores = members.ByCandidate("scores");
  result.quota = members.Number("quota");
  result.summary = members.Text("summary");
  if (members.error()) return *members.error();
  if (const json::value* objections = Member(object, "objections")) {
    if (objections->is_int64()) {
      result.objection_count = objections->as_int64();
    } else {
      Members reasons(object, "result.");
      result.objections = reasons.Texts("objections");
      if (reasons.error()) return *reasons.error();
    }
  }
  if (const json::value* rounds = Member(object, "rounds")) {
    Result<std::vector<ExportRound>> read = ReadRounds(*rounds);
    if (!read) return read.error();
    result.rounds = std::move(*read);
  }
  if (const json::value* pairwise = Member(object, "pairwise")) {
    Result<std::vector<std::vector<int64_t>>> read = ReadMatrix(*pairwise);
    if (!read) return read.error();
    result.pairwise = std::move(*read);
  }
  return result;
}

// Motions and consent: the lists and the result's verdict first, then each ballot and receipt,
// then a motion's rule. The export with its ballots and receipts.
Result<DecisionExport> ReadMotionCore(const json::object& root, Method method) {
  const json::value* ballots = Member(root, "ballots");
  const json::value* receipts = Member(root, "receipts");
  const json::value* result = Member(root, "result");
  if (!ballots || !ballots->is_array()) return Malformed("ballots must be a list");
  if (!receipts || !receipts->is_array()) return Malformed("receipts must be a list");
  if (!result || !result->is_object()) return Malformed("result must be an object");
  const json::value* passed = Member(result->as_object(), "passed");
  if (!passed || !passed->is_bool()) return Malformed("result.passed must be true or false");
  DecisionExport out;
  out.method = method;
  Result<std::vector<ExportBallot>> read = ReadBallots(ballots->as_array(), KindOf(method), {});
  if (!read) return read.error();
  out.ballots = std::move(*read);
  Result<std::vector<std::string>> listed = ReadReceipts(receipts->as_array());
  if (!listed) return listed.error();
  out.receipts = std::move(*listed);
  if (method != Method::kMotion) return out;
  const json::value* quorum = Member(root, "quorum_percent");
  const json::value* eligible = Member(root, "eligible");
  const json::value* threshold = Member(root, "threshold");
  if (!quorum || !quorum->is_int64() || !eligible || !eligible->is_int64() || !threshold ||
      !threshold->is_string()) {
    return Malformed("a motion needs quorum_percent, threshold and eligible");
  }
  return out;
}

// The other methods: the count's settings, the candidates, the ballots, the receipts and the
// published winners. The export with its settings, candidates, ballots and receipts.
Result<DecisionExport> ReadCountCore(const json::object& root, Method method) {
  DecisionExport out;
  out.method = method;
  Members settings(root, "");
  out.seats = settings.Number("seats");
  out.seed = settings.Number("seed");
  out.max_score = settings.Number("max_score");
  if (settings.error()) return *settings.error();
  Result<std::vector<Option>> candidates = ReadCandidates(Member(root, "candidates"));
  if (!candidates) return candidates.error();
  out.candidates = std::move(*candidates);
  const json::value* ballots = Member(root, "ballots");
  if (!ballots || !ballots->is_array()) return Malformed("ballots must be a list");
  Result<std::vector<ExportBallot>> read =
      ReadBallots(ballots->as_array(), KindOf(method), out.candidates);
  if (!read) return read.error();
  out.ballots = std::move(*read);
  const json::value* receipts = Member(root, "receipts");
  if (!receipts || !receipts->is_array()) return Malformed("receipts must be a list");
  Result<std::vector<std::string>> listed = ReadReceipts(receipts->as_array());
  if (!listed) return listed.error();
  out.receipts = std::move(*listed);
  const json::value* result = Member(root, "result");
  if (!result || !result->is_object()) return Malformed("result must be an object");
  Members winners(result->as_object(), "result.");
  out.result.winners = winners.Ids("winners");
  out.result.elected = winners.Ids("elected");
  if (winners.error()) return *winners.error();
  return out;
}

}  // namespace

Result<DecisionExport> ReadDecisionExport(std::string_view text) {
  json::error_code ec;
  const json::value parsed = json::parse(text, ec);
  if (ec || !parsed.is_object()) return Malformed("it is not a JSON object");
  const json::object& root = parsed.as_object();
  const json::value* format = Member(root, "format");
  if (!format || !format->is_string() || format->as_string() != kDecisionExportFormat) {
    return Malformed("format must be andel-decision-export/1");
  }
  const json::value* name = Member(root, "method");
  if (!name || !name->is_string()) return Malformed("method must be a method name");
  Result<Method> method = ParseMethod(name->as_string());
  if (!method) return Error::InvalidArgument("unknown counting method", "method");
  const bool motion = *method == Method::kMotion || *method == Method::kConsent;
  Result<DecisionExport> core =
      motion ? ReadMotionCore(root, *method) : ReadCountCore(root, *method);
  if (!core) return core.error();
  // Then the members the recount does not need.
  DecisionExport out = std::move(*core);
  Members members(root, "");
  out.decision = members.Number("decision");
  out.title = members.Text("title");
  out.secret = members.Truth("secret");
  out.opens_at = members.Number("opens_at");
  out.closes_at = members.Number("closes_at");
  out.seed = members.Number("seed");
  out.seats = members.Number("seats");
  out.max_score = members.Number("max_score");
  out.quorum_percent = members.Number("quorum_percent");
  out.threshold = members.Text("threshold");
  out.weighted = members.Truth("weighted");
  out.eligible = members.Number("eligible");
  if (members.error()) return *members.error();
  if (const json::value* roll = Member(root, "roll")) {
    Result<ExportRoll> read = ReadRoll(*roll);
    if (!read) return read.error();
    out.roll = std::move(*read);
  }
  // A motion's export need not list its (no) candidates.
  if (const json::value* candidates = Member(root, "candidates"); motion && candidates) {
    Result<std::vector<Option>> read = ReadCandidates(candidates);
    if (!read) return read.error();
    out.candidates = std::move(*read);
  }
  Result<ExportResult> result = ReadResult(root.at("result").as_object());
  if (!result) return result.error();
  out.result = std::move(*result);
  return out;
}

}  // namespace andel::decisions
