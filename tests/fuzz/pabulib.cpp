// Feeds any bytes to the Pabulib reader (ReadPabulib). Checks, for a file it accepts: costs and
// the budget are not negative, ballots name known projects, and writing the instance
// (WritePabulib) and reading it again gives the same budget, projects and voters.
#include "budgeting/pabulib.h"

#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"

using andel::fuzz::Check;
namespace budgeting = andel::budgeting;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  andel::Result<budgeting::Instance> instance =
      budgeting::ReadPabulib(andel::fuzz::Text(data, size));
  if (!instance) return 0;
  Check(instance->budget >= 0, "the budget is not negative");
  for (const budgeting::Project& project : instance->projects) {
    Check(project.cost >= 0, "a cost is not negative");
  }
  const int projects = static_cast<int>(instance->projects.size());
  for (const budgeting::Ballot& ballot : instance->ballots) {
    for (int p : ballot.projects) Check(p >= 0 && p < projects, "a ballot names known projects");
    Check(ballot.points.empty() || ballot.points.size() == ballot.projects.size(),
          "points are parallel to projects");
  }
  andel::Result<budgeting::Instance> again =
      budgeting::ReadPabulib(budgeting::WritePabulib(*instance));
  Check(again.has_value(), "what the writer writes, the reader reads");
  Check(again->budget == instance->budget, "the same budget after writing");
  Check(again->projects.size() == instance->projects.size(), "the same projects after writing");
  Check(again->VoterCount() == instance->VoterCount(), "the same voters after writing");
  return 0;
}
