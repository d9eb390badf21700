// An enum's names as a table of (name, value) pairs: the name of a value, and a value from its
// name (trimmed, case-insensitive), with kInvalidArgument naming the field otherwise.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.h"
#include "core/text.h"

namespace andel {

template <typename Enum, size_t N>
using EnumNames = std::array<std::pair<std::string_view, Enum>, N>;

template <typename Enum, size_t N>
Result<Enum> ParseEnum(const EnumNames<Enum, N>& names, std::string_view text,
                       std::string_view field, const char* message) {
  const std::string lowered = ToLowerAscii(Trim(text));
  for (const auto& [name, value] : names) {
    if (lowered == name) return value;
  }
  return Error::InvalidArgument(message, std::string(field));
}

template <typename Enum, size_t N>
std::string_view NameOf(const EnumNames<Enum, N>& names, Enum v) {
  for (const auto& [name, value] : names) {
    if (value == v) return name;
  }
  return names[0].first;
}

}  // namespace andel
