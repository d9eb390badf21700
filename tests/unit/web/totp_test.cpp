// TOTP (RFC 6238) on liboath: the RFC's test vectors, a property test against a reference
// written here from the RFCs (SHA-1, HMAC, dynamic truncation) on many random secrets and times,
// and the enrolment QR code's structure.
#include "web/accounts/totp.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace andel::web {
namespace {

// ---- The reference: SHA-1 (RFC 3174), HMAC (RFC 2104), HOTP (RFC 4226), base32 (RFC 4648).

uint32_t Rotate(uint32_t value, int bits) { return (value << bits) | (value >> (32 - bits)); }

std::array<uint8_t, 20> Sha1(const std::vector<uint8_t>& message) {
  uint32_t h[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
  std::vector<uint8_t> padded = message;
  const uint64_t bit_length = static_cast<uint64_t>(message.size()) * 8;
  padded.push_back(0x80);
  while (padded.size() % 64 != 56) padded.push_back(0);
  for (int i = 7; i >= 0; --i) padded.push_back(static_cast<uint8_t>(bit_length >> (i * 8)));
  for (size_t block = 0; block < padded.size(); block += 64) {
    uint32_t w[80];
    for (int t = 0; t < 16; ++t) {
      w[t] = static_cast<uint32_t>(padded[block + 4 * t]) << 24 |
             static_cast<uint32_t>(padded[block + 4 * t + 1]) << 16 |
             static_cast<uint32_t>(padded[block + 4 * t + 2]) << 8 | padded[block + 4 * t + 3];
    }
    for (int t = 16; t < 80; ++t) w[t] = Rotate(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int t = 0; t < 80; ++t) {
      uint32_t f = 0, k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d);
        k = 0x5A827999;
      } else if (t < 40) {
        f = b ^ c ^ d;
        k = 0x6ED9EBA1;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d);
        k = 0x8F1BBCDC;
      } else {
        f = b ^ c ^ d;
        k = 0xCA62C1D6;
      }
      const uint32_t next = Rotate(a, 5) + f + e + k + w[t];
      e = d;
      d = c;
      c = Rotate(b, 30);
      b = a;
      a = next;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
  }
  std::array<uint8_t, 20> digest;
  for (int i = 0; i < 20; ++i) digest[i] = static_cast<uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

std::array<uint8_t, 20> HmacSha1(std::vector<uint8_t> key, const std::vector<uint8_t>& message) {
  if (key.size() > 64) {
    const std::array<uint8_t, 20> hashed = Sha1(key);
    key.assign(hashed.begin(), hashed.end());
  }
  key.resize(64, 0);
  std::vector<uint8_t> inner, outer;
  for (const uint8_t byte : key) {
    inner.push_back(byte ^ 0x36);
    outer.push_back(byte ^ 0x5c);
  }
  inner.insert(inner.end(), message.begin(), message.end());
  const std::array<uint8_t, 20> inner_hash = Sha1(inner);
  outer.insert(outer.end(), inner_hash.begin(), inner_hash.end());
  return Sha1(outer);
}

std::string ReferenceCode(const std::vector<uint8_t>& key, int64_t unix_seconds) {
  const uint64_t counter = static_cast<uint64_t>(unix_seconds) / 30;
  std::vector<uint8_t> message;
  for (int i = 7; i >= 0; --i) message.push_back(static_cast<uint8_t>(counter >> (i * 8)));
  const std::array<uint8_t, 20> mac = HmacSha1(key, message);
  const int offset = mac[19] & 0x0f;
  const uint32_t binary =
      (mac[offset] & 0x7f) << 24 | mac[offset + 1] << 16 | mac[offset + 2] << 8 | mac[offset + 3];
  std::ostringstream out;
  out.width(6);
  out.fill('0');
  out << binary % 1000000;
  return out.str();
}

std::string Base32(const std::vector<uint8_t>& bytes) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (const uint8_t byte : bytes) {
    buffer = buffer << 8 | byte;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

// ---- Tests.

// RFC 6238, appendix B (SHA-1 key "12345678901234567890"), the last six of its eight digits.
TEST(Totp, MatchesTheRfcTestVectors) {
  const std::string secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  const std::pair<int64_t, std::string> vectors[] = {
      {59, "287082"},         {1111111109, "081804"}, {1111111111, "050471"},
      {1234567890, "005924"}, {2000000000, "279037"}, {20000000000, "353130"},
  };
  for (const auto& [time, code] : vectors) {
    EXPECT_EQ(TotpCode(secret, time), code) << time;
    ASSERT_TRUE(MatchTotp(secret, code, time).has_value()) << time;
    EXPECT_EQ(*MatchTotp(secret, code, time), time / 30) << time;
  }
}

TEST(Totp, AgreesWithTheReferenceOnRandomSecretsAndTimes) {
  std::mt19937_64 random(20261207);
  for (int trial = 0; trial < 2000; ++trial) {
    std::vector<uint8_t> key(10 + random() % 30);
    for (uint8_t& byte : key) byte = static_cast<uint8_t>(random());
    const std::string secret = Base32(key);
    const int64_t now = 30 + static_cast<int64_t>(random() % 4000000000ULL);
    const std::string code = ReferenceCode(key, now);
    ASSERT_EQ(TotpCode(secret, now), code) << secret << " at " << now;
    // A code of the step before, this step or the next is accepted, as that step; two steps
    // away it is not (unless the six digits happen to coincide).
    for (int delta = -2; delta <= 2; ++delta) {
      const std::string other = ReferenceCode(key, now + delta * 30);
      const std::optional<int64_t> step = MatchTotp(secret, other, now);
      bool coincides = false;
      for (int near = -1; near <= 1; ++near) {
        coincides = coincides || ReferenceCode(key, now + near * 30) == other;
      }
      if (delta >= -1 && delta <= 1) {
        ASSERT_TRUE(step.has_value()) << secret << " at " << now << " delta " << delta;
        EXPECT_EQ(ReferenceCode(key, *step * 30), other);
      } else {
        EXPECT_EQ(step.has_value(), coincides) << secret << " at " << now << " delta " << delta;
      }
    }
  }
}

TEST(Totp, RefusesWhatIsNotSixDigitsOrNotASecret) {
  const std::string secret = NewTotpSecret();
  const std::string code = TotpCode(secret, 1790000000);
  EXPECT_TRUE(MatchTotp(secret, code, 1790000000).has_value());
  for (const std::string& bad : {std::string(), code.substr(0, 5), code + "0", " " + code,
                                 std::string("12345a"), std::string("１２３４５６")}) {
    EXPECT_FALSE(MatchTotp(secret, bad, 1790000000).has_value()) << bad;
  }
  EXPECT_FALSE(MatchTotp("", code, 1790000000).has_value());
  EXPECT_FALSE(MatchTotp("not base32!", code, 1790000000).has_value());
  EXPECT_EQ(TotpCode("", 1790000000), "");
}

TEST(Totp, NewSecretsAreLongRandomAndBase32) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string secret = NewTotpSecret();
    ASSERT_EQ(secret.size(), 32u);
    for (const char c : secret) EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '2' && c <= '7'));
    seen.insert(secret);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(GroupForTyping("ABCDEFGHIJ"), "ABCD EFGH IJ");
}

TEST(Totp, TheUriNamesTheIssuerAndTheAccount) {
  EXPECT_EQ(TotpUri("Andel (andel.example.dk)", "søren@example.dk", "ABCD"),
            "otpauth://totp/Andel%20%28andel.example.dk%29:s%C3%B8ren%40example.dk"
            "?secret=ABCD&issuer=Andel%20%28andel.example.dk%29&algorithm=SHA1&digits=6&period=30");
}

// The QR code's modules, read back from the SVG path ("M{x} {y}h1v1h-1z" each).
std::set<std::pair<int, int>> Modules(const std::string& svg, int& size) {
  const size_t box = svg.find("viewBox=\"0 0 ");
  size = std::stoi(svg.substr(box + 13));
  std::set<std::pair<int, int>> modules;
  for (size_t at = svg.find('M'); at != std::string::npos; at = svg.find('M', at + 1)) {
    std::istringstream in(svg.substr(at + 1, 16));
    int x = 0, y = 0;
    in >> x >> y;
    modules.insert({x, y});
  }
  return modules;
}

TEST(QrCode, HasAQuietZoneAndThreeFinderPatterns) {
  const std::string uri =
      TotpUri("Andel (andel.example.dk)", "member@example.dk", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  const std::string svg = QrCodeSvg(uri);
  ASSERT_TRUE(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
  int size = 0;
  const std::set<std::pair<int, int>> modules = Modules(svg, size);
  const int width = size - 8;
  ASSERT_EQ((width - 17) % 4, 0);  // a QR code is 17 + 4 × version modules wide
  for (const auto& [x, y] : modules) {
    EXPECT_TRUE(x >= 4 && y >= 4 && x < 4 + width && y < 4 + width) << x << "," << y;
  }
  // A finder pattern: a dark 7×7 ring, a light ring inside it, a dark 3×3 centre.
  const auto finder_at = [&](int left, int top) {
    for (int dy = 0; dy < 7; ++dy) {
      for (int dx = 0; dx < 7; ++dx) {
        const bool ring = dx == 0 || dy == 0 || dx == 6 || dy == 6;
        const bool centre = dx >= 2 && dx <= 4 && dy >= 2 && dy <= 4;
        if (modules.count({left + dx, top + dy}) != ((ring || centre) ? 1u : 0u)) return false;
      }
    }
    return true;
  };
  EXPECT_TRUE(finder_at(4, 4));
  EXPECT_TRUE(finder_at(4 + width - 7, 4));
  EXPECT_TRUE(finder_at(4, 4 + width - 7));
  EXPECT_FALSE(finder_at(4 + width - 7, 4 + width - 7));
}

}  // namespace
}  // namespace andel::web
