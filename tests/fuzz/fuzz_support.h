// What the fuzz targets share: a check that stops the run (so that libFuzzer keeps the input)
// whatever NDEBUG says, and the input as text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace andel::fuzz {

// Aborts with `what` when an invariant does not hold: a crash libFuzzer reports and saves.
inline void Check(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
  std::abort();
}

inline std::string_view Text(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace andel::fuzz
