#include "mail/mail_message.h"

#include <gtest/gtest.h>

#include "mail/smtp_client.h"

namespace andel::mail {
namespace {

TEST(Base64, Rfc4648Vectors) {
  const std::pair<std::string, std::string> kCases[] = {{"", ""},
                                                        {"f", "Zg=="},
                                                        {"fo", "Zm8="},
                                                        {"foo", "Zm9v"},
                                                        {"foob", "Zm9vYg=="},
                                                        {"fooba", "Zm9vYmE="},
                                                        {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : kCases) EXPECT_EQ(Base64(plain), encoded) << plain;
}

TEST(HeaderText, AsciiStaysUtf8IsEncodedBetweenCodePoints) {
  EXPECT_EQ(EncodeHeaderText("Reset your password"), "Reset your password");
  EXPECT_EQ(EncodeHeaderText("Nulstil"), "Nulstil");
  EXPECT_EQ(EncodeHeaderText("Ærø"), "=?UTF-8?B?w4Zyw7g=?=");
  const std::string long_text(40, 'a');
  const std::string encoded = EncodeHeaderText(long_text + "øøøøøøøø");
  EXPECT_NE(encoded.find("\r\n =?UTF-8?B?"), std::string::npos);
  EXPECT_FALSE(encoded.find("\r\n\r\n") != std::string::npos);
}

TEST(DotStuff, DoublesLeadingDots) {
  EXPECT_EQ(DotStuff(".hidden\r\nok\r\n.\r\n"), "..hidden\r\nok\r\n..\r\n");
  EXPECT_EQ(DotStuff("a.b"), "a.b");
}

TEST(Message, HeadersAndBase64Body) {
  MailMessage message{"andel@example.org", "mette@example.dk", "Nulstil din adgangskode",
                      "Åbn dette link: https://x/reset/abc", "outbox-1@example.org"};
  const std::string text = FormatMessage(message, 0);
  EXPECT_NE(text.find("Date: Thu, 1 Jan 1970 00:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(text.find("To: mette@example.dk\r\n"), std::string::npos);
  EXPECT_NE(text.find("Content-Transfer-Encoding: base64\r\n\r\n"), std::string::npos);
  EXPECT_NE(text.find(Base64("Åbn dette link: https://x/reset/abc").substr(0, 40)),
            std::string::npos);
  EXPECT_NE(FormatMessage(message, 1795132800).find("Date: Fri, 20 Nov 2026 00:00:00"),
            std::string::npos);
}

TEST(SmtpRelay, ParsesHostAndPort) {
  EXPECT_EQ(ParseSmtpRelay("localhost")->port, 25);
  EXPECT_EQ(ParseSmtpRelay("mail.example.org:587")->host, "mail.example.org");
  EXPECT_EQ(ParseSmtpRelay("mail.example.org:587")->port, 587);
  EXPECT_FALSE(ParseSmtpRelay("host:0").has_value());
  EXPECT_FALSE(ParseSmtpRelay(":25").has_value());
  EXPECT_FALSE(ParseSmtpRelay("host:port").has_value());
  EXPECT_EQ(ParseSmtpRelay("bad host").error().where, "smtp");
}

}  // namespace
}  // namespace andel::mail
