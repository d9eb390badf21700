// Feeds any bytes as a JSON API body: parsed as the API parses it (Boost.JSON, an object
// wanted), turned into a form (FieldsOf, as the API hands bodies to the page's actions), and read
// as a decision (ReadDecisionJson, ReadDecisionForm) and as a ballot for five decisions
// (ReadBallotJson, ReadBallotForm), with the integer and time readers behind them. Checks: form
// fields are valid UTF-8; an accepted ballot is valid, and written as JSON (BallotJson) and
// as text (FormatBallot) it reads back the same.
#include <boost/json.hpp>
#include <cstddef>
#include <cstdint>

#include "ballot_checks.h"
#include "core/text.h"
#include "decisions/decision.h"
#include "decisions/export.h"
#include "fuzz_support.h"
#include "web/api_support.h"
#include "web/decisions/forms.h"

using andel::fuzz::Check;
using andel::fuzz::SameBallot;
namespace decisions = andel::decisions;
namespace json = boost::json;
namespace web = andel::web;

namespace {

void CheckBallot(const decisions::Decision& decision, const decisions::Ballot& ballot) {
  Check(decisions::ValidateBallot(decision, ballot).has_value(), "an accepted ballot is valid");
  const json::value written = decisions::BallotJson(decisions::KindOf(decision), ballot);
  andel::Result<decisions::Ballot> from_json =
      web::ReadBallotJson(decision, json::parse(json::serialize(written)).as_object());
  Check(from_json.has_value() && SameBallot(*from_json, ballot),
        "a ballot reads back from its JSON");
  andel::Result<decisions::Ballot> from_text =
      decisions::ParseBallot(decision, decisions::FormatBallot(decision, ballot));
  Check(from_text.has_value() && SameBallot(*from_text, ballot),
        "a ballot reads back from its text");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<decisions::Decision> kDecisions =
      andel::fuzz::DecisionsFor({"motion", "consent", "approval", "score", "schulze"});
  json::error_code ec;
  json::value body = json::parse(andel::fuzz::Text(data, size), ec);
  if (ec || !body.is_object()) return 0;
  const json::object& object = body.as_object();
  (void)web::StringField(object, "name");
  (void)web::ReadDecisionJson(object);
  for (const decisions::Decision& decision : kDecisions) {
    if (andel::Result<decisions::Ballot> ballot = web::ReadBallotJson(decision, object)) {
      CheckBallot(decision, *ballot);
    }
  }
  andel::Result<web::Form> form = web::FieldsOf(object);
  if (!form) return 0;
  for (const auto& [name, value] : form->fields()) {
    Check(andel::IsValidUtf8(name) && andel::IsValidUtf8(value), "form fields are valid UTF-8");
  }
  (void)web::ReadDecisionForm(*form);
  for (const decisions::Decision& decision : kDecisions) {
    if (andel::Result<decisions::Ballot> ballot = web::ReadBallotForm(decision, *form)) {
      CheckBallot(decision, *ballot);
    }
  }
  return 0;
}
