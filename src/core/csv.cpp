// A small RFC 4180 reader.
#include "core/csv.h"

namespace andel {

Status ForEachCsvRecord(std::string_view text, char separator,
                        const std::function<Status(const CsvRecord&)>& visit, CsvQuotes quotes) {
  const bool strict = quotes == CsvQuotes::kStrict;
  CsvRecord record;
  size_t used = 0;  // fields of `record` in use; the rest keep their capacity for reuse
  size_t line = 1;
  size_t i = 0;
  bool field_started = false;
  record.line = 1;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte-order mark from spreadsheets
  const auto field = [&]() -> std::string& {
    if (used == record.fields.size()) record.fields.emplace_back();
    return record.fields[used];
  };
  const auto end_field = [&] {
    field();
    ++used;
    field_started = false;
  };
  const auto end_record = [&]() -> Status {
    end_field();
    const bool blank = used == 1 && record.fields[0].empty();
    Status status = Status();
    if (!blank) {
      record.fields.resize(used);
      status = visit(record);
    }
    for (std::string& f : record.fields) f.clear();
    used = 0;
    return status;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && !field_started) {
      field_started = true;
      std::string& out = field();
      ++i;
      while (true) {
        if (i >= text.size()) {
          return Error::InvalidArgument("a quoted field is not closed",
                                        "line " + std::to_string(record.line));
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            out.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        out.push_back(text[i++]);
      }
      if (strict && i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        return Error::InvalidArgument("unexpected text after a closing quote",
                                      "line " + std::to_string(line));
      }
      continue;
    }
    if (c == '"' && strict) {
      return Error::InvalidArgument("a quote inside an unquoted field",
                                    "line " + std::to_string(line));
    }
    if (c == separator) {
      end_field();
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (Status status = end_record(); !status) return status;
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      record.line = line;
      continue;
    }
    // The plain run of characters up to the next separator, quote or line end, at once; its
    // first character is taken as it is (a quote, when lenient).
    size_t run = i + 1;
    while (run < text.size() && text[run] != separator && text[run] != '\n' && text[run] != '\r' &&
           text[run] != '"') {
      ++run;
    }
    field_started = true;
    field().append(text.substr(i, run - i));
    i = run;
  }
  if (field_started || used > 0) return end_record();
  return Status();
}

Result<std::vector<CsvRecord>> ParseCsvRecords(std::string_view text, char separator) {
  std::vector<CsvRecord> records;
  Status status = ForEachCsvRecord(text, separator, [&](const CsvRecord& record) -> Status {
    records.push_back(record);
    return Status();
  });
  if (!status) return status.error();
  return records;
}

namespace {

bool StartsLikeAFormula(std::string_view value) {
  if (value.empty()) return false;
  const char first = value[0];
  return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
         first == '\r' || first == '\'';
}

}  // namespace

std::string CsvField(std::string_view value, char separator) {
  std::string text;
  if (StartsLikeAFormula(value)) text += '\'';
  text += value;
  if (text.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string::npos) {
    return text;
  }
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string_view CsvText(std::string_view value) {
  if (value.size() >= 2 && value[0] == '\'' && StartsLikeAFormula(value.substr(1))) {
    return value.substr(1);
  }
  return value;
}

}  // namespace andel
