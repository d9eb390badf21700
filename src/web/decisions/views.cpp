#include "web/decisions/views.h"

#include <algorithm>
#include <cstdio>

#include "voting/tally.h"

namespace andel::web {
namespace {

using decisions::Decision;
using decisions::Kind;

const std::string& OptionName(const Decision& decision, int id) {
  static const std::string kUnknown("?");
  for (const decisions::Option& option : decision.options) {
    if (option.id == id) return option.name;
  }
  return kUnknown;
}

std::string Percent(const Context& ctx, int64_t part, int64_t whole) {
  if (whole <= 0) return "0 %";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f",
                100.0 * static_cast<double>(part) / static_cast<double>(whole));
  std::string text = buffer;
  if (ctx.language != "en") std::replace(text.begin(), text.end(), '.', ',');
  return text + " %";
}

// STV votes are kept in hundred-thousandths: "1234.56789" (decimal comma in da and nl).
std::string Votes(const Context& ctx, int64_t votes, bool fractional) {
  if (!fractional) return FormatInteger(ctx.language, votes);
  // STV counts in hundred-thousandths of a vote: as many decimals as the value needs.
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%05lld", static_cast<long long>(votes % 100000));
  std::string fraction = buffer;
  while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
  const std::string whole = FormatInteger(ctx.language, votes / 100000);
  if (fraction.empty()) return whole;
  return whole + (ctx.language == "en" ? "." : ",") + fraction;
}

std::string Names(const Decision& decision, const std::vector<int>& ids) {
  std::string out;
  for (int id : ids) out += (out.empty() ? "" : ", ") + OptionName(decision, id);
  return out;
}

}  // namespace

std::string MethodLabel(const Context& ctx, decisions::Method method) {
  static const std::string kMotion = "Yes / no / abstain";
  static const std::string kConsent = "Consent";
  static const std::string kApproval = "Approval voting";
  static const std::string kScore = "Score voting";
  static const std::string kPlurality = "Plurality (first preferences)";
  static const std::string kBorda = "Borda count";
  static const std::string kIrv = "Instant-runoff voting";
  static const std::string kSchulze = "Schulze (margins)";
  static const std::string kSchulzeWv = "Schulze (winning votes)";
  static const std::string kRankedPairs = "Ranked pairs";
  static const std::string kCopeland = "Copeland";
  static const std::string kCondorcet = "Condorcet winner";
  static const std::string kStv = "Single transferable vote (several seats)";
  switch (method) {
    case decisions::Method::kMotion:
      return ctx.T(kMotion);
    case decisions::Method::kConsent:
      return ctx.T(kConsent);
    case decisions::Method::kApproval:
      return ctx.T(kApproval);
    case decisions::Method::kScore:
      return ctx.T(kScore);
    case decisions::Method::kPlurality:
      return ctx.T(kPlurality);
    case decisions::Method::kBorda:
      return ctx.T(kBorda);
    case decisions::Method::kIrv:
      return ctx.T(kIrv);
    case decisions::Method::kSchulze:
      return ctx.T(kSchulze);
    case decisions::Method::kSchulzeWinningVotes:
      return ctx.T(kSchulzeWv);
    case decisions::Method::kRankedPairs:
      return ctx.T(kRankedPairs);
    case decisions::Method::kCopeland:
      return ctx.T(kCopeland);
    case decisions::Method::kCondorcet:
      return ctx.T(kCondorcet);
    case decisions::Method::kStv:
      return ctx.T(kStv);
  }
  return ctx.T(kMotion);
}

std::string PhaseLabel(const Context& ctx, decisions::Phase phase) {
  static const std::string kUpcoming = "Not open yet";
  static const std::string kOpen = "Open for votes";
  static const std::string kClosing = "Being counted";
  static const std::string kClosed = "Closed";
  switch (phase) {
    case decisions::Phase::kUpcoming:
      return ctx.T(kUpcoming);
    case decisions::Phase::kOpen:
      return ctx.T(kOpen);
    case decisions::Phase::kClosing:
      return ctx.T(kClosing);
    case decisions::Phase::kClosed:
      return ctx.T(kClosed);
  }
  return ctx.T(kOpen);
}

ViewData MethodOptions(const Context& ctx, const std::string& selected) {
  ViewData list = MakeList();
  for (decisions::Method method :
       {decisions::Method::kMotion, decisions::Method::kConsent, decisions::Method::kApproval,
        decisions::Method::kScore, decisions::Method::kIrv, decisions::Method::kSchulze,
        decisions::Method::kSchulzeWinningVotes, decisions::Method::kRankedPairs,
        decisions::Method::kCopeland, decisions::Method::kCondorcet, decisions::Method::kBorda,
        decisions::Method::kPlurality, decisions::Method::kStv}) {
    const std::string name(decisions::MethodName(method));
    ViewData item = MakeObject();
    item.set("value", name);
    item.set("label", MethodLabel(ctx, method));
    if (selected == name) item.set("selected", true);
    list.push_back(item);
  }
  return list;
}

ViewData DecisionItem(const Context& ctx, const Decision& decision) {
  ViewData item = MakeObject();
  const decisions::Phase phase = decisions::PhaseAt(decision, ctx.Now());
  item.set("id", std::to_string(decision.id));
  item.set("method", std::string(decisions::MethodName(decision.method)));
  item.set("method_label", MethodLabel(ctx, decision.method));
  item.set("phase", std::string(decisions::Name(phase)));
  item.set("phase_label", PhaseLabel(ctx, phase));
  if (phase == decisions::Phase::kOpen) item.set("is_open", true);
  if (phase == decisions::Phase::kUpcoming) item.set("is_upcoming", true);
  if (phase == decisions::Phase::kClosed) item.set("is_closed", true);
  item.set("opens_at", FormatDateTime(ctx.language, decision.opens_at));
  item.set("closes_at", FormatDateTime(ctx.language, decision.closes_at));
  if (decision.secret) item.set("secret", true);
  if (decision.live_results) item.set("live_results", true);
  const Kind kind = decisions::KindOf(decision);
  if (kind == Kind::kMotion) {
    item.set("is_motion", true);
    item.set("quorum", std::to_string(decision.quorum_percent) + " %");
    const bool half = decision.threshold.num * 2 == decision.threshold.den;
    item.set("threshold", (half ? ctx.T("more than") : ctx.T("at least")) + " " +
                              communities::FormatFraction(decision.threshold));
    if (decision.weighted) item.set("weighted", true);
  }
  if (kind == Kind::kConsent) item.set("is_consent", true);
  if (kind == Kind::kApproval) item.set("is_approval", true);
  if (kind == Kind::kScore) {
    item.set("is_score", true);
    item.set("max_score", std::to_string(decision.max_score));
  }
  if (kind == Kind::kRanked) item.set("is_ranked", true);
  if (decision.method == decisions::Method::kStv) {
    item.set("seats", FormatInteger(ctx.language, decision.seats));
    item.set("seats_text", ctx.N("{n} seat", "{n} seats", decision.seats));
  }
  ViewData options = MakeList();
  for (const decisions::Option& option : decision.options) {
    ViewData entry = MakeObject();
    entry.set("id", std::to_string(option.id));
    entry.set("name", option.name);
    ViewData ranks = MakeList();
    for (size_t r = 1; r <= decision.options.size(); ++r) {
      ViewData rank = MakeObject();
      rank.set("value", std::to_string(r));
      ranks.push_back(rank);
    }
    entry.set("ranks", ranks);
    ViewData scores = MakeList();
    for (int s = 0; s <= decision.max_score && kind == Kind::kScore; ++s) {
      ViewData score = MakeObject();
      score.set("value", std::to_string(s));
      scores.push_back(score);
    }
    entry.set("scores", scores);
    options.push_back(entry);
  }
  item.set("options", options);
  return item;
}

std::string DescribeBallot(const Context& ctx, const Decision& decision,
                           const decisions::Ballot& ballot) {
  switch (decisions::KindOf(decision)) {
    case Kind::kMotion:
      return ballot.choice == voting::Choice::kYes  ? ctx.T("Yes")
             : ballot.choice == voting::Choice::kNo ? ctx.T("No")
                                                    : ctx.T("Abstain");
    case Kind::kConsent:
      return ballot.objection ? ctx.T("Objection") + ": " + *ballot.objection : ctx.T("Consent");
    case Kind::kApproval:
      return ballot.approved.empty() ? ctx.T("None") : Names(decision, ballot.approved);
    case Kind::kScore: {
      std::string out;
      for (const auto& [id, score] : ballot.scores) {
        out += (out.empty() ? "" : " · ") + OptionName(decision, id) + ": " + std::to_string(score);
      }
      return out.empty() ? ctx.T("None") : out;
    }
    case Kind::kRanked: {
      std::string out;
      for (size_t i = 0; i < ballot.ranking.size(); ++i) {
        out += (i ? " · " : "") + std::to_string(i + 1) + ". ";
        for (size_t j = 0; j < ballot.ranking[i].size(); ++j) {
          out += (j ? " = " : "") + OptionName(decision, ballot.ranking[i][j]);
        }
      }
      return out.empty() ? ctx.T("None") : out;
    }
  }
  return {};
}

ViewData OutcomeItem(const Context& ctx, const Decision& decision,
                     const decisions::Outcome& outcome) {
  ViewData item = MakeObject();
  item.set("ballots", FormatInteger(ctx.language, outcome.ballots));
  item.set("ballots_text", ctx.N("{n} ballot", "{n} ballots", outcome.ballots));
  if (decisions::PhaseAt(decision, ctx.Now()) != decisions::Phase::kClosed) item.set("live", true);
  if (outcome.motion) {
    const voting::MotionResult& m = *outcome.motion;
    item.set("motion", true);
    item.set("yes", FormatInteger(ctx.language, m.yes));
    item.set("no", FormatInteger(ctx.language, m.no));
    item.set("abstain", FormatInteger(ctx.language, m.abstain));
    item.set("yes_share", Percent(ctx, m.yes, m.yes + m.no));
    item.set("no_share", Percent(ctx, m.no, m.yes + m.no));
    item.set("participated", FormatInteger(ctx.language, m.participated));
    item.set("eligible", FormatInteger(ctx.language, m.eligible));
    item.set("turnout", Percent(ctx, m.participated, m.eligible));
    item.set("quorum", std::to_string(decision.quorum_percent) + " %");
    const bool half = decision.threshold.num * 2 == decision.threshold.den;
    item.set("threshold", (half ? ctx.T("more than") : ctx.T("at least")) + " " +
                              communities::FormatFraction(decision.threshold));
    if (m.quorum_met) item.set("quorum_met", true);
    if (m.threshold_met) item.set("threshold_met", true);
  }
  if (outcome.consent) {
    item.set("consent", true);
    item.set("objection_count", FormatInteger(ctx.language, outcome.consent->objections));
    item.set("objections_text",
             ctx.N("{n} objection", "{n} objections", outcome.consent->objections));
    ViewData reasons = MakeList();
    for (const std::string& reason : outcome.objections) {
      ViewData entry = MakeObject();
      entry.set("reason", reason);
      reasons.push_back(entry);
    }
    item.set("objections", reasons);
  }
  if (outcome.kind == Kind::kMotion || outcome.kind == Kind::kConsent) {
    item.set(outcome.passed ? "passed" : "rejected", true);
    return item;
  }
  // Without a ballot nobody leads, whatever the tie-break would say.
  item.set("has_winners", !outcome.winners.empty() && outcome.ballots > 0);
  item.set("winners", Names(decision, outcome.winners));
  if (outcome.winners.size() > 1 && outcome.winner && decision.method != decisions::Method::kStv) {
    item.set("tie", true);
    item.set("winner", OptionName(decision, *outcome.winner));
  }
  if (!outcome.elected.empty()) item.set("elected", Names(decision, outcome.elected));
  const voting::TallyResult& tally = *outcome.tally;
  const bool stv = decision.method == decisions::Method::kStv;
  if (tally.scores) {
    std::vector<size_t> order(decision.options.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return (*tally.scores)[a] > (*tally.scores)[b]; });
    ViewData scores = MakeList();
    for (size_t i : order) {
      ViewData entry = MakeObject();
      entry.set("name", decision.options[i].name);
      entry.set("score", FormatInteger(ctx.language, (*tally.scores)[i]));
      if (std::count(tally.winners.begin(), tally.winners.end(), static_cast<int>(i))) {
        entry.set("won", true);
      }
      scores.push_back(entry);
    }
    item.set("scores", scores);
    item.set("has_scores", true);
  }
  if (!tally.rounds.empty()) {
    ViewData header = MakeList();
    for (size_t r = 0; r < tally.rounds.size(); ++r) {
      ViewData cell = MakeObject();
      cell.set("label", std::to_string(r + 1));
      header.push_back(cell);
    }
    item.set("round_numbers", header);
    ViewData rows = MakeList();
    for (size_t c = 0; c < decision.options.size(); ++c) {
      ViewData row = MakeObject();
      row.set("name", decision.options[c].name);
      ViewData cells = MakeList();
      for (const voting::Round& round : tally.rounds) {
        ViewData cell = MakeObject();
        for (const auto& [candidate, votes] : round.votes) {
          if (candidate == static_cast<int>(c)) cell.set("cell_votes", Votes(ctx, votes, stv));
        }
        if (std::count(round.elected.begin(), round.elected.end(), static_cast<int>(c))) {
          cell.set("cell_elected", true);
        }
        if (std::count(round.eliminated.begin(), round.eliminated.end(), static_cast<int>(c))) {
          cell.set("cell_eliminated", true);
        }
        cells.push_back(cell);
      }
      row.set("cells", cells);
      rows.push_back(row);
    }
    item.set("rounds", rows);
    item.set("has_rounds", true);
    ViewData exhausted = MakeList();
    for (const voting::Round& round : tally.rounds) {
      ViewData cell = MakeObject();
      cell.set("cell_votes", Votes(ctx, round.exhausted, stv));
      exhausted.push_back(cell);
    }
    item.set("exhausted", exhausted);
    if (stv) item.set("quota", Votes(ctx, tally.quota, true));
  }
  if (tally.pairwise) {
    const voting::PairwiseMatrix& matrix = *tally.pairwise;
    ViewData header = MakeList();
    ViewData rows = MakeList();
    for (int a = 0; a < matrix.candidate_count; ++a) {
      ViewData cell = MakeObject();
      cell.set("name", decision.options[static_cast<size_t>(a)].name);
      header.push_back(cell);
      ViewData row = MakeObject();
      row.set("name", decision.options[static_cast<size_t>(a)].name);
      ViewData cells = MakeList();
      for (int b = 0; b < matrix.candidate_count; ++b) {
        ViewData entry = MakeObject();
        if (a == b) {
          entry.set("self", true);
        } else {
          entry.set("support", FormatInteger(ctx.language, matrix.at(a, b)));
          const int64_t for_a = matrix.at(a, b), for_b = matrix.at(b, a);
          entry.set("class", for_a > for_b ? "win" : for_a < for_b ? "loss" : "tie");
        }
        cells.push_back(entry);
      }
      row.set("cells", cells);
      rows.push_back(row);
    }
    item.set("matrix_header", header);
    item.set("matrix", rows);
    item.set("has_matrix", true);
  }
  return item;
}

}  // namespace andel::web
