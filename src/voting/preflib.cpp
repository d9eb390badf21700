// PrefLib reading and writing, with std::from_chars and no exceptions.
#include "voting/preflib.h"

#include <charconv>
#include <map>

#include "core/text.h"

namespace andel::voting {
namespace {

Error At(size_t line, const char* message) {
  return Error::InvalidArgument(message, "line " + std::to_string(line));
}

bool ParseInt(std::string_view text, int64_t& value) {
  text = Trim(text);
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

Result<Profile> ReadPrefLib(std::string_view text) {
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    return Error::InvalidArgument("the file is not valid UTF-8", "line 1");
  }
  int64_t declared = -1;
  std::string data_type;
  std::map<int, std::string> names;
  struct Line {
    size_t number;
    std::string_view text;
  };
  std::vector<Line> ballot_lines;
  size_t number = 0;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) continue;
    if (line.front() != '#') {
      ballot_lines.push_back({number, line});
      continue;
    }
    const std::string_view header = Trim(line.substr(1));
    const size_t colon = header.find(':');
    if (colon == std::string_view::npos) continue;
    const std::string_view key = Trim(header.substr(0, colon));
    const std::string_view value = Trim(header.substr(colon + 1));
    if (key == "NUMBER ALTERNATIVES") {
      if (!ParseInt(value, declared) || declared < 1 || declared > 60000) {
        return At(number, "NUMBER ALTERNATIVES must be a whole number from 1 to 60000");
      }
    } else if (key == "DATA TYPE") {
      data_type = ToLowerAscii(value);
    } else if (key.starts_with("ALTERNATIVE NAME ")) {
      int64_t id = 0;
      if (!ParseInt(key.substr(17), id) || id < 1 || id > 60000) {
        return At(number, "an ALTERNATIVE NAME needs a number from 1 to 60000");
      }
      names[static_cast<int>(id)] = std::string(value);
    }
  }
  if (declared < 0) {
    if (names.empty()) return At(1, "the file declares no alternatives");
    declared = names.rbegin()->first;
  }
  std::vector<int> ids;
  std::vector<std::string> labels;
  for (int id = 1; id <= declared; ++id) {
    ids.push_back(id);
    auto name = names.find(id);
    labels.push_back(name == names.end() ? std::to_string(id) : name->second);
  }
  const bool strict = data_type == "soc" || data_type == "soi";
  Profile profile(std::move(ids), std::move(labels));
  std::vector<std::vector<int>> order;
  std::vector<char> seen(static_cast<size_t>(declared) + 1);
  for (const Line& line : ballot_lines) {
    const size_t colon = line.text.find(':');
    if (colon == std::string_view::npos) return At(line.number, "a ballot line is count: order");
    int64_t count = 0;
    if (!ParseInt(line.text.substr(0, colon), count) || count < 1) {
      return At(line.number, "a ballot count must be a whole number of at least 1");
    }
    order.clear();
    std::fill(seen.begin(), seen.end(), 0);
    std::string_view rest = line.text.substr(colon + 1);
    bool in_tie = false;
    std::string_view::size_type i = 0;
    while (i < rest.size()) {
      const char c = rest[i];
      if (c == ' ' || c == '\t' || c == ',') {
        ++i;
        continue;
      }
      if (c == '{') {
        if (in_tie) return At(line.number, "braces cannot be nested");
        if (strict) return At(line.number, "a strict-order file cannot have ties");
        in_tie = true;
        order.emplace_back();
        ++i;
        continue;
      }
      if (c == '}') {
        if (!in_tie || order.back().empty())
          return At(line.number, "a closing brace without a tie");
        in_tie = false;
        ++i;
        continue;
      }
      size_t end = i;
      while (end < rest.size() && rest[end] >= '0' && rest[end] <= '9') ++end;
      int64_t id = 0;
      if (end == i || !ParseInt(rest.substr(i, end - i), id)) {
        return At(line.number, "a ballot may hold only alternative numbers, commas and braces");
      }
      if (id < 1 || id > declared) return At(line.number, "a ballot names an unknown alternative");
      if (seen[id]) return At(line.number, "a ballot names an alternative twice");
      seen[id] = 1;
      if (in_tie) {
        order.back().push_back(static_cast<int>(id - 1));
      } else {
        order.push_back({static_cast<int>(id - 1)});
      }
      i = end;
    }
    if (in_tie) return At(line.number, "a tie is not closed");
    if (Status added = profile.Add(order, count); !added) {
      return Error::InvalidArgument(added.error().message, "line " + std::to_string(line.number));
    }
  }
  return profile;
}

std::string WritePrefLib(const Profile& profile, std::string_view title) {
  const int n = profile.candidate_count();
  bool ties = false;
  bool complete = true;
  for (size_t b = 0; b < profile.ballot_count(); ++b) {
    const Rank* ranks = profile.ranks(b);
    std::vector<int> per_rank(n + 1, 0);
    for (int c = 0; c < n; ++c) {
      if (ranks[c] == 0) complete = false;
      if (ranks[c] != 0 && ++per_rank[ranks[c]] > 1) ties = true;
    }
  }
  const char* type = ties ? (complete ? "toc" : "toi") : (complete ? "soc" : "soi");
  std::string out = "# FILE NAME: election." + std::string(type) + "\n";
  out += "# TITLE: " + std::string(title) + "\n";
  out += "# DATA TYPE: " + std::string(type) + "\n";
  out += "# NUMBER ALTERNATIVES: " + std::to_string(n) + "\n";
  out += "# NUMBER VOTERS: " + std::to_string(profile.voter_count()) + "\n";
  out += "# NUMBER UNIQUE ORDERS: " + std::to_string(profile.ballot_count()) + "\n";
  for (int c = 0; c < n; ++c) {
    out += "# ALTERNATIVE NAME " + std::to_string(profile.candidate_ids()[c]) + ": " +
           profile.names()[c] + "\n";
  }
  for (size_t b = 0; b < profile.ballot_count(); ++b) {
    const Rank* ranks = profile.ranks(b);
    Rank max_rank = 0;
    for (int c = 0; c < n; ++c) max_rank = std::max(max_rank, ranks[c]);
    out += std::to_string(profile.weight(b)) + ": ";
    for (Rank r = 1; r <= max_rank; ++r) {
      std::vector<int> at;
      for (int c = 0; c < n; ++c) {
        if (ranks[c] == r) at.push_back(profile.candidate_ids()[c]);
      }
      if (r > 1) out += ",";
      if (at.size() > 1) out += "{";
      for (size_t k = 0; k < at.size(); ++k) {
        if (k) out += ",";
        out += std::to_string(at[k]);
      }
      if (at.size() > 1) out += "}";
    }
    out += "\n";
  }
  return out;
}

}  // namespace andel::voting
