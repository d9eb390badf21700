#include "web/partnerships/actions.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "core/text.h"
#include "matching/circles.h"
#include "matching/profile.h"
#include "search/search_fold.h"
#include "web/communities/views.h"

namespace andel::web {

Result<std::vector<std::pair<std::string, std::string>>> ReadCompetences(std::string_view text,
                                                                         std::string_view field) {
  if (!IsValidUtf8(text)) {
    return Error::InvalidArgument("the text is not valid UTF-8", std::string(field));
  }
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen;
  std::string normalised(text);
  std::replace(normalised.begin(), normalised.end(), '\n', ',');
  for (std::string_view part : Split(normalised, ',')) {
    const std::string_view label = Trim(part);
    if (label.empty()) continue;
    if (CodePointCount(label) > 80) {
      return Error::InvalidArgument("a competence can have at most 80 characters",
                                    std::string(field));
    }
    const std::string key = matching::CompetenceKey(label);
    if (!seen.insert(key).second) continue;
    out.emplace_back(key, std::string(label));
  }
  if (out.size() > 30) {
    return Error::InvalidArgument("list at most 30 competences", std::string(field));
  }
  return out;
}

Result<CompetenceLabels> LoadCompetences(Context& ctx) {
  Result<std::vector<store::CompetenceRecord>> records =
      ctx.services.partnerships.ListCompetences(ctx.community->id);
  if (!records) return records.error();
  CompetenceLabels labels;
  for (store::CompetenceRecord& record : *records) labels[record.key] = std::move(record);
  return labels;
}

namespace {

// Reads and checks the labels: English 1-80 characters, the others at most 80, synonyms as a
// comma-separated list of at most 500 characters.
Result<store::CompetenceRecord> ReadCompetence(const std::string& en, const std::string& da,
                                               const std::string& nl, const std::string& synonyms) {
  store::CompetenceRecord record;
  for (const auto& [text, field, out] : {std::tuple{&en, "label_en", &record.label_en},
                                         std::tuple{&da, "label_da", &record.label_da},
                                         std::tuple{&nl, "label_nl", &record.label_nl}}) {
    if (!IsValidUtf8(*text)) return Error::InvalidArgument("the text is not valid UTF-8", field);
    *out = std::string(Trim(*text));
    if (CodePointCount(*out) > 80 || out->find(',') != std::string::npos) {
      return Error::InvalidArgument("a competence can have at most 80 characters and no commas",
                                    field);
    }
  }
  if (record.label_en.empty()) return Error::InvalidArgument("give the English label", "label_en");
  if (!IsValidUtf8(synonyms) || CodePointCount(synonyms) > 500) {
    return Error::InvalidArgument("the synonyms are too long", "synonyms");
  }
  std::string folded;
  for (std::string_view synonym : Split(synonyms, ',')) {
    const std::string key = matching::CompetenceKey(synonym);
    if (!key.empty()) folded += (folded.empty() ? "" : ",") + key;
  }
  record.synonyms = folded;
  record.key = matching::CompetenceKey(record.label_en);
  return record;
}

}  // namespace

Result<store::CompetenceRecord> SaveCompetence(Context& ctx, int64_t id, const Form& form) {
  Result<store::CompetenceRecord> record = ReadCompetence(
      form.Get("label_en"), form.Get("label_da"), form.Get("label_nl"), form.Get("synonyms"));
  if (!record) return record.error();
  Status saved = [&]() -> Status {
    if (id == 0) return ctx.services.partnerships.AddCompetence(ctx.community->id, *record);
    record->id = id;
    return ctx.services.partnerships.UpdateCompetence(ctx.community->id, *record);
  }();
  if (!saved) return saved.error();
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  for (const auto& [key, stored] : *labels) {
    if ((id != 0 && stored.id == id) || (id == 0 && key == record->key)) return stored;
  }
  return Error::NotFound("no such competence", "id");
}

void ResolveCompetences(const CompetenceLabels& labels,
                        std::vector<std::pair<std::string, std::string>>& entries) {
  // A label or synonym as written (case folded), then as searched (accents and Nordic letters
  // folded too, see search/search_fold.h), each to the competence's key.
  std::map<std::string, std::string> by_name, by_search;
  const auto add = [&](std::string_view name, const std::string& key) {
    by_name.emplace(matching::CompetenceKey(name), key);
    const std::string folded = search::SearchKey(name);
    for (std::string_view line : Split(folded, '\n')) {
      if (!line.empty()) by_search.emplace(std::string(line), key);
    }
  };
  for (const auto& [key, record] : labels) {
    for (const std::string* label : {&record.label_en, &record.label_da, &record.label_nl}) {
      if (!label->empty()) add(*label, key);
    }
    for (std::string_view synonym : Split(record.synonyms, ',')) {
      if (!Trim(synonym).empty()) add(synonym, key);
    }
  }
  const auto resolve = [&](const std::string& key) -> std::string {
    if (labels.count(key)) return key;
    if (auto it = by_name.find(key); it != by_name.end()) return it->second;
    if (auto it = by_search.find(search::SearchQuery(key)); it != by_search.end()) {
      return it->second;
    }
    return key;
  };
  std::set<std::string> seen;
  std::vector<std::pair<std::string, std::string>> resolved;
  for (auto& [key, text] : entries) {
    const std::string final_key = resolve(key);
    if (seen.insert(final_key).second) resolved.emplace_back(final_key, text);
  }
  entries = std::move(resolved);
}

ViewData CompetenceChoices(const Context& ctx, const CompetenceLabels& labels) {
  ViewData choices = MakeList();
  for (const auto& [key, record] : labels) {
    ViewData entry = MakeObject();
    entry.set("label", CompetenceLabel(ctx, labels, key));
    choices.push_back(entry);
  }
  return choices;
}

const std::string& CompetenceLabel(const Context& ctx, const CompetenceLabels& labels,
                                   const std::string& key) {
  const auto it = labels.find(key);
  if (it == labels.end()) return key;
  const store::CompetenceRecord& record = it->second;
  if (ctx.language == "da" && !record.label_da.empty()) return record.label_da;
  if (ctx.language == "nl" && !record.label_nl.empty()) return record.label_nl;
  return record.label_en;
}

Result<CommunityMatching> LoadMatching(Context& ctx) {
  Result<std::vector<store::PartnerProfile>> profiles =
      ctx.services.partnerships.ListProfiles(ctx.community->id);
  if (!profiles) return profiles.error();
  Result<std::vector<store::MatchResponse>> responses =
      ctx.services.partnerships.ListResponses(ctx.community->id);
  if (!responses) return responses.error();
  std::map<int64_t, int> index_of;
  std::vector<matching::MemberInput> inputs;
  for (size_t i = 0; i < profiles->size(); ++i) {
    const store::PartnerProfile& p = (*profiles)[i];
    index_of[p.membership_id] = static_cast<int>(i);
    inputs.push_back(
        {std::to_string(p.membership_id), p.category, p.organisation, p.offers, p.needs, {}});
  }
  // Members of one published circle are tied.
  Result<std::optional<store::CircleSet>> published =
      ctx.services.circles.Find(ctx.community->id, "published");
  if (!published) return published.error();
  if (*published) {
    for (const std::vector<int64_t>& circle : (*published)->circles) {
      for (int64_t a : circle) {
        const auto it = index_of.find(a);
        if (it == index_of.end()) continue;
        for (int64_t b : circle) {
          if (b != a && index_of.count(b)) {
            inputs[static_cast<size_t>(it->second)].ties.push_back(std::to_string(b));
          }
        }
      }
    }
  }
  // Members of one saved consortium are tied.
  Result<std::vector<store::Consortium>> consortia =
      ctx.services.partnerships.ListConsortia(ctx.community->id);
  if (!consortia) return consortia.error();
  for (const store::Consortium& consortium : *consortia) {
    for (const auto& [a, covers_a] : consortium.members) {
      const auto it = index_of.find(a);
      if (it == index_of.end()) continue;
      for (const auto& [b, covers_b] : consortium.members) {
        if (b != a && index_of.count(b)) {
          inputs[static_cast<size_t>(it->second)].ties.push_back(std::to_string(b));
        }
      }
    }
  }
  std::vector<std::pair<int, int>> declined, accepted;
  for (const store::MatchResponse& response : *responses) {
    const auto low = index_of.find(response.low_membership_id);
    const auto high = index_of.find(response.high_membership_id);
    if (low == index_of.end() || high == index_of.end()) continue;
    if (response.status == "accepted") {
      accepted.emplace_back(low->second, high->second);
      inputs[static_cast<size_t>(low->second)].ties.push_back(
          std::to_string(response.high_membership_id));
    } else {
      declined.emplace_back(low->second, high->second);
    }
  }
  Result<matching::Profiles> built = matching::Profiles::Build(inputs);
  if (!built) return built.error();
  return CommunityMatching{std::move(*profiles), std::move(*built), std::move(declined),
                           std::move(accepted), std::move(index_of)};
}

Result<std::vector<matching::Match>> MyMatches(Context& ctx, const CommunityMatching& community,
                                               int top) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  const auto me = community.index_of.find(ctx.membership->id);
  if (me == community.index_of.end()) return std::vector<matching::Match>();
  // Ranked with room to spare, then one representative per organisation.
  matching::RecommendOptions options;
  options.top = std::max(4 * top, 40);
  options.declined = community.declined;
  const size_t i = static_cast<size_t>(me->second);
  return matching::OnePerOrganisation(community.matching, i,
                                      matching::Recommend(community.matching, i, options),
                                      static_cast<size_t>(top));
}

}  // namespace andel::web

namespace andel::web {

matching::Partition ToPartition(const CommunityMatching& community, const store::CircleSet& set) {
  matching::Partition partition;
  for (const std::vector<int64_t>& circle : set.circles) {
    partition.emplace_back();
    for (int64_t membership : circle) {
      const auto it = community.index_of.find(membership);
      if (it != community.index_of.end()) partition.back().push_back(it->second);
    }
  }
  return partition;
}

}  // namespace andel::web

namespace andel::web {

std::string CategoryLabelOf(const Context& ctx,
                            const std::vector<communities::Category>& categories,
                            const std::string& code) {
  for (const communities::Category& category : categories) {
    if (category.code == code) return CategoryLabel(ctx, category);
  }
  return code;
}

std::string CompetenceNames(const Context& ctx, const CompetenceLabels& labels,
                            const matching::Profiles& profiles,
                            const std::vector<int>& competences) {
  std::string out;
  for (int c : competences) {
    out += (out.empty() ? "" : ", ") +
           CompetenceLabel(ctx, labels, profiles.competences()[static_cast<size_t>(c)]);
  }
  return out;
}

Status SaveMyProfile(Context& ctx, std::string_view offers_text, std::string_view needs_text) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  Result<std::vector<std::pair<std::string, std::string>>> offers =
      ReadCompetences(offers_text, "offers");
  if (!offers) return offers.error();
  Result<std::vector<std::pair<std::string, std::string>>> needs =
      ReadCompetences(needs_text, "needs");
  if (!needs) return needs.error();
  Result<CompetenceLabels> labels = LoadCompetences(ctx);
  if (!labels) return labels.error();
  ResolveCompetences(*labels, *offers);
  ResolveCompetences(*labels, *needs);
  return ctx.services.partnerships.SaveProfile(ctx.community->id, ctx.membership->id, *offers,
                                               *needs);
}

Status MailMember(Context& ctx, int64_t membership_id, const char* subject,
                  std::initializer_list<const char*> paragraphs, const std::string& link,
                  const std::string& task) {
  Result<store::MemberView> member = ctx.Memberships().FindMember(ctx.community->id, membership_id);
  if (!member) return member.error();
  if (member->email.empty()) return {};
  Result<store::Account> account = ctx.services.accounts.FindByEmail(member->email);
  const std::string language = account ? account->person.language : ctx.language;
  const Catalog& catalog = ctx.services.catalog;
  const auto fill = [&](const char* english) {
    std::string text = catalog.Translate(language, english);
    text = ReplaceAll(std::move(text), "{name}", ctx.person->name);
    text = ReplaceAll(std::move(text), "{email}", ctx.person->email);
    text = ReplaceAll(std::move(text), "{community}", ctx.community->name);
    text = ReplaceAll(std::move(text), "{task}", task);
    return ReplaceAll(std::move(text), "{link}", link);
  };
  std::string body;
  for (const char* paragraph : paragraphs) body += (body.empty() ? "" : "\n\n") + fill(paragraph);
  return ctx.services.outbox.QueueMail(member->email, fill(subject), body, ctx.Now());
}

namespace {

// The other member learns of the partnership by mail, in their own language, with the address of
// the one who accepted, so that the two can write to each other.
Status TellNewPartner(Context& ctx, int64_t other_membership) {
  const std::string partners =
      ctx.services.config.public_url + "/c/" + ctx.community->slug + "/partners";
  return MailMember(ctx, other_membership, "{name} is your new partner in {community}",
                    {"{name} has accepted Andel's suggestion that you work together as partners "
                     "in {community}.",
                     "Write to {name} at {email}.", "Your partners: {link}"},
                    partners);
}

}  // namespace

Status RespondToMatch(Context& ctx, int64_t other, const std::string& status) {
  if (!ctx.membership) return Error::PermissionDenied("only members of this community may do this");
  if (status != "accepted" && status != "declined") {
    return Error::InvalidArgument("accept or decline the match", "status");
  }
  Result<CommunityMatching> community = LoadMatching(ctx);
  if (!community) return community.error();
  if (other == ctx.membership->id || !community->index_of.count(other)) {
    return Error::NotFound("no such member", "id");
  }
  // The pair as the responses store it (indices, either order).
  const int mine = community->index_of.at(ctx.membership->id);
  const int theirs = community->index_of.at(other);
  const auto holds = [&](const std::vector<std::pair<int, int>>& pairs) {
    return std::any_of(pairs.begin(), pairs.end(), [&](const std::pair<int, int>& pair) {
      return (pair.first == mine && pair.second == theirs) ||
             (pair.first == theirs && pair.second == mine);
    });
  };
  // A declined pair stays declined (neither can turn it into a partnership and a mail), and the
  // other member hears of a partnership once.
  if (status == "accepted" && holds(community->declined)) {
    return Error::FailedPrecondition("this match was declined", "status");
  }
  const bool already = holds(community->accepted);
  if (Status saved = ctx.services.partnerships.Respond(ctx.community->id, ctx.membership->id, other,
                                                       status, ctx.Now());
      !saved) {
    return saved;
  }
  if (status == "accepted" && !already) return TellNewPartner(ctx, other);
  return {};
}

}  // namespace andel::web
