// CSV records (RFC 4180): quoted fields with doubled quotes, CRLF or LF line ends, an optional
// byte-order mark. Blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace andel {

struct CsvRecord {
  size_t line = 0;  // where the record starts, from 1
  std::vector<std::string> fields;
};

// Splits CSV text into records (fields separated by `separator`: ',', or ';' for Pabulib).
// kInvalidArgument with "line L" for an unclosed quote or a quote inside an unquoted field.
Result<std::vector<CsvRecord>> ParseCsvRecords(std::string_view text, char separator = ',');

}  // namespace andel
