#include "web/api_support.h"

#include <algorithm>
#include <charconv>

#include "core/text.h"
#include "web/responses.h"

namespace andel::web {

namespace json = boost::json;

Result<int> QueryInt(const Context& ctx, const char* name, int fallback, int low, int high) {
  const std::string& text = ctx.query.Get(name);
  if (text.empty()) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || value < low || value > high) {
    return Error::InvalidArgument("a paging parameter is out of range", name);
  }
  return value;
}

Result<Paging> ReadPaging(const Context& ctx) {
  Paging paging;
  Result<int> page = QueryInt(ctx, "page", 1, 1, 1000000);
  if (!page) return page.error();
  Result<int> per_page = QueryInt(ctx, "per_page", 50, 1, 200);
  if (!per_page) return per_page.error();
  paging.page = *page;
  paging.per_page = *per_page;
  return paging;
}

Response JsonOf(const json::value& value, int status) {
  return JsonResponse(json::serialize(value), status);
}

json::object PageOf(json::array items, const Paging& paging, int64_t total) {
  return {{"items", std::move(items)},
          {"page", paging.page},
          {"per_page", paging.per_page},
          {"total", total}};
}

Result<json::object> BodyObject(const Context& ctx, std::span<const std::string_view> accepted) {
  json::error_code ec;
  json::value value = json::parse(ctx.request.Body(), ec);
  if (ec || !value.is_object()) {
    return Error::InvalidArgument("the body must be a JSON object", "body");
  }
  for (const auto& [key, member] : value.as_object()) {
    if (std::find(accepted.begin(), accepted.end(), std::string_view(key)) == accepted.end()) {
      return Error::InvalidArgument("unknown field", std::string(key));
    }
  }
  return std::move(value.as_object());
}

Result<json::object> BodyObject(const Context& ctx,
                                std::initializer_list<std::string_view> accepted) {
  return BodyObject(ctx, std::span<const std::string_view>(accepted.begin(), accepted.size()));
}

Status NoBodyFields(const Context& ctx) {
  if (Trim(ctx.request.Body()).empty()) return {};
  Result<json::object> body = BodyObject(ctx, std::span<const std::string_view>());
  if (!body) return body.error();
  return {};
}

Result<std::string> StringField(const json::object& body, const char* name,
                                const std::string& fallback) {
  const json::value* value = body.if_contains(name);
  if (!value) return fallback;
  if (!value->is_string()) return Error::InvalidArgument("this field must be a string", name);
  return std::string(value->as_string());
}

Result<int64_t> IntField(const json::object& body, const char* name, int64_t low, int64_t high,
                         int64_t fallback) {
  const json::value* value = body.if_contains(name);
  if (!value) return fallback;
  if (!value->is_int64()) return Error::InvalidArgument("this must be a whole number", name);
  if (value->as_int64() < low || value->as_int64() > high) {
    return Error::InvalidArgument("this number is out of range", name);
  }
  return value->as_int64();
}

Result<int64_t> IdField(const json::object& body, const char* name) {
  const json::value* value = body.if_contains(name);
  if (!value || value->is_null()) return 0;
  if (!value->is_int64() || value->as_int64() <= 0) {
    return Error::InvalidArgument("this must be an id", name);
  }
  return value->as_int64();
}

Result<bool> BoolField(const json::object& body, const char* name, bool fallback) {
  const json::value* value = body.if_contains(name);
  if (!value) return fallback;
  if (!value->is_bool()) return Error::InvalidArgument("this must be true or false", name);
  return value->as_bool();
}

Result<Form> FieldsOf(const boost::json::object& body) {
  Form form;
  for (const auto& [key, value] : body) {
    if (value.is_string()) {
      form.Add(std::string(key), std::string(value.as_string()));
    } else if (value.is_int64()) {
      form.Add(std::string(key), std::to_string(value.as_int64()));
    } else if (value.is_double()) {
      form.Add(std::string(key), boost::json::serialize(value));
    } else {
      return Error::InvalidArgument("this must be text or a number", std::string(key));
    }
  }
  return form;
}

}  // namespace andel::web
