// CSV records (RFC 4180): quoted fields with doubled quotes, CRLF or LF line ends, an optional
// byte-order mark. Blank lines are skipped.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace andel {

struct CsvRecord {
  size_t line = 0;  // where the record starts, from 1
  std::vector<std::string> fields;
};

// How quotes are read. Strict (RFC 4180): a quote inside an unquoted field, or text after a
// closing quote, is an error. Lenient (as Python's csv module reads, and so the files Pabulib
// publishes): both are kept as text.
enum class CsvQuotes { kStrict, kLenient };

// Calls `visit` with each record in turn (fields separated by `separator`: ',', or ';' for
// Pabulib); the record is reused between calls, so a large file is never held twice. Stops at
// the first error `visit` returns and returns it. kInvalidArgument with "line L" for an
// unclosed quote, or (strict) a quote inside an unquoted field.
Status ForEachCsvRecord(std::string_view text, char separator,
                        const std::function<Status(const CsvRecord&)>& visit,
                        CsvQuotes quotes = CsvQuotes::kStrict);

// All records at once.
Result<std::vector<CsvRecord>> ParseCsvRecords(std::string_view text, char separator = ',');

}  // namespace andel
