#include "budgeting/pabulib.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/csv.h"
#include "core/text.h"

namespace andel::budgeting {
namespace {

Error BadLine(size_t line, const std::string& message) {
  return Error::InvalidArgument(message, "line " + std::to_string(line));
}

// "123", "12.5", "12,5", "-3": an exact rational, or nothing.
bool ParseNumber(std::string_view text, mpq_class& out) {
  text = Trim(text);
  if (text.empty()) return false;
  bool negative = false;
  if (text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  std::string digits;
  size_t decimals = 0;
  bool point = false;
  long small = 0;  // the digits as a number while they fit in 18 of them
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits += c;
      // Past 18 digits `small` is not used (GMP reads the digits), and would overflow.
      if (digits.size() <= 18) small = small * 10 + (c - '0');
      if (point) ++decimals;
    } else if ((c == '.' || c == ',') && !point) {
      point = true;
    } else {
      return false;
    }
  }
  if (digits.empty()) return false;
  if (decimals == 0 && digits.size() <= 18) {
    out = negative ? -small : small;
    return true;
  }
  mpz_class numerator(digits, 10);  // base 10: "0.08" is not octal
  mpz_class denominator = 1;
  for (size_t i = 0; i < decimals; ++i) denominator *= 10;
  out = mpq_class(numerator, denominator);
  out.canonicalize();
  if (negative) out = -out;
  return true;
}

// An exact decimal ("100.5") where the value has one; otherwise "n/d".
std::string DecimalText(const mpq_class& value) {
  // A terminating decimal (every number a reader made) is written in full, however many places
  // it has, so that it reads back exactly (found by fuzz_pabulib: past 30 places it was written
  // as n/d, which no reader reads).
  mpz_class rest = value.get_den();
  const mpz_class two = 2, five = 5;
  const auto twos = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), two.get_mpz_t());
  const auto fives = mpz_remove(rest.get_mpz_t(), rest.get_mpz_t(), five.get_mpz_t());
  if (rest != 1) return ExactText(value);
  const unsigned long places = std::max(twos, fives);
  mpz_class scale;
  mpz_ui_pow_ui(scale.get_mpz_t(), 10, places);
  const mpz_class scaled = value.get_num() * scale / value.get_den();
  std::string digits = mpz_class(abs(scaled)).get_str();
  if (places > 0) {
    while (digits.size() <= static_cast<size_t>(places)) digits.insert(0, "0");
    digits.insert(digits.size() - static_cast<size_t>(places), ".");
  }
  return (scaled < 0 ? "-" : "") + digits;
}

// A project named more than once on a ballot: an approval or ordinal ballot is a set (or a
// ranking), so the project counts once, at its first position; on a ballot with points the
// points add up. `first_position` is scratch, -1 for every project, and left so.
void MergeRepeats(Ballot& ballot, std::vector<int>& first_position) {
  size_t kept = 0;
  for (size_t i = 0; i < ballot.projects.size(); ++i) {
    const size_t p = static_cast<size_t>(ballot.projects[i]);
    if (first_position[p] >= 0) {
      if (!ballot.points.empty()) {
        ballot.points[static_cast<size_t>(first_position[p])] += ballot.points[i];
      }
      continue;
    }
    first_position[p] = static_cast<int>(kept);
    ballot.projects[kept] = ballot.projects[i];
    if (!ballot.points.empty()) ballot.points[kept] = ballot.points[i];
    ++kept;
  }
  ballot.projects.resize(kept);
  if (!ballot.points.empty()) ballot.points.resize(kept);
  for (int p : ballot.projects) first_position[static_cast<size_t>(p)] = -1;
}

}  // namespace

Result<Instance> ReadPabulib(std::string_view text) {
  // Names and ids are shown and stored as text: a file that is not UTF-8 is refused at the line
  // of its first bad byte.
  if (const size_t bad = FindInvalidUtf8(text); bad != std::string_view::npos) {
    const auto line = static_cast<size_t>(std::count(text.begin(), text.begin() + bad, '\n'));
    return BadLine(line + 1, "the file is not valid UTF-8");
  }
  Instance instance;
  enum class Section { kNone, kMeta, kProjects, kVotes } section = Section::kNone;
  bool expect_header = false;  // the row after a section's name names its columns
  size_t section_line = 0, last_line = 0;
  std::vector<std::string> header;
  bool seen_projects = false, seen_votes = false;
  std::unordered_map<std::string, int> index_of;  // project id → index
  const auto column = [&](const char* name) -> int {
    const auto it = std::find(header.begin(), header.end(), name);
    return it == header.end() ? -1 : static_cast<int>(it - header.begin());
  };
  int id_column = -1, cost_column = -1, name_column = -1, category_column = -1, vote_column = -1,
      points_column = -1;
  std::string id;                   // reused for each project id in a vote
  std::vector<int> first_position;  // scratch for MergeRepeats
  const auto visit = [&](const CsvRecord& record) -> Status {
    last_line = record.line;
    // A view of the field itself: `empty ? "" : fields[0]` would make a temporary string, and
    // a view of it would dangle (a META key longer than 15 bytes was read from freed memory).
    const std::string_view first =
        Trim(record.fields.empty() ? std::string_view() : std::string_view(record.fields[0]));
    if (expect_header) {
      expect_header = false;
      header.clear();
      for (const std::string& f : record.fields) header.emplace_back(Trim(f));
      if (section == Section::kProjects) {
        id_column = column("project_id");
        cost_column = column("cost");
        name_column = column("name");
        category_column = column("category");
        if (id_column < 0 || cost_column < 0) {
          return BadLine(record.line, "PROJECTS needs the columns project_id and cost");
        }
      } else if (section == Section::kVotes) {
        vote_column = column("vote");
        points_column = column("points");
        if (vote_column < 0) return BadLine(record.line, "VOTES needs the column vote");
      }
      return Status();
    }
    if (record.fields.size() == 1 && (first == "META" || first == "PROJECTS" || first == "VOTES")) {
      const Section next = first == "META"       ? Section::kMeta
                           : first == "PROJECTS" ? Section::kProjects
                                                 : Section::kVotes;
      // Once each, in this order: a vote is read by the vote type of META and the projects
      // before it (found by fuzz_pabulib: a second META changed the type of votes read).
      if (static_cast<int>(next) != static_cast<int>(section) + 1) {
        return BadLine(record.line, "the sections come once each: META, PROJECTS, VOTES");
      }
      section = next;
      seen_projects = seen_projects || section == Section::kProjects;
      seen_votes = seen_votes || section == Section::kVotes;
      expect_header = true;
      section_line = record.line;
      return Status();
    }
    const auto field = [&](int c) -> std::string_view {
      return c >= 0 && static_cast<size_t>(c) < record.fields.size()
                 ? Trim(record.fields[static_cast<size_t>(c)])
                 : std::string_view();
    };
    switch (section) {
      case Section::kNone:
        return BadLine(record.line, "the file must start with META");
      case Section::kMeta: {
        if (record.fields.size() < 2) return BadLine(record.line, "a META row is key;value");
        const std::string key(first);
        instance.meta[key] = std::string(Trim(record.fields[1]));
        if (key == "vote_type") {
          const std::string& type = instance.meta[key];
          instance.vote_type = type == "cumulative" ? VoteType::kCumulative
                               : type == "ordinal"  ? VoteType::kOrdinal
                               : type == "scoring"  ? VoteType::kScoring
                                                    : VoteType::kApproval;
        }
        return Status();
      }
      case Section::kProjects: {
        Project project;
        project.id = field(id_column);
        if (project.id.empty()) return BadLine(record.line, "a project needs its project_id");
        if (!ParseNumber(field(cost_column), project.cost) || project.cost < 0) {
          return BadLine(record.line, "the cost is not a number");
        }
        project.name = field(name_column);
        project.category = field(category_column);
        if (!index_of.emplace(project.id, static_cast<int>(instance.projects.size())).second) {
          return BadLine(record.line, "this project_id is used twice");
        }
        instance.projects.push_back(std::move(project));
        return Status();
      }
      case Section::kVotes: {
        first_position.resize(instance.projects.size(), -1);
        Ballot ballot;
        const std::string_view votes = field(vote_column);
        for (size_t start = 0; start <= votes.size();) {
          size_t comma = votes.find(',', start);
          if (comma == std::string_view::npos) comma = votes.size();
          id.assign(Trim(votes.substr(start, comma - start)));
          start = comma + 1;
          if (id.empty()) continue;
          const auto it = index_of.find(id);
          if (it == index_of.end())
            return BadLine(record.line, "the vote names an unknown project");
          ballot.projects.push_back(it->second);
        }
        const bool with_points =
            instance.vote_type == VoteType::kCumulative || instance.vote_type == VoteType::kScoring;
        // Found by fuzz_pabulib: without the column, points ballots were read without points
        // and written back with an empty column the reader then refused.
        if (with_points && points_column < 0) {
          return BadLine(record.line, "cumulative and scoring votes need a points column");
        }
        if (with_points) {
          // An empty ballot has no points (Split would give one empty piece).
          const std::string_view listed = field(points_column);
          const std::vector<std::string_view> points =
              listed.empty() ? std::vector<std::string_view>() : Split(listed, ',');
          if (points.size() != ballot.projects.size()) {
            return BadLine(record.line, "the points do not match the projects voted for");
          }
          for (std::string_view p : points) {
            mpq_class value;
            if (!ParseNumber(p, value)) return BadLine(record.line, "the points are not numbers");
            ballot.points.push_back(value);
          }
        }
        MergeRepeats(ballot, first_position);
        instance.ballots.push_back(std::move(ballot));
        return Status();
      }
    }
    return Status();
  };
  if (Status status = ForEachCsvRecord(text, ';', visit, CsvQuotes::kLenient); !status) {
    return status.error();
  }
  if (expect_header) return BadLine(section_line, "a section without its header row");
  if (!instance.meta.count("budget") || !ParseNumber(instance.meta["budget"], instance.budget)) {
    return BadLine(1, "META needs a budget");
  }
  if (instance.budget < 0) return BadLine(1, "the budget cannot be negative");
  if (!instance.meta.count("vote_type")) return BadLine(1, "META needs a vote_type");
  if (!seen_projects) return BadLine(last_line ? last_line : 1, "the file has no PROJECTS");
  if (!seen_votes) return BadLine(last_line ? last_line : 1, "the file has no VOTES");
  instance.currency = instance.meta.count("currency") ? instance.meta["currency"] : "";
  return instance;
}

std::string WritePabulib(const Instance& instance) {
  const auto quote = [](const std::string& text) {
    // A field with the separator, a quote or a line end (CR too) is quoted (found by
    // fuzz_pabulib: a META key with a CR was written bare and broke its line).
    if (text.find_first_of(";\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
  };
  std::string out = "META\nkey;value\n";
  std::map<std::string, std::string> meta = instance.meta;
  meta["budget"] = DecimalText(instance.budget);
  meta["num_projects"] = std::to_string(instance.projects.size());
  meta["num_votes"] = std::to_string(instance.VoterCount());
  for (const auto& [key, value] : meta) out += quote(key) + ";" + quote(value) + "\n";
  out += "PROJECTS\nproject_id;cost;name;category\n";
  for (const Project& p : instance.projects) {
    out += quote(p.id) + ";" + DecimalText(p.cost) + ";" + quote(p.name) + ";" + quote(p.category) +
           "\n";
  }
  const bool with_points =
      instance.vote_type == VoteType::kCumulative || instance.vote_type == VoteType::kScoring;
  out += with_points ? "VOTES\nvoter_id;vote;points\n" : "VOTES\nvoter_id;vote\n";
  long voter = 0;
  for (const Ballot& ballot : instance.ballots) {
    std::string votes, points;
    for (size_t i = 0; i < ballot.projects.size(); ++i) {
      votes += (i ? "," : "") + instance.projects[static_cast<size_t>(ballot.projects[i])].id;
      if (with_points && i < ballot.points.size())
        points += (i ? "," : "") + DecimalText(ballot.points[i]);
    }
    for (long c = 0; c < ballot.count; ++c) {
      out += std::to_string(++voter) + ";" + quote(votes) +
             (with_points ? ";" + quote(points) : "") + "\n";
    }
  }
  return out;
}

}  // namespace andel::budgeting
