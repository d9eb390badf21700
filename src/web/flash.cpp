// Flash cookies: libsodium's secretbox over length-prefixed strings (any bytes may be a value).
#include "web/flash.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <vector>

#include "web/forms.h"

namespace andel::web {
namespace {

constexpr const char* kFlashCookie = "andel_flash";

// The sealing key: BLAKE2b of the server's secret under a fixed context, so that no other use of
// the secret yields it.
std::vector<unsigned char> FlashKey(std::string_view secret) {
  std::vector<unsigned char> key(crypto_secretbox_KEYBYTES);
  static constexpr char kContext[] = "andel flash cookie v1";
  crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(kContext),
                     sizeof kContext - 1, reinterpret_cast<const unsigned char*>(secret.data()),
                     std::min<size_t>(secret.size(), crypto_generichash_KEYBYTES_MAX));
  return key;
}

std::string Base64(const std::vector<unsigned char>& bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING),
                  '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<std::vector<unsigned char>> FromBase64(std::string_view text) {
  if (text.empty()) return std::nullopt;  // libsodium takes no null buffer
  std::vector<unsigned char> bytes(text.size());
  size_t length = 0;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(), nullptr, &length,
                        nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

int64_t PersonId(const Context& ctx) { return ctx.person ? ctx.person->id : 0; }

// Each string as its length in four bytes (little-endian), then its bytes.
void Put(std::string& out, std::string_view text) {
  const auto length = static_cast<uint32_t>(text.size());
  for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>(length >> shift));
  out.append(text);
}

std::optional<std::string_view> Take(std::string_view& in) {
  if (in.size() < 4) return std::nullopt;
  uint32_t length = 0;
  for (int i = 0; i < 4; ++i)
    length |= static_cast<uint32_t>(static_cast<uint8_t>(in[i])) << (8 * i);
  in.remove_prefix(4);
  if (in.size() < length) return std::nullopt;
  const std::string_view text = in.substr(0, length);
  in.remove_prefix(length);
  return text;
}

std::optional<int64_t> TakeNumber(std::string_view& in) {
  const std::optional<std::string_view> text = Take(in);
  int64_t value = 0;
  if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ptr !=
                   text->data() + text->size()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

std::string SealFlash(std::string_view server_secret, const FlashEnvelope& envelope) {
  std::string plain;
  Put(plain, envelope.path);
  Put(plain, std::to_string(envelope.person));
  Put(plain, std::to_string(envelope.until));
  for (const auto& [name, value] : envelope.values) {
    Put(plain, name);
    Put(plain, value);
  }
  std::vector<unsigned char> sealed(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES +
                                    plain.size());
  randombytes_buf(sealed.data(), crypto_secretbox_NONCEBYTES);
  const std::vector<unsigned char> key = FlashKey(server_secret);
  crypto_secretbox_easy(sealed.data() + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
                        sealed.data(), key.data());
  return Base64(sealed);
}

std::optional<FlashValues> OpenFlash(std::string_view server_secret, std::string_view cookie,
                                     std::string_view path, int64_t person, int64_t now) {
  const std::optional<std::vector<unsigned char>> sealed = FromBase64(cookie);
  if (!sealed || sealed->size() < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  std::string plain(sealed->size() - crypto_secretbox_NONCEBYTES - crypto_secretbox_MACBYTES, '\0');
  const std::vector<unsigned char> key = FlashKey(server_secret);
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 sealed->data() + crypto_secretbox_NONCEBYTES,
                                 sealed->size() - crypto_secretbox_NONCEBYTES, sealed->data(),
                                 key.data()) != 0) {
    return std::nullopt;
  }
  std::string_view in = plain;
  const std::optional<std::string_view> sealed_path = Take(in);
  const std::optional<int64_t> sealed_person = TakeNumber(in);
  const std::optional<int64_t> until = TakeNumber(in);
  if (!sealed_path || *sealed_path != path || sealed_person != person || !until || *until < now) {
    return std::nullopt;
  }
  FlashValues out;
  while (!in.empty()) {
    const std::optional<std::string_view> name = Take(in);
    const std::optional<std::string_view> value = Take(in);
    if (!name || !value) return std::nullopt;
    out[std::string(*name)] = std::string(*value);
  }
  return out;
}

void SetFlash(Context& ctx, const std::string& page_path, const FlashValues& values) {
  const std::string sealed = SealFlash(ctx.services.secret_key, {.path = page_path,
                                                                 .person = PersonId(ctx),
                                                                 .until = ctx.Now() + kFlashSeconds,
                                                                 .values = values});
  std::string cookie = std::string(kFlashCookie) + "=" + sealed + "; Path=" + page_path +
                       "; HttpOnly; SameSite=Lax; Max-Age=" + std::to_string(kFlashSeconds);
  if (ctx.services.config.public_url.starts_with("https:")) cookie += "; Secure";
  ctx.set_cookies.push_back(std::move(cookie));
}

std::optional<FlashValues> ReadFlash(const Context& ctx) {
  const std::optional<std::string> cookie = CookieValue(ctx.request.Header("cookie"), kFlashCookie);
  if (!cookie) return std::nullopt;
  return OpenFlash(ctx.services.secret_key, *cookie, ctx.request.path, PersonId(ctx), ctx.Now());
}

}  // namespace andel::web
