// `andel tally`: counts an election file with one method and prints the result as JSON.
#pragma once

#include <cstdint>
#include <string>

namespace andel::app {

struct TallyCommand {
  std::string method;
  std::string file;
  std::string format = "preflib";
  int seats = 1;
  int64_t max_score = 10;  // score ballots
  uint64_t seed = 1;
  bool pairwise = false;  // include the pairwise support matrix
};

// Prints the JSON result to stdout, or an error to stderr. Returns the exit code: 0, 2 for bad
// input (unknown method, malformed file), 1 if the file cannot be read.
int RunTally(const TallyCommand& command);

}  // namespace andel::app
