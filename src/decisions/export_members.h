// Reading the decision export's JSON (decisions/export_read.cpp): the error for a malformed export,
// and an object's optional members read with the first error kept. Internal to the decisions
// library.
#pragma once

#include <boost/json.hpp>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace andel::decisions::export_members {

namespace json = boost::json;

using Figures = std::vector<std::pair<int64_t, int64_t>>;

// kInvalidArgument "the export is malformed", `what` saying why.
inline Error Malformed(std::string what) {
  return Error::InvalidArgument("the export is malformed", std::move(what));
}

inline const json::value* Member(const json::object& object, std::string_view key) {
  return object.if_contains(key);
}

// The number all of `text` spells ("12": a candidate id as a key), else none.
inline std::optional<int64_t> WholeNumber(std::string_view text) {
  int64_t number = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return number;
}

// Reads members of one object, each optional, and keeps the first error; `prefix` names the
// object in errors ("result.", "roll.").
class Members {
 public:
  Members(const json::object& object, std::string prefix)
      : object_(object), prefix_(std::move(prefix)) {}

  std::optional<int64_t> Number(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    if (const int64_t* number = value->if_int64()) return *number;
    Fail(key, " must be a whole number");
    return std::nullopt;
  }
  std::optional<bool> Truth(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    if (const bool* truth = value->if_bool()) return *truth;
    Fail(key, " must be true or false");
    return std::nullopt;
  }
  std::optional<std::string> Text(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    if (const json::string* text = value->if_string()) return std::string(*text);
    Fail(key, " must be a text");
    return std::nullopt;
  }
  std::optional<std::vector<std::string>> Texts(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    const json::array* list = value->if_array();
    std::vector<std::string> texts;
    for (size_t i = 0; list && i < list->size() && list->at(i).is_string(); ++i) {
      texts.emplace_back(list->at(i).as_string());
    }
    if (!list || texts.size() != list->size()) {
      Fail(key, " must be a list of texts");
      return std::nullopt;
    }
    return texts;
  }
  std::optional<std::vector<int64_t>> Ids(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    const json::array* list = value->if_array();
    std::vector<int64_t> ids;
    for (size_t i = 0; list && i < list->size() && list->at(i).is_int64(); ++i) {
      ids.push_back(list->at(i).as_int64());
    }
    if (!list || ids.size() != list->size()) {
      Fail(key, " must be a list of ids");
      return std::nullopt;
    }
    return ids;
  }
  // {"<id>": n, …}, each id written as std::to_string writes it, in the order published.
  std::optional<Figures> ByCandidate(std::string_view key) {
    const json::value* value = Find(key);
    if (!value) return std::nullopt;
    const json::object* map = value->if_object();
    Figures figures;
    for (size_t i = 0; map && i < map->size(); ++i) {
      const json::key_value_pair& member = map->begin()[i];
      const std::optional<int64_t> id = WholeNumber(member.key());
      if (!id || std::to_string(*id) != member.key() || !member.value().is_int64()) break;
      figures.emplace_back(*id, member.value().as_int64());
    }
    if (!map || figures.size() != map->size()) {
      Fail(key, " must map candidate ids to whole numbers");
      return std::nullopt;
    }
    return figures;
  }

  const std::optional<Error>& error() const { return error_; }

 private:
  const json::value* Find(std::string_view key) const {
    return error_ ? nullptr : object_.if_contains(key);
  }
  void Fail(std::string_view key, const char* what) {
    if (!error_) error_ = Malformed(prefix_ + std::string(key) + what);
  }

  const json::object& object_;
  std::string prefix_;
  std::optional<Error> error_;
};

}  // namespace andel::decisions::export_members
