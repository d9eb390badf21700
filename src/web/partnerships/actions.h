// What the partnership pages and API share: reading a list of competences as a member writes
// it, labels in the reader's language, and the community's profiles as the matching core sees
// them (accepted matches count as ties, declined ones are never proposed again).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "matching/circles.h"
#include "matching/profile.h"
#include "matching/recommend.h"
#include "store/partnerships/circle_repository.h"
#include "store/partnerships/partnership_repository.h"
#include "web/context.h"

namespace andel::web {

// "Gardening, legal advice" or one per line → (key, text) pairs, without repeats. At most 30
// entries of at most 80 characters each; kInvalidArgument naming `field` otherwise.
Result<std::vector<std::pair<std::string, std::string>>> ReadCompetences(std::string_view text,
                                                                         std::string_view field);

// The community's competences by key.
using CompetenceLabels = std::map<std::string, store::CompetenceRecord>;
Result<CompetenceLabels> LoadCompetences(Context& ctx);
// The board adds (id 0) or changes a competence from the fields label_en (1-80 characters),
// label_da, label_nl (at most 80) and synonyms (comma-separated, at most 500 characters); returns
// it as stored. kInvalidArgument naming the field.
Result<store::CompetenceRecord> SaveCompetence(Context& ctx, int64_t id, const Form& form);
// Maps what a member wrote to the community's competences: a label in any language or a
// synonym names the competence it labels, with or without its accents and Nordic letters
// ("okonomi" and "oekonomi" name "Økonomi"); anything else stays a new free tag.
void ResolveCompetences(const CompetenceLabels& labels,
                        std::vector<std::pair<std::string, std::string>>& entries);
// A competence's label in the request's language (the key if unknown).
// Every competence as a choice for a form's list: {label} in the caller's language.
ViewData CompetenceChoices(const Context& ctx, const CompetenceLabels& labels);
const std::string& CompetenceLabel(const Context& ctx, const CompetenceLabels& labels,
                                   const std::string& key);

// The label of a category code in the request's language (the code if unknown).
std::string CategoryLabelOf(const Context& ctx,
                            const std::vector<communities::Category>& categories,
                            const std::string& code);
// Competences by index in `profiles`, as labels joined with ", ".
std::string CompetenceNames(const Context& ctx, const CompetenceLabels& labels,
                            const matching::Profiles& profiles,
                            const std::vector<int>& competences);

// Replaces the caller's offers and needs, written as lists of competences (labels in any
// language or synonyms resolve to the taxonomy). kInvalidArgument naming "offers" or "needs".
Status SaveMyProfile(Context& ctx, std::string_view offers, std::string_view needs);

// Records the caller's answer ("accepted" or "declined") to the match with membership `other`.
// kInvalidArgument for another answer; kNotFound unless `other` is another active member.
Status RespondToMatch(Context& ctx, int64_t other, const std::string& status);

// Mails a member of the community in their own language: `subject` and `paragraphs` (English,
// translated), with {name} and {email} the acting person's, {community} the community's name,
// {link} `link` and {task} `task`.
Status MailMember(Context& ctx, int64_t membership_id, const char* subject,
                  std::initializer_list<const char*> paragraphs, const std::string& link,
                  const std::string& task = {});

struct CommunityMatching {
  std::vector<store::PartnerProfile> profiles;  // by index, as in `matching`
  matching::Profiles matching;
  std::vector<std::pair<int, int>> declined;  // member indices
  std::vector<std::pair<int, int>> accepted;
  std::map<int64_t, int> index_of;  // membership id → index
};

// Accepted matches, shared published circles and saved consortia count as ties.
Result<CommunityMatching> LoadMatching(Context& ctx);

// A saved set of circles as member indices of `community` (members no longer active left out).
matching::Partition ToPartition(const CommunityMatching& community, const store::CircleSet& set);

// The caller's top matches (kPermissionDenied for a non-member).
Result<std::vector<matching::Match>> MyMatches(Context& ctx, const CommunityMatching& community,
                                               int top);

}  // namespace andel::web
