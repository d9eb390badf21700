// Partner circles as pages: members see their published circle and why it was formed; the
// board forms a draft, moves members between circles (the objective and the constraints are
// shown again after each move) and publishes it.
#include <charconv>
#include <cstdio>

#include "core/csv.h"
#include "core/date.h"
#include "core/text.h"
#include "web/communities/views.h"
#include "web/i18n.h"
#include "web/partnerships/actions.h"
#include "web/partnerships/handlers.h"
#include "web/responses.h"

namespace andel::web {
namespace {

std::string Number(const Context& ctx, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  std::string text = buffer;
  if (ctx.language != "en") std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

Result<Response> CirclesPage(Context& ctx, int status, const std::optional<Error>& error) {
  ViewData page = BasePage(ctx, ctx.T("Partner circles") + " · " + ctx.community->name);
  page.set("csrf", ctx.CsrfToken());
  page.set("slug", ctx.community->slug);
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  const auto category_label = [&](const std::string& code) {
    return CategoryLabelOf(ctx, *categories, code);
  };
  const auto names = [&](const std::vector<int>& competences) {
    return CompetenceNames(ctx, *labels, community->matching, competences);
  };
  // A member of a circle as the published set and the draft list them.
  const auto member_item = [&](int m) {
    const store::PartnerProfile& profile = community->profiles[static_cast<size_t>(m)];
    ViewData item = MakeObject();
    item.set("id", std::to_string(profile.membership_id));
    item.set("name", profile.name);
    item.set("href",
             "/c/" + ctx.community->slug + "/members/" + std::to_string(profile.membership_id));
    item.set("category", category_label(profile.category));
    return item;
  };
  Result<std::optional<store::CircleSet>> published =
      ctx.services.circles.Find(ctx.community->id, "published");
  if (!published) return published.error();
  const auto me = community->index_of.find(ctx.membership ? ctx.membership->id : 0);
  if (*published && me != community->index_of.end()) {
    const matching::Partition partition = ToPartition(*community, **published);
    for (size_t c = 0; c < partition.size(); ++c) {
      const std::vector<int>& circle = partition[c];
      if (std::find(circle.begin(), circle.end(), me->second) == circle.end()) continue;
      ViewData mine = MakeObject();
      mine.set("number", std::to_string(c + 1));
      ViewData members = MakeList();
      const matching::Member& self = community->matching.member(static_cast<size_t>(me->second));
      for (int m : circle) {
        if (m == me->second) continue;
        const matching::Member& other = community->matching.member(static_cast<size_t>(m));
        ViewData item = MakeObject();
        item.set("name", community->profiles[static_cast<size_t>(m)].name);
        item.set("category", category_label(community->profiles[static_cast<size_t>(m)].category));
        const std::string gets = names(matching::Common(self.needs, other.offers));
        const std::string gives = names(matching::Common(self.offers, other.needs));
        if (!gets.empty()) item.set("gets", gets);
        if (!gives.empty()) item.set("gives", gives);
        if (gets.empty() && gives.empty() && other.category != self.category)
          item.set("mixed", true);
        members.push_back(item);
      }
      mine.set("members", members);
      page.set("mine", mine);
    }
  }
  if (ctx.IsBoard() && *published) {
    // The board sees the published set as a whole: who is in which circle.
    const matching::Partition partition = ToPartition(*community, **published);
    ViewData circles = MakeList();
    for (size_t c = 0; c < partition.size(); ++c) {
      if (partition[c].empty()) continue;  // a circle the board emptied by moving its members
      ViewData circle = MakeObject();
      circle.set("number", std::to_string(c + 1));
      ViewData members = MakeList();
      for (int m : partition[c]) {
        ViewData item = member_item(m);
        members.push_back(item);
      }
      circle.set("members", members);
      circles.push_back(circle);
    }
    ViewData whole = MakeObject();
    whole.set("circles", circles);
    whole.set("published",
              FormatDate(ctx.language, DateFromUnixSeconds((*published)->published_at)));
    page.set("published_set", whole);
  }
  if (ctx.IsBoard()) {
    page.set("can_generate", true);
    page.set("size", ctx.form.Has("size") ? ctx.form.Get("size") : "8");
    page.set("seed",
             ctx.form.Has("seed") ? ctx.form.Get("seed") : std::to_string(ctx.Now() % 100000 + 1));
    Result<std::optional<store::CircleSet>> draft =
        ctx.services.circles.Find(ctx.community->id, "draft");
    if (!draft) return draft.error();
    if (*draft) {
      const matching::Partition partition = ToPartition(*community, **draft);
      ViewData view = MakeObject();
      view.set("objective", Number(ctx, matching::Objective(community->matching, partition)));
      view.set("random_objective", Number(ctx, (*draft)->random_objective));
      if (matching::SatisfiesConstraints(community->matching, partition)) view.set("valid", true);
      ViewData circles = MakeList();
      for (size_t c = 0; c < partition.size(); ++c) {
        ViewData circle = MakeObject();
        circle.set("number", std::to_string(c + 1));
        ViewData members = MakeList();
        for (int m : partition[c]) {
          ViewData item = member_item(m);
          ViewData targets = MakeList();
          for (size_t t = 0; t < partition.size(); ++t) {
            ViewData target = MakeObject();
            target.set("value", std::to_string(t + 1));
            if (t == c) target.set("current", true);
            targets.push_back(target);
          }
          item.set("targets", targets);
          members.push_back(item);
        }
        circle.set("members", members);
        circles.push_back(circle);
      }
      view.set("circles", circles);
      page.set("draft", view);
    }
  }
  if (error) AddFieldError(ctx, page, *error);
  return HtmlPage(ctx, "partnerships/circles", page, status);
}

}  // namespace

Result<Response> ShowCircles(Context& ctx) { return CirclesPage(ctx, 200, std::nullopt); }

// Forms a draft: the matching core's circles over the active members' profiles.
Result<int64_t> FormDraftCircles(Context& ctx, int size, int64_t seed) {
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  matching::CircleOptions options;
  options.size = size;
  options.seed = static_cast<uint64_t>(seed);
  Result<matching::CirclesResult> result = matching::FormCircles(community->matching, options);
  if (!result) return result.error();
  store::CircleSet set;
  set.size = size;
  set.seed = seed;
  set.random_objective = result->random_objective;
  for (const std::vector<int>& circle : result->circles) {
    set.circles.emplace_back();
    for (int m : circle) {
      set.circles.back().push_back(community->profiles[static_cast<size_t>(m)].membership_id);
    }
  }
  return ctx.services.circles.SaveDraft(ctx.community->id, set, ctx.Now());
}

Result<Response> SubmitGenerateCircles(Context& ctx) {
  Result<int> size = FormInt(ctx.form.Get("size"), "size", 8, 2, 50);
  if (!size) return CirclesPage(ctx, 400, size.error());
  Result<int> seed = FormInt(ctx.form.Get("seed"), "seed", 1, 1, 1000000000);
  if (!seed) return CirclesPage(ctx, 400, seed.error());
  Result<int64_t> draft = FormDraftCircles(ctx, *size, *seed);
  if (!draft) return CirclesPage(ctx, 400, draft.error());
  return Redirect("/c/" + ctx.community->slug + "/circles?notice=" + UrlEncode("Saved."));
}

Result<Response> SubmitMoveCircleMember(Context& ctx) {
  Result<int> circle = FormInt(ctx.form.Get("circle"), "circle", 0, 1, 100000);
  if (!circle || *circle == 0)
    return CirclesPage(ctx, 400, Error::InvalidArgument("choose a circle", "circle"));
  Result<std::optional<store::CircleSet>> draft =
      ctx.services.circles.Find(ctx.community->id, "draft");
  if (!draft) return draft.error();
  if (!*draft || *circle > static_cast<int>((*draft)->circles.size())) {
    return CirclesPage(ctx, 400, Error::InvalidArgument("choose a circle", "circle"));
  }
  int64_t membership = 0;
  const std::string& text = ctx.form.Get("membership");
  std::from_chars(text.data(), text.data() + text.size(), membership);
  Status moved = ctx.services.circles.Move(ctx.community->id, membership, *circle);
  if (!moved) return moved.error();
  return Redirect("/c/" + ctx.community->slug + "/circles");
}

Result<Response> SubmitPublishCircles(Context& ctx) {
  Status published = ctx.services.circles.Publish(ctx.community->id, ctx.person->id, ctx.Now());
  if (!published) return published.error();
  return Redirect("/c/" + ctx.community->slug + "/circles?notice=" + UrlEncode("Saved."));
}

// The published circles as a spreadsheet for the board: circle, member, category.
Result<Response> ExportCircles(Context& ctx) {
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  Result<std::vector<communities::Category>> categories =
      ctx.Communities().ListCategories(ctx.community->id);
  if (!categories) return categories.error();
  Result<std::optional<store::CircleSet>> published =
      ctx.services.circles.Find(ctx.community->id, "published");
  if (!published) return published.error();
  if (!*published) return Error::NotFound("no circles have been published yet", "circles");
  const matching::Partition partition = ToPartition(*community, **published);
  std::string csv = CsvField(ctx.T("Circle")) + "," + CsvField(ctx.T("Name")) + "," +
                    CsvField(ctx.T("Category")) + "\r\n";
  for (size_t c = 0; c < partition.size(); ++c) {
    for (int m : partition[c]) {
      const store::PartnerProfile& profile = community->profiles[static_cast<size_t>(m)];
      csv += std::to_string(c + 1) + "," + CsvField(profile.name) + "," +
             CsvField(CategoryLabelOf(ctx, *categories, profile.category)) + "\r\n";
    }
  }
  return Download(std::move(csv), "text/csv; charset=utf-8", ctx.community->slug + "-circles.csv");
}

}  // namespace andel::web
