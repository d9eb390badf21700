// CSV records (RFC 4180): quoted fields with doubled quotes, CRLF or LF line ends, an optional
// byte-order mark. Blank lines are skipped. And the one writer of CSV fields, for every file
// Andel writes, guarded against spreadsheet formulas.
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

// A text field as written into every CSV file Andel produces. A value a spreadsheet would run as
// a formula (starting with = + - @, a tab or a carriage return) is written after a single
// quote, and so is a value starting with a single quote, so that CsvText can remove exactly the
// one that was added. The field is quoted when it holds the separator, a quote, CR or LF.
// Numbers are written as they are, not through this (a number is never a formula).
std::string CsvField(std::string_view value, char separator = ',');

// A text field as read from a file CsvField wrote (or a person edited): without the single quote
// CsvField put before a formula-like value.
std::string_view CsvText(std::string_view value);

}  // namespace andel
