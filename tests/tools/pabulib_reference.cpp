// andel_pabulib_reference [--variant as-read|mutated] FILE.pb...: writes the textbook
// reference's outcomes of each Pabulib file, as read and mutated (or only the variant named), in
// the form of tests/unit/budgeting/stored_outcomes/ (see
// reference_outcomes.h), to standard output. For the files on which the reference takes too long
// for every test run; scripts/store-reference-outcomes runs it.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "budgeting/pabulib.h"
#include "reference_outcomes.h"

namespace budgeting = andel::budgeting;

int main(int argc, char** argv) {
  std::string only;
  int first = 1;
  if (argc >= 3 && std::string(argv[1]) == "--variant") {
    only = argv[2];
    first = 3;
  }
  if (first >= argc || !(only.empty() || only == "as-read" || only == "mutated")) {
    std::cerr << "usage: andel_pabulib_reference [--variant as-read|mutated] FILE.pb...\n";
    return 2;
  }
  for (int i = first; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto read = budgeting::ReadPabulib(text.str());
    if (!in || !read) {
      std::cerr << argv[i] << ": " << (read ? "cannot be read" : read.error().message) << "\n";
      return 1;
    }
    for (const auto& project : read->projects) {
      if (project.id.find_first_of(" \t\r\n") != std::string::npos) {
        std::cerr << argv[i] << ": project id '" << project.id << "' holds white space\n";
        return 1;
      }
    }
    auto mutated =
        budgeting::ReadPabulib(budgeting::WritePabulib(budgeting::reference::Mutate(*read)));
    if (!mutated) {
      std::cerr << argv[i] << ": mutated: " << mutated.error().message << "\n";
      return 1;
    }
    for (const auto& [variant, instance] :
         {std::pair{"as-read", &*read}, std::pair{"mutated", &*mutated}}) {
      if (!only.empty() && only != variant) continue;
      budgeting::reference::Outcomes outcomes;
      long runs = 0;
      if (!budgeting::reference::ComputeOutcomes(budgeting::GroupIdenticalBallots(*instance),
                                                 1L << 40, outcomes, runs)) {
        return 1;
      }
      std::cout << budgeting::reference::WriteOutcomes(variant, outcomes) << std::flush;
      std::cerr << argv[i] << " " << variant << ": " << runs << " runs\n";
    }
  }
  return 0;
}
