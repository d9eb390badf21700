// What the JSON API's handlers share: paging, reading a JSON body, writing a JSON response.
#pragma once

#include <boost/json.hpp>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "web/context.h"

namespace andel::web {

struct Paging {
  int page = 1;
  int per_page = 50;
};

// An integer query parameter in [low, high]; `fallback` if absent.
Result<int> QueryInt(const Context& ctx, const char* name, int fallback, int low, int high);
// ?page= (from 1) and ?per_page= (1-200, default 50).
Result<Paging> ReadPaging(const Context& ctx);
Response JsonOf(const boost::json::value& value, int status = 200);
// {"items", "page", "per_page", "total"}.
boost::json::object PageOf(boost::json::array items, const Paging& paging, int64_t total);
// The request body as a JSON object whose members are all among `accepted`, the fields the
// handler reads. kInvalidArgument naming "body" if it is not a JSON object, or "unknown field"
// naming the first member that is not accepted: a field the handler would ignore is refused
// rather than dropped unseen (issue 14: "visibility":"private" made a public community).
Result<boost::json::object> BodyObject(const Context& ctx,
                                       std::span<const std::string_view> accepted);
Result<boost::json::object> BodyObject(const Context& ctx,
                                       std::initializer_list<std::string_view> accepted);
// For a request that takes no body: an empty body or an empty JSON object passes;
// kInvalidArgument naming a member of the object ("unknown field"), or "body" otherwise.
Status NoBodyFields(const Context& ctx);
// The JSON body's fields as a form: strings as they are, numbers as text; kInvalidArgument
// naming a field that is neither.
Result<Form> FieldsOf(const boost::json::object& body);
// A string member of a JSON object; `fallback` if absent; kInvalidArgument if not a string.
Result<std::string> StringField(const boost::json::object& body, const char* name,
                                const std::string& fallback = {});
// A whole-number member in [low, high]; `fallback` if absent; kInvalidArgument naming it if it
// is not a whole number, or is out of range.
Result<int64_t> IntField(const boost::json::object& body, const char* name, int64_t low,
                         int64_t high, int64_t fallback);
// An id member (a whole number from 1); 0 if absent or null.
Result<int64_t> IdField(const boost::json::object& body, const char* name);
// A true/false member; `fallback` if absent.
Result<bool> BoolField(const boost::json::object& body, const char* name, bool fallback = false);

}  // namespace andel::web
