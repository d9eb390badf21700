// What the JSON API's handlers share: paging, reading a JSON body, writing a JSON response.
#pragma once

#include <boost/json.hpp>
#include <string>

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
// The request body as a JSON object; kInvalidArgument naming "body" otherwise.
Result<boost::json::object> BodyObject(const Context& ctx);
// The JSON body's fields as a form: strings as they are, numbers as text; kInvalidArgument
// naming a field that is neither.
Result<Form> FieldsOf(const boost::json::object& body);
// A string member of a JSON object; `fallback` if absent; kInvalidArgument if not a string.
Result<std::string> StringField(const boost::json::object& body, const char* name,
                                const std::string& fallback = {});

}  // namespace andel::web
