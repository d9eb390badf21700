#include "web/communities/audit_sentences.h"

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <string_view>

#include "core/text.h"
#include "web/communities/views.h"
#include "web/decisions/views.h"
#include "web/forms.h"
#include "web/funds/actions.h"
#include "web/i18n.h"
#include "web/impact/actions.h"
#include "web/incubator/actions.h"

namespace andel::web {
namespace {

using store::AuditName;
using store::AuditRef;
using Names = std::map<AuditRef, AuditName>;
// The parts of a sentence: {name} → its HTML.
using Parts = std::initializer_list<std::pair<std::string_view, std::string>>;

int64_t ToInteger(std::string_view text) {
  int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

class Sentence {
 public:
  Sentence(const Context& ctx, const store::AuditEvent& event, const Names& names)
      : ctx_(ctx), event_(event), names_(names) {}

  // The value `key` of the event, or "".
  std::string Value(const std::string& key) const {
    auto it = event_.values.find(key);
    return it == event_.values.end() ? std::string() : it->second;
  }

  // The n-th object of the event as a link under its current name, escaped.
  std::string Object(size_t n) const {
    if (n >= event_.refs.size()) return HtmlEscape(ctx_.T("something since deleted"));
    const AuditRef& ref = event_.refs[n];
    auto it = names_.find(ref);
    if (it == names_.end()) return HtmlEscape(ctx_.T("something since deleted"));
    const AuditName& name = it->second;
    const std::string base = "/c/" + ctx_.community->slug;
    std::string label = name.name;
    std::string href;
    const std::string id = std::to_string(ref.id);
    const std::string parent = std::to_string(name.parent_id);
    if (ref.kind == "member") {
      href = base + "/members/" + id;
    } else if (ref.kind == "proposal") {
      href = base + "/proposals/" + id;
    } else if (ref.kind == "decision") {
      href = base + "/proposals/" + parent;
    } else if (ref.kind == "fund") {
      href = base + "/funds/" + id;
    } else if (ref.kind == "fund project" || ref.kind == "project") {
      href = base + "/funds/" + parent + "#project-" + id;
    } else if (ref.kind == "initiative") {
      href = base + "/initiatives/" + id;
    } else if (ref.kind == "indicator" || ref.kind == "measurement") {
      href = base + "/impact/indicators/" + (ref.kind == "indicator" ? id : parent);
      if (!name.catalogue_key.empty()) label = ctx_.T(name.name);
    } else if (ref.kind == "community") {
      href = "/c/" + name.slug;
    } else if (ref.kind == "sroi") {
      href = base + "/impact/sroi/" + id;
    } else if (ref.kind == "value case") {
      href = base + "/impact/cases/" + id;
    } else if (ref.kind == "category") {
      label = ctx_.language == "da" && !name.name_da.empty()   ? name.name_da
              : ctx_.language == "nl" && !name.name_nl.empty() ? name.name_nl
                                                               : name.name;
    }
    if (href.empty()) return HtmlEscape(label);
    return "<a href=\"" + HtmlEscape(href) + "\">" + HtmlEscape(label) + "</a>";
  }

  // The translation of `text` with each {name} replaced by its HTML, in one pass (a name's value
  // is never searched for further names).
  std::string T(const char* text, Parts parts) const { return Fill(ctx_.T(text), parts); }
  std::string N(const char* singular, const char* plural, int64_t n, Parts parts) const {
    return Fill(ctx_.N(singular, plural, n), parts);
  }

  std::string Role(const std::string& code) const {
    Result<communities::Role> role = communities::ParseRole(code);
    return HtmlEscape(role ? RoleLabel(ctx_, *role) : code);
  }
  std::string Status(const std::string& code) const {
    Result<communities::MemberStatus> status = communities::ParseMemberStatus(code);
    return HtmlEscape(status ? StatusLabel(ctx_, *status) : code);
  }
  std::string Stage(const std::string& code) const {
    Result<incubator::Stage> stage = incubator::ParseStage(code);
    return HtmlEscape(stage ? StageLabel(ctx_, *stage) : code);
  }
  std::string Time(const std::string& seconds) const {
    return HtmlEscape(FormatDateTime(ctx_.language, ToInteger(seconds)));
  }

  const Context& ctx() const { return ctx_; }

 private:
  static std::string Fill(const std::string& translated, Parts parts) {
    std::string out;
    size_t at = 0;
    while (at < translated.size()) {
      const size_t open = translated.find('{', at);
      const size_t close = open == std::string::npos ? open : translated.find('}', open);
      if (close == std::string::npos) break;
      out += HtmlEscape(std::string_view(translated).substr(at, open - at));
      const std::string_view name = std::string_view(translated).substr(open + 1, close - open - 1);
      const auto part =
          std::find_if(parts.begin(), parts.end(), [&](const auto& p) { return p.first == name; });
      out += part != parts.end() ? part->second
                                 : HtmlEscape(translated.substr(open, close - open + 1));
      at = close + 1;
    }
    if (at < translated.size()) out += HtmlEscape(std::string_view(translated).substr(at));
    return out;
  }

  const Context& ctx_;
  const store::AuditEvent& event_;
  const Names& names_;
};

std::string CommunitySentence(const Sentence& s, const std::string& action) {
  if (action == "community.created") return s.T("Created the community", {});
  if (action == "community.deleted") return s.T("Deleted the community", {});
  if (action == "community.updated") {
    const std::string shown = s.Value("member_list_public");
    if (shown == "1") return s.T("Showed the member list to everyone", {});
    if (shown == "0") return s.T("Showed the member list to members only", {});
    return s.T("Changed the community's settings", {});
  }
  if (action == "statutes.changed") {
    std::string quorum = s.Value("quorum");
    if (quorum.ends_with('%')) quorum.pop_back();
    return s.T(
        "Set the statutes: quorum {quorum} %, simple majority more than {simple}, qualified "
        "majority at least {qualified}",
        {{"quorum", HtmlEscape(quorum)},
         {"simple", HtmlEscape(s.Value("simple"))},
         {"qualified", HtmlEscape(s.Value("qualified"))}});
  }
  if (action == "category.created" || action == "category.updated") {
    const std::string& language = s.ctx().language;
    std::string name = s.Value(language == "da" ? "da" : language == "nl" ? "nl" : "en");
    if (name.empty()) name = s.Value("en");
    if (action == "category.created") {
      return s.T("Added the category {category}", {{"category", HtmlEscape(name)}});
    }
    return s.T("Changed the category {category}", {{"category", HtmlEscape(name)}});
  }
  if (action == "category.deleted") return s.T("Deleted a category", {});
  if (action == "member.added") {
    return s.T("Added {member} as {role} ({status})", {{"member", s.Object(0)},
                                                       {"role", s.Role(s.Value("role"))},
                                                       {"status", s.Status(s.Value("status"))}});
  }
  if (action == "member.changed") {
    return s.T("Changed the membership of {member}: {role}, {status}",
               {{"member", s.Object(0)},
                {"role", s.Role(s.Value("role"))},
                {"status", s.Status(s.Value("status"))}});
  }
  if (action == "members.imported") {
    const int64_t rows = ToInteger(s.Value("rows"));
    return s.N("Imported {n} member", "Imported {n} members", rows, {});
  }
  if (action == "invitation.sent") {
    return s.T("Invited {email} as {role}",
               {{"email", HtmlEscape(s.Value("email"))}, {"role", s.Role(s.Value("role"))}});
  }
  if (action == "invitation.accepted") {
    return s.T("{email} accepted the invitation and is now {member}",
               {{"email", HtmlEscape(s.Value("email"))}, {"member", s.Object(0)}});
  }
  if (action == "application.approved") {
    return s.T("Approved the request of {member} to join", {{"member", s.Object(0)}});
  }
  if (action == "application.declined") {
    return s.T("Declined the request of {email} to join",
               {{"email", HtmlEscape(s.Value("email"))}});
  }
  return {};
}

std::string DecisionSentence(const Sentence& s, const std::string& action) {
  if (action == "proposal.created") {
    return s.T("Published the proposal {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "discussion.closed") {
    return s.T("Closed the discussion of {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "discussion.reopened") {
    return s.T("Reopened the discussion of {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "amendment.accepted") {
    return s.T("Accepted an amendment to {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "amendment.rejected") {
    return s.T("Rejected an amendment to {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "decision.opened") {
    Result<decisions::Method> method = decisions::ParseMethod(s.Value("method"));
    const Parts parts = {{"proposal", s.Object(0)},
                         {"method", HtmlEscape(method ? MethodLabel(s.ctx(), *method) : "")},
                         {"opens", s.Time(s.Value("opens_at"))},
                         {"closes", s.Time(s.Value("closes_at"))}};
    if (s.Value("secret") == "yes") {
      return s.T("Put {proposal} to a secret vote ({method}) from {opens} until {closes}", parts);
    }
    return s.T("Put {proposal} to a vote ({method}) from {opens} until {closes}", parts);
  }
  if (action == "decision.closed") {
    return s.N("Closed the vote on {proposal} with {n} ballot",
               "Closed the vote on {proposal} with {n} ballots", ToInteger(s.Value("ballots")),
               {{"proposal", s.Object(0)}});
  }
  if (action == "decision.result") {
    const std::string text = s.Value("text");
    if (text == "passed") return s.T("{proposal} was adopted", {{"proposal", s.Object(0)}});
    if (text == "rejected") return s.T("{proposal} was rejected", {{"proposal", s.Object(0)}});
    return s.T("Recorded the result of the vote on {proposal}", {{"proposal", s.Object(0)}});
  }
  if (action == "decision.voters") {
    const std::string voters = s.Value("text");
    const int64_t count =
        voters.empty() ? 0
                       : 1 + static_cast<int64_t>(std::count(voters.begin(), voters.end(), ','));
    return s.N("Published who voted in the secret vote on {proposal}: {n} member",
               "Published who voted in the secret vote on {proposal}: {n} members", count,
               {{"proposal", s.Object(0)}});
  }
  if (action == "vote.cast") return s.T("Voted on {proposal}", {{"proposal", s.Object(0)}});
  if (action == "vote.changed") {
    return s.T("Changed their vote on {proposal}", {{"proposal", s.Object(0)}});
  }
  return {};
}

std::string FundSentence(const Sentence& s, const std::string& action) {
  if (action == "fund.created") return s.T("Created the fund {fund}", {{"fund", s.Object(0)}});
  if (action == "fund.imported") {
    return s.N("Imported the fund {fund} with {n} ballot",
               "Imported the fund {fund} with {n} ballots", ToInteger(s.Value("count")),
               {{"fund", s.Object(0)}});
  }
  if (action == "fund.phase") {
    Result<funds::Phase> phase = funds::ParsePhase(s.Value("text"));
    return s.T(
        "Moved the fund {fund} to the phase “{phase}”",
        {{"fund", s.Object(0)}, {"phase", HtmlEscape(phase ? PhaseLabel(s.ctx(), *phase) : "")}});
  }
  if (action == "fund.project_reviewed") {
    Result<funds::ProjectStatus> status = funds::ParseProjectStatus(s.Value("text"));
    return s.T("Reviewed the project {project}: {verdict}",
               {{"project", s.Object(0)},
                {"verdict", HtmlEscape(status ? ProjectStatusLabel(s.ctx(), *status) : "")}});
  }
  return {};
}

std::string ImpactSentence(const Sentence& s, const std::string& action) {
  if (action == "initiative.created") {
    return s.T("Started the initiative {initiative}", {{"initiative", s.Object(0)}});
  }
  if (action == "initiative.stage") {
    return s.T("Moved the initiative {initiative} from “{from}” to “{to}”",
               {{"initiative", s.Object(0)},
                {"from", s.Stage(s.Value("from"))},
                {"to", s.Stage(s.Value("to"))}});
  }
  if (action == "indicator.created") {
    return s.T("Defined the indicator {indicator}", {{"indicator", s.Object(0)}});
  }
  if (action == "indicator.linked") {
    return s.T("Linked {indicator} to {object}",
               {{"indicator", s.Object(0)}, {"object", s.Object(1)}});
  }
  if (action == "indicator.unlinked") {
    return s.T("Unlinked {indicator} from {object}",
               {{"indicator", s.Object(0)}, {"object", s.Object(1)}});
  }
  if (action == "measurement.corrected") {
    return s.T("Corrected a measurement of {indicator}", {{"indicator", s.Object(0)}});
  }
  if (action == "measurements.imported") {
    return s.N("Imported {n} measurement", "Imported {n} measurements", ToInteger(s.Value("count")),
               {});
  }
  if (action == "outcome.recorded") {
    Result<impact::OutcomeKind> kind = impact::ParseOutcomeKind(s.Value("code"));
    return s.T("Recorded a participant's outcome: {outcome}",
               {{"outcome", HtmlEscape(kind ? OutcomeKindLabel(s.ctx(), *kind) : "")}});
  }
  if (action == "sroi.created") {
    return s.T("Computed the social return analysis {analysis}", {{"analysis", s.Object(0)}});
  }
  if (action == "value_case.created") {
    return s.T("Wrote the value case {case}", {{"case", s.Object(0)}});
  }
  if (action == "value_case.published") {
    return s.T("Published the value case {case}", {{"case", s.Object(0)}});
  }
  if (action == "value_case.withdrawn") {
    return s.T("Withdrew the value case {case}", {{"case", s.Object(0)}});
  }
  if (action == "programme.joined") {
    return s.T("Began reporting to the programme {programme}", {{"programme", s.Object(0)}});
  }
  if (action == "programme.left") {
    return s.T("Stopped reporting to the programme {programme}", {{"programme", s.Object(0)}});
  }
  if (action == "programme.verified") return s.T("Verified as a municipal programme", {});
  return {};
}

std::string PartnershipSentence(const Sentence& s, const std::string& action) {
  if (action == "circles.published") return s.T("Published the partner circles", {});
  if (action == "consortium.saved") {
    std::string task = s.Value("text");
    return s.T("Saved a consortium for “{task}”", {{"task", HtmlEscape(task)}});
  }
  if (action == "competence.merged") {
    return s.T("Merged the competence “{from}” into “{into}”",
               {{"from", HtmlEscape(s.Value("text"))}, {"into", HtmlEscape(s.Value("code"))}});
  }
  return {};
}

}  // namespace

std::string AuditSentenceHtml(const Context& ctx, const store::AuditEvent& event,
                              const Names& names) {
  const Sentence sentence(ctx, event, names);
  for (std::string (*say)(const Sentence&, const std::string&) :
       {&CommunitySentence, &DecisionSentence, &FundSentence, &ImpactSentence,
        &PartnershipSentence}) {
    std::string html = say(sentence, event.action);
    if (!html.empty()) return html;
  }
  return HtmlEscape(AuditActionLabel(ctx, event.action));
}

}  // namespace andel::web
