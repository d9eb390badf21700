#include "decisions/decision.h"

#include <algorithm>
#include <charconv>
#include <set>

#include "core/text.h"

namespace andel::decisions {
namespace {

constexpr int64_t kYear = 366 * 24 * 3600;

bool ParseInt(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

bool HasOption(const Decision& decision, int id) {
  return std::any_of(decision.options.begin(), decision.options.end(),
                     [id](const Option& option) { return option.id == id; });
}

Error BadBallot(std::string message) {
  return Error::InvalidArgument(std::move(message), "ballot");
}

}  // namespace

std::string_view Name(AmendmentStatus status) {
  switch (status) {
    case AmendmentStatus::kProposed:
      return "proposed";
    case AmendmentStatus::kAccepted:
      return "accepted";
    case AmendmentStatus::kRejected:
      return "rejected";
  }
  return "proposed";
}

Result<AmendmentStatus> ParseAmendmentStatus(std::string_view text) {
  for (AmendmentStatus status :
       {AmendmentStatus::kProposed, AmendmentStatus::kAccepted, AmendmentStatus::kRejected}) {
    if (Name(status) == text) return status;
  }
  return Error::InvalidArgument("unknown amendment status", "status");
}

Kind KindOf(const Decision& decision) { return KindOf(decision.method); }

voting::MotionRule RuleOf(const Decision& decision) {
  voting::MotionRule rule;
  rule.quorum_percent = decision.quorum_percent;
  rule.threshold_num = decision.threshold.num;
  rule.threshold_den = decision.threshold.den;
  // A half means more than half; any other share means at least that share.
  rule.comparison = decision.threshold.num * 2 == decision.threshold.den
                        ? voting::Comparison::kMoreThan
                        : voting::Comparison::kAtLeast;
  return rule;
}

Phase PhaseAt(const Decision& decision, int64_t now) {
  if (decision.closed_at != 0) return Phase::kClosed;
  if (now < decision.opens_at) return Phase::kUpcoming;
  if (now < decision.closes_at) return Phase::kOpen;
  return Phase::kClosing;
}

std::string_view Name(Phase phase) {
  switch (phase) {
    case Phase::kUpcoming:
      return "upcoming";
    case Phase::kOpen:
      return "open";
    case Phase::kClosing:
      return "closing";
    case Phase::kClosed:
      return "closed";
  }
  return "open";
}

Result<std::string> ValidateText(std::string_view text, std::string_view field, size_t max) {
  if (!IsValidUtf8(text)) {
    return Error::InvalidArgument("the text is not valid UTF-8", std::string(field));
  }
  const std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return Error::InvalidArgument("please write something", std::string(field));
  if (CodePointCount(trimmed) > max) {
    return Error::InvalidArgument("the text is too long", std::string(field));
  }
  return std::string(trimmed);
}

Status ValidateProposal(Proposal& proposal) {
  Result<std::string> title = ValidateText(proposal.title, "title", 200);
  if (!title) return title.error();
  if (title->find('\n') != std::string::npos) {
    return Error::InvalidArgument("a title is one line", "title");
  }
  Result<std::string> body = ValidateText(proposal.body, "body", 50000);
  if (!body) return body.error();
  proposal.title = std::move(*title);
  proposal.body = std::move(*body);
  return {};
}

Status ValidateDecision(Decision& decision) {
  if (decision.secret && decision.live_results) {
    return Error::InvalidArgument("a secret vote shows its result only when it has closed",
                                  "live_results");
  }
  const Kind kind = KindOf(decision);
  const bool has_options = kind != Kind::kMotion && kind != Kind::kConsent;
  if (!has_options) {
    decision.options.clear();
  } else {
    if (decision.options.size() < 2) {
      return Error::InvalidArgument("give at least two options", "options");
    }
    if (decision.options.size() > 50) {
      return Error::InvalidArgument("a decision can have at most 50 options", "options");
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < decision.options.size(); ++i) {
      Option& option = decision.options[i];
      Result<std::string> name = ValidateText(option.name, "options", 200);
      if (!name) return name.error();
      option.name = std::move(*name);
      option.id = static_cast<int>(i) + 1;
      if (!seen.insert(FoldCase(option.name)).second) {
        return Error::InvalidArgument("two options have the same name", "options");
      }
    }
  }
  if (decision.method == Method::kStv) {
    if (decision.seats < 1 || decision.seats >= static_cast<int>(decision.options.size())) {
      return Error::InvalidArgument("seats must be at least 1 and fewer than the candidates",
                                    "seats");
    }
  } else {
    decision.seats = 1;
  }
  if (decision.max_score < 1 || decision.max_score > 100) {
    return Error::InvalidArgument("the highest score must be 1-100", "max_score");
  }
  if (decision.quorum_percent < 0 || decision.quorum_percent > 100) {
    return Error::InvalidArgument("the quorum must be 0-100 percent", "quorum");
  }
  const communities::Fraction& t = decision.threshold;
  if (t.den <= 0 || t.num <= 0 || t.num > t.den) {
    return Error::InvalidArgument("the threshold must be a share above 0 and at most 1",
                                  "threshold");
  }
  if (kind != Kind::kMotion) decision.weighted = false;
  if (decision.closes_at <= decision.opens_at) {
    return Error::InvalidArgument("the vote must close after it opens", "closes_at");
  }
  if (decision.closes_at - decision.opens_at > kYear) {
    return Error::InvalidArgument("a vote can be open for at most a year", "closes_at");
  }
  return {};
}

std::string FormatBallot(const Decision& decision, const Ballot& ballot) {
  switch (KindOf(decision)) {
    case Kind::kMotion:
      return ballot.choice == voting::Choice::kYes  ? "yes"
             : ballot.choice == voting::Choice::kNo ? "no"
                                                    : "abstain";
    case Kind::kConsent:
      return ballot.objection ? "object:" + *ballot.objection : "consent";
    case Kind::kApproval: {
      std::string out;
      for (int id : ballot.approved) out += (out.empty() ? "" : " ") + std::to_string(id);
      return out;
    }
    case Kind::kScore: {
      std::string out;
      for (const auto& [id, score] : ballot.scores) {
        if (score == 0) continue;
        out += (out.empty() ? "" : " ") + std::to_string(id) + ":" + std::to_string(score);
      }
      return out;
    }
    case Kind::kRanked: {
      std::string out;
      for (const std::vector<int>& position : ballot.ranking) {
        if (!out.empty()) out += ' ';
        for (size_t i = 0; i < position.size(); ++i) {
          out += (i ? "=" : "") + std::to_string(position[i]);
        }
      }
      return out;
    }
  }
  return {};
}

Status ValidateBallot(const Decision& decision, const Ballot& ballot) {
  switch (KindOf(decision)) {
    case Kind::kMotion:
      return {};
    case Kind::kConsent:
      if (ballot.objection) {
        Result<std::string> reason = ValidateText(*ballot.objection, "reason", 2000);
        if (!reason) {
          return Error::InvalidArgument("an objection must give its reason", "reason");
        }
      }
      return {};
    case Kind::kApproval: {
      std::set<int> seen;
      for (int id : ballot.approved) {
        if (!HasOption(decision, id)) return BadBallot("the ballot names an unknown option");
        if (!seen.insert(id).second) return BadBallot("the ballot names an option twice");
      }
      return {};
    }
    case Kind::kScore:
      for (const auto& [id, score] : ballot.scores) {
        if (!HasOption(decision, id)) return BadBallot("the ballot names an unknown option");
        if (score < 0 || score > decision.max_score) {
          return Error::InvalidArgument("a score is out of range", "score");
        }
      }
      return {};
    case Kind::kRanked: {
      std::set<int> seen;
      for (const std::vector<int>& position : ballot.ranking) {
        if (position.empty()) return BadBallot("the ranking has an empty position");
        for (int id : position) {
          if (!HasOption(decision, id)) return BadBallot("the ballot names an unknown option");
          if (!seen.insert(id).second) return BadBallot("the ballot names an option twice");
        }
      }
      return {};
    }
  }
  return {};
}

Result<Ballot> ParseBallot(const Decision& decision, std::string_view text) {
  Ballot ballot;
  switch (KindOf(decision)) {
    case Kind::kMotion:
      if (text == "yes") {
        ballot.choice = voting::Choice::kYes;
      } else if (text == "no") {
        ballot.choice = voting::Choice::kNo;
      } else if (text == "abstain") {
        ballot.choice = voting::Choice::kAbstain;
      } else {
        return BadBallot("choose yes, no or abstain");
      }
      break;
    case Kind::kConsent:
      if (text.starts_with("object:")) {
        ballot.objection = std::string(text.substr(7));
      } else if (text != "consent") {
        return BadBallot("consent, or object with a reason");
      }
      break;
    case Kind::kApproval:
      for (std::string_view item : Split(text, ' ')) {
        if (item.empty()) continue;
        int id = 0;
        if (!ParseInt(item, id)) return BadBallot("the ballot is not well formed");
        ballot.approved.push_back(id);
      }
      std::sort(ballot.approved.begin(), ballot.approved.end());
      break;
    case Kind::kScore:
      for (std::string_view item : Split(text, ' ')) {
        if (item.empty()) continue;
        const size_t colon = item.find(':');
        int id = 0;
        int score = 0;
        if (colon == std::string_view::npos || !ParseInt(item.substr(0, colon), id) ||
            !ParseInt(item.substr(colon + 1), score)) {
          return BadBallot("the ballot is not well formed");
        }
        if (!ballot.scores.emplace(id, score).second) {
          return BadBallot("the ballot names an option twice");
        }
      }
      break;
    case Kind::kRanked:
      for (std::string_view item : Split(text, ' ')) {
        if (item.empty()) continue;
        std::vector<int> position;
        for (std::string_view part : Split(item, '=')) {
          int id = 0;
          if (!ParseInt(part, id)) return BadBallot("the ballot is not well formed");
          position.push_back(id);
        }
        ballot.ranking.push_back(std::move(position));
      }
      break;
  }
  if (Status valid = ValidateBallot(decision, ballot); !valid) return valid.error();
  return ballot;
}

Result<std::vector<std::vector<int>>> RankingFromNumbers(const Decision& decision,
                                                         const std::map<int, int>& numbers) {
  std::map<int, std::vector<int>> by_rank;
  for (const auto& [id, number] : numbers) {
    if (!HasOption(decision, id)) return BadBallot("the ballot names an unknown option");
    if (number < 1 || number > static_cast<int>(decision.options.size())) {
      return Error::InvalidArgument("a rank must be a number from 1 to the number of options",
                                    "rank");
    }
    by_rank[number].push_back(id);
  }
  std::vector<std::vector<int>> ranking;
  for (auto& [number, ids] : by_rank) ranking.push_back(std::move(ids));
  return ranking;
}

}  // namespace andel::decisions
