#include "store/audit_event.h"

#include <soci/soci.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <set>
#include <string_view>

#include "store/database.h"

namespace andel::store {
namespace {

// The kinds of object a subject may name, longest first ("fund project 3" before "fund 3").
constexpr std::string_view kKinds[] = {"fund project", "value case", "measurement", "consortium",
                                       "initiative",   "indicator",  "community",   "amendment",
                                       "proposal",     "decision",   "category",    "circles",
                                       "member",       "project",    "sroi",        "fund"};

std::optional<int64_t> Number(std::string_view text) {
  int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return {};
  return value;
}

// "member 12" → {"member", 12}, and the text after it ("member 12 already active").
std::optional<AuditRef> ReadRef(std::string_view text, std::string_view* rest = nullptr) {
  for (std::string_view kind : kKinds) {
    if (!text.starts_with(kind) || text.size() <= kind.size() || text[kind.size()] != ' ') {
      continue;
    }
    std::string_view number = text.substr(kind.size() + 1);
    const size_t space = number.find(' ');
    if (rest) *rest = space == std::string_view::npos ? "" : number.substr(space + 1);
    if (space != std::string_view::npos) number = number.substr(0, space);
    if (std::optional<int64_t> id = Number(number)) return AuditRef{std::string(kind), *id};
  }
  return {};
}

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }

// "role=board status=active" and "en=Local business da=Lokal virksomhed": each value runs to
// the next " key=". Nothing if the text does not start with a key.
std::map<std::string, std::string> ReadKeyValues(std::string_view text) {
  std::map<std::string, std::string> values;
  std::vector<std::pair<size_t, size_t>> keys;  // (start of key, position of '=')
  for (size_t at = 0; at < text.size(); ++at) {
    if (at != 0 && text[at - 1] != ' ') continue;
    size_t end = at;
    while (end < text.size() && IsKeyChar(text[end])) ++end;
    if (end > at && end < text.size() && text[end] == '=') keys.emplace_back(at, end);
  }
  if (keys.empty() || keys.front().first != 0) return values;
  for (size_t i = 0; i < keys.size(); ++i) {
    const size_t from = keys[i].second + 1;
    const size_t to = i + 1 < keys.size() ? keys[i + 1].first - 1 : text.size();
    values[std::string(text.substr(keys[i].first, keys[i].second - keys[i].first))] =
        std::string(text.substr(from, to > from ? to - from : 0));
  }
  return values;
}

}  // namespace

AuditEvent ReadAuditEvent(const AuditEntry& entry) {
  AuditEvent event;
  event.action = entry.action;
  const std::string_view subject = entry.subject;
  const std::string_view details = entry.details;
  // The subject: an object, two linked ones ("indicator 3 ← project 1"), an address, a code.
  if (const size_t arrow = subject.find(" ← "); arrow != std::string_view::npos) {
    if (auto first = ReadRef(subject.substr(0, arrow))) event.refs.push_back(*first);
    if (auto second = ReadRef(subject.substr(arrow + std::string_view(" ← ").size()))) {
      event.refs.push_back(*second);
    }
  } else if (std::optional<AuditRef> ref = ReadRef(subject)) {
    event.refs.push_back(*ref);
  } else if (subject.find('@') != std::string_view::npos) {
    event.values["email"] = subject;
  } else if (!subject.empty()) {
    event.values["code"] = subject;
  }
  // The details, in the form each action writes them. Some actions write a person's own words
  // (a title, a task): those are text, never read as structure.
  static constexpr std::string_view kFreeText[] = {
      "fund.created",      "fund.phase",        "fund.project_reviewed", "initiative.created",
      "indicator.created", "sroi.created",      "value_case.created",    "proposal.created",
      "consortium.saved",  "competence.merged", "decision.voters"};
  if (std::find(std::begin(kFreeText), std::end(kFreeText), entry.action) != std::end(kFreeText)) {
    if (!details.empty()) event.values["text"] = details;
    return event;
  }
  std::string_view rest;
  if (std::map<std::string, std::string> pairs = ReadKeyValues(details); !pairs.empty()) {
    event.values.insert(pairs.begin(), pairs.end());
  } else if (std::optional<AuditRef> ref = ReadRef(details, &rest)) {
    event.refs.push_back(*ref);
    if (rest == "already active") event.values["already"] = "1";
  } else if (details.starts_with("by ")) {
    event.values["by"] = details.substr(3);
  } else if (const size_t space = details.find(' ');
             space != std::string_view::npos && Number(details.substr(0, space)) &&
             (details.ends_with(" rows") || details.ends_with(" ballots"))) {
    event.values["count"] = details.substr(0, space);
  } else if (const size_t arrow = details.find(" → "); arrow != std::string_view::npos) {
    event.values["from"] = details.substr(0, arrow);
    event.values["to"] = details.substr(arrow + std::string_view(" → ").size());
  } else if (!details.empty()) {
    event.values["text"] = details;
  }
  return event;
}

Result<std::map<AuditRef, AuditName>> AuditNames(Database& db, int64_t community_id,
                                                 const std::vector<AuditRef>& refs) {
  // Per kind: the query of the names (id, name, its Danish and Dutch names if it has its own,
  // catalogue key, slug, parent id) and the column its ids are in.
  struct Lookup {
    std::string_view kind;
    const char* id_column;
    const char* select;
    const char* community_column;  // whose community must be the entry's; nullptr: any
  };
  static constexpr Lookup kLookups[] = {
      {"member", "m.id",
       "SELECT m.id, p.name, '', '', '', '', 0 FROM memberships m JOIN persons p ON "
       "p.id = m.person_id",
       "m.community_id"},
      {"proposal", "id", "SELECT id, title, '', '', '', '', 0 FROM proposals", "community_id"},
      {"decision", "d.id",
       "SELECT d.id, p.title, '', '', '', '', p.id FROM decisions d JOIN proposals p ON "
       "p.id = d.proposal_id",
       "d.community_id"},
      {"fund", "id", "SELECT id, title, '', '', '', '', 0 FROM funds", "community_id"},
      {"fund project", "id", "SELECT id, title, '', '', '', '', fund_id FROM fund_projects",
       "(SELECT f.community_id FROM funds f WHERE f.id = fund_id)"},
      {"project", "id", "SELECT id, title, '', '', '', '', fund_id FROM fund_projects",
       "(SELECT f.community_id FROM funds f WHERE f.id = fund_id)"},
      {"initiative", "id", "SELECT id, title, '', '', '', '', 0 FROM initiatives", "community_id"},
      {"indicator", "id", "SELECT id, name, '', '', catalogue_key, '', 0 FROM impact_indicators",
       "community_id"},
      {"measurement", "m.id",
       "SELECT m.id, i.name, '', '', i.catalogue_key, '', i.id FROM impact_measurements m JOIN "
       "impact_indicators i ON i.id = m.indicator_id",
       "m.community_id"},
      {"community", "id", "SELECT id, name, '', '', '', slug, 0 FROM communities", nullptr},
      {"sroi", "id", "SELECT id, title, '', '', '', '', 0 FROM sroi_analyses", "community_id"},
      {"value case", "id", "SELECT id, title, '', '', '', '', 0 FROM value_cases", "community_id"},
      {"consortium", "id", "SELECT id, task, '', '', '', '', 0 FROM consortia", "community_id"},
      {"category", "id", "SELECT id, name_en, name_da, name_nl, '', '', 0 FROM categories",
       "community_id"},
  };
  std::map<AuditRef, AuditName> names;
  Status status = db.Run([&](soci::session& sql) -> Status {
    for (const Lookup& lookup : kLookups) {
      std::set<int64_t> ids;
      for (const AuditRef& ref : refs) {
        if (ref.kind == lookup.kind) ids.insert(ref.id);
      }
      if (ids.empty()) continue;
      // The ids are integers read from the log: written into the query as numbers.
      std::string in;
      for (int64_t id : ids) in += (in.empty() ? "" : ",") + std::to_string(id);
      // The community's own objects only (written into the query as a number, like the ids).
      const std::string scope = lookup.community_column
                                    ? std::string(" AND ") + lookup.community_column + " = " +
                                          std::to_string(community_id)
                                    : std::string();
      int64_t id = 0;
      int64_t parent = 0;
      AuditName name;
      soci::indicator key_null = soci::i_ok;
      soci::statement query = (sql.prepare << std::string(lookup.select) + " WHERE " +
                                                  lookup.id_column + " IN (" + in + ")" + scope,
                               soci::into(id), soci::into(name.name), soci::into(name.name_da),
                               soci::into(name.name_nl), soci::into(name.catalogue_key, key_null),
                               soci::into(name.slug), soci::into(parent));
      query.execute();
      while (query.fetch()) {
        AuditName found = name;
        if (key_null != soci::i_ok) found.catalogue_key.clear();
        found.parent_id = parent;
        names[AuditRef{std::string(lookup.kind), id}] = std::move(found);
      }
    }
    return {};
  });
  if (!status) return status.error();
  return names;
}

}  // namespace andel::store
