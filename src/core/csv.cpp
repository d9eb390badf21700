// A small RFC 4180 reader.
#include "core/csv.h"

namespace andel {

Result<std::vector<CsvRecord>> ParseCsvRecords(std::string_view text, char separator) {
  std::vector<CsvRecord> records;
  std::vector<std::string> record;
  std::string field;
  size_t line = 1;
  size_t record_line = 1;
  size_t i = 0;
  bool field_started = false;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte-order mark from spreadsheets
  const auto end_record = [&] {
    record.push_back(std::move(field));
    field.clear();
    const bool blank = record.size() == 1 && record[0].empty();
    if (!blank) records.push_back({record_line, std::move(record)});
    record.clear();
    field_started = false;
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' && !field_started) {
      field_started = true;
      ++i;
      while (true) {
        if (i >= text.size()) {
          return Error::InvalidArgument("a quoted field is not closed",
                                        "line " + std::to_string(record_line));
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (text[i] == '\n') ++line;
        field.push_back(text[i++]);
      }
      if (i < text.size() && text[i] != separator && text[i] != '\n' && text[i] != '\r') {
        return Error::InvalidArgument("unexpected text after a closing quote",
                                      "line " + std::to_string(line));
      }
      continue;
    }
    if (c == '"') {
      return Error::InvalidArgument("a quote inside an unquoted field",
                                    "line " + std::to_string(line));
    }
    if (c == separator) {
      record.push_back(std::move(field));
      field.clear();
      field_started = false;
      ++i;
      continue;
    }
    if (c == '\r' || c == '\n') {
      end_record();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++i;
      ++line;
      record_line = line;
      continue;
    }
    field_started = true;
    field.push_back(c);
    ++i;
  }
  if (field_started || !record.empty()) end_record();
  return records;
}

}  // namespace andel
