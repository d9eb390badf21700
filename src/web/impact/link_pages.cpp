// The board's form to link an indicator to a decision, fund project or initiative expected to
// move it, or to remove the link; posted from the indicator's, the proposal's and the
// initiative's pages, and back to the page it came from.
#include "core/text.h"
#include "store/impact/impact_link_repository.h"
#include "web/impact/actions.h"
#include "web/impact/handlers.h"
#include "web/responses.h"

namespace andel::web {

Result<Response> SubmitImpactLink(Context& ctx) {
  Result<int64_t> indicator = PositiveId(ctx.form.Get("indicator"), "indicator");
  if (!indicator) return indicator.error();
  const std::string_view subject_text = Trim(ctx.form.Get("subject"));
  const size_t colon = subject_text.find(':');
  Result<store::LinkSubject> subject = store::ParseLinkSubject(subject_text.substr(0, colon));
  Result<int64_t> subject_id = colon == std::string_view::npos
                                   ? Result<int64_t>(Error::InvalidArgument("", "subject"))
                                   : PositiveId(subject_text.substr(colon + 1), "subject");
  if (!subject || !subject_id) {
    return Error::InvalidArgument(
        "choose a decision, a fund project or an initiative from the list", "subject");
  }
  const bool remove = ctx.form.Get("action") == "remove";
  Status done = remove ? ctx.services.impact_links.Unlink(ctx.community->id, *indicator, *subject,
                                                          *subject_id, ctx.person->id, ctx.Now())
                       : ctx.services.impact_links.Link(ctx.community->id, *indicator, *subject,
                                                        *subject_id, ctx.person->id, ctx.Now());
  if (!done) return done.error();
  if (ctx.form.Get("back") == "proposal" && *subject == store::LinkSubject::kProposal) {
    return Redirect("/c/" + ctx.community->slug + "/proposals/" + std::to_string(*subject_id) +
                    "#expected-impact");
  }
  if (ctx.form.Get("back") == "initiative" && *subject == store::LinkSubject::kInitiative) {
    return Redirect("/c/" + ctx.community->slug + "/initiatives/" + std::to_string(*subject_id) +
                    "#expected-impact");
  }
  return Redirect("/c/" + ctx.community->slug + "/impact/indicators/" + std::to_string(*indicator) +
                  "#moved-by");
}

}  // namespace andel::web
