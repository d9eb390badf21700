#include "matching/profile.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/text.h"

namespace andel::matching {
namespace {

int Intern(std::unordered_map<std::string, int>& index, std::vector<std::string>& names,
           const std::string& key) {
  auto [it, fresh] = index.try_emplace(key, static_cast<int>(names.size()));
  if (fresh) names.push_back(key);
  return it->second;
}

Error BadMember(size_t position, const std::string& message) {
  return Error::InvalidArgument(message, "member " + std::to_string(position + 1));
}

}  // namespace

std::string CompetenceKey(std::string_view text) { return FoldCase(Trim(text)); }

Result<Profiles> Profiles::Build(const std::vector<MemberInput>& inputs) {
  Profiles p;
  std::unordered_map<std::string, int> competence_index, category_index, organisation_index, ids;
  for (size_t m = 0; m < inputs.size(); ++m) {
    const MemberInput& in = inputs[m];
    if (in.id.empty()) return BadMember(m, "a member needs an id");
    if (!ids.emplace(in.id, static_cast<int>(m)).second) {
      return BadMember(m, "this id is used twice");
    }
    if (Trim(in.category).empty()) return BadMember(m, "a member needs a category");
    Member member;
    member.id = in.id;
    member.category = Intern(category_index, p.categories_, std::string(Trim(in.category)));
    if (!Trim(in.organisation).empty()) {
      member.organisation =
          Intern(organisation_index, p.organisations_, CompetenceKey(in.organisation));
    }
    for (const auto& [source, target] :
         {std::pair{&in.offers, &member.offers}, std::pair{&in.needs, &member.needs}}) {
      for (const std::string& text : *source) {
        const std::string key = CompetenceKey(text);
        if (key.empty()) continue;
        target->push_back(Intern(competence_index, p.competences_, key));
      }
      std::sort(target->begin(), target->end());
      target->erase(std::unique(target->begin(), target->end()), target->end());
    }
    p.members_.push_back(std::move(member));
  }
  p.ties_.assign(inputs.size(), {});
  for (size_t m = 0; m < inputs.size(); ++m) {
    for (const std::string& other : inputs[m].ties) {
      const auto it = ids.find(other);
      if (it == ids.end()) return BadMember(m, "a tie names an unknown member");
      if (static_cast<size_t>(it->second) == m) continue;
      p.ties_[m].push_back(it->second);
      p.ties_[static_cast<size_t>(it->second)].push_back(static_cast<int>(m));
    }
  }
  for (std::vector<int>& ties : p.ties_) {
    std::sort(ties.begin(), ties.end());
    ties.erase(std::unique(ties.begin(), ties.end()), ties.end());
  }
  return p;
}

int Profiles::CompetenceIndex(std::string_view key) const {
  const auto it = std::find(competences_.begin(), competences_.end(), key);
  return it == competences_.end() ? -1 : static_cast<int>(it - competences_.begin());
}

bool Profiles::Tied(size_t i, size_t j) const {
  if (SameOrganisation(i, j)) return true;
  return std::binary_search(ties_[i].begin(), ties_[i].end(), static_cast<int>(j));
}

int CountCommon(const std::vector<int>& a, const std::vector<int>& b) {
  int count = 0;
  auto x = a.begin(), y = b.begin();
  while (x != a.end() && y != b.end()) {
    if (*x < *y) {
      ++x;
    } else if (*y < *x) {
      ++y;
    } else {
      ++count;
      ++x;
      ++y;
    }
  }
  return count;
}

std::vector<int> Common(const std::vector<int>& a, const std::vector<int>& b) {
  std::vector<int> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
  return out;
}

Score MatchScore(const Member& i, const Member& j) {
  const int64_t ni = static_cast<int64_t>(i.needs.size());
  const int64_t nj = static_cast<int64_t>(j.needs.size());
  return MatchScoreOf(ni ? CountCommon(i.needs, j.offers) : 0, ni,
                      nj ? CountCommon(j.needs, i.offers) : 0, nj);
}

Score MatchScoreOf(int64_t gets, int64_t needs_i, int64_t gives, int64_t needs_j) {
  const int64_t di = needs_i ? needs_i : 1, dj = needs_j ? needs_j : 1;
  return {gets * dj + gives * di, di * dj};
}

}  // namespace andel::matching
