// Pure parts of the web layer: the catalogue and its plural forms, translation coverage, forms,
// language choice, formatting, security helpers and the route table against the OpenAPI file.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/text.h"
#include "impact/catalogue.h"
#include "web/forms.h"
#include "web/i18n.h"
#include "web/locales.h"
#include "web/render/views.h"
#include "web/routes.h"
#include "web/security.h"
#include "web/web_app.h"

namespace andel::web {
namespace {

std::string ReadSource(const std::string& relative) {
  std::ifstream in(std::string(ANDEL_SOURCE_DIR) + "/" + relative);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `"first " "second"` (adjacent C++ literals, as matched) as the one string they make; a match
// without quotes is returned as it is.
std::string JoinLiterals(const std::string& matched) {
  if (matched.empty() || matched[0] != '"') return matched;
  std::string joined;
  bool inside = false;
  for (const char c : matched) {
    if (c == '"') {
      inside = !inside;
    } else if (inside) {
      joined += c;
    }
  }
  return joined;
}

TEST(Catalog, TranslatesAndChoosesPluralFormsPerLanguage) {
  Result<Catalog> catalog = LoadCatalog();
  ASSERT_TRUE(catalog.has_value()) << catalog.error().message;
  EXPECT_EQ(catalog->Translate("da", "Members"), "Medlemmer");
  EXPECT_EQ(catalog->Translate("nl", "Members"), "Leden");
  EXPECT_EQ(catalog->Translate("en", "Members"), "Members");
  EXPECT_EQ(catalog->Translate("da", "no such text"), "no such text");
  EXPECT_EQ(catalog->Plural("da", "{n} ballot", "{n} ballots", 1), "1 stemmeseddel");
  EXPECT_EQ(catalog->Plural("da", "{n} ballot", "{n} ballots", 0), "0 stemmesedler");
  EXPECT_EQ(catalog->Plural("da", "{n} ballot", "{n} ballots", 12500), "12.500 stemmesedler");
  EXPECT_EQ(catalog->Plural("nl", "{n} ballot", "{n} ballots", 1), "1 stembiljet");
  EXPECT_EQ(catalog->Plural("en", "{n} ballot", "{n} ballots", 1), "1 ballot");
  EXPECT_EQ(catalog->Plural("en", "{n} ballot", "{n} ballots", 1234), "1,234 ballots");
}

// Every English string a user can see has a Danish and a Dutch translation: the {{#t}} texts
// of the templates and the messages and labels in the web layer's and domains' code.
TEST(Translations, CatalogueCoversEveryUserFacingString) {
  std::set<std::string> english;
  const std::regex marker(R"(\{\{#t\}\}(.*?)\{\{/t\}\})");
  const std::filesystem::path templates = std::string(ANDEL_SOURCE_DIR) + "/templates";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(templates)) {
    if (!entry.is_regular_file()) continue;
    const std::string text =
        ReadSource("templates/" + std::filesystem::relative(entry.path(), templates).string());
    for (std::sregex_iterator it(text.begin(), text.end(), marker), end; it != end; ++it) {
      english.insert((*it)[1]);
    }
  }
  // A message may be split over several adjacent literals ("first part " "second part").
  const std::regex message(R"((?:Error::[A-Za-z]+|\bT|ctx\.T)\(\s*((?:\"[^\"]*\"\s*)+))");
  const std::regex translated(R"(Translate\([a-z_.>-]+,\s*((?:\"[^\"]*\"\s*)+))");
  const std::regex label(R"(static const std::string k[A-Za-z]+ = \"([^\"]+)\")");
  const std::regex more_labels(R"(, k[A-Za-z]+ = \"([^\"]+)\")");
  const std::regex notice(R"(UrlEncode\(((?:\"[^\"]*\"\s*)+)\))");
  const std::regex audit_label(R"(\{\"[a-z]+\.[a-z]+\", \"([^\"]+)\"\})");
  const std::regex transport(R"(WriteError\(\d+, \"([^\"]+)\"\))");
  // ParseEnum(names, text, "field", "message").
  const std::regex enum_message(R"(ParseEnum\([^;]*?, \"[a-z_]+\",\s*\"([^\"]+)\"\))");
  // Counted phrases: N("{n} ballot", "{n} ballots", n) and Plural(language, "…", "…", n).
  const std::regex counted(R"((?:\bN|Plural)\((?:[a-z_.>-]+,\s*)?\"([^\"]+)\",\s*\"([^\"]+)\")");
  std::set<std::pair<std::string, std::string>> plurals;
  std::vector<std::string> sources;
  for (const char* dir : {"src/web", "src/communities", "src/decisions", "src/core", "src/store",
                          "src/funds", "src/budgeting", "src/impact", "src/incubator"}) {
    // Every folder below: the web and store layers keep one folder per capability.
    const std::filesystem::path root = std::string(ANDEL_SOURCE_DIR) + "/" + dir;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      sources.push_back(ReadSource(std::string(dir) + "/" +
                                   std::filesystem::relative(entry.path(), root).string()));
    }
  }
  ASSERT_GT(sources.size(), 230u) << "the sources were not all found";
  // Mails: every literal of a MailLink, MailNotice or MailMember call is text for the recipient.
  const std::regex mail_call(R"((?:MailLink|MailNotice|MailMember)\(([^;]*);)");
  const std::regex literals(R"(((?:\"[^\"]*\"\s*)+))");
  for (const std::string& text : sources) {
    for (std::sregex_iterator call(text.begin(), text.end(), mail_call), end; call != end; ++call) {
      const std::string arguments = (*call)[1];
      for (std::sregex_iterator it(arguments.begin(), arguments.end(), literals); it != end; ++it) {
        english.insert(JoinLiterals((*it)[1]));
      }
    }
    for (std::sregex_iterator it(text.begin(), text.end(), counted), end; it != end; ++it) {
      plurals.emplace((*it)[1], (*it)[2]);
    }
    for (const std::regex* pattern : {&message, &translated, &label, &more_labels, &notice,
                                      &transport, &audit_label, &enum_message}) {
      for (std::sregex_iterator it(text.begin(), text.end(), *pattern), end; it != end; ++it) {
        english.insert(JoinLiterals((*it)[1]));
      }
    }
  }
  // The starter catalogue's indicator names and units.
  for (const impact::CatalogueEntry& entry : impact::StarterCatalogue()) {
    english.insert(std::string(entry.name));
    english.insert(std::string(entry.unit));
  }
  english.erase("");
  ASSERT_GT(english.size(), 100u);
  // gettext's msgcmp checks that each catalogue translates every one of them (a counted phrase in
  // every plural form).
  const std::filesystem::path pot = std::filesystem::temp_directory_path() /
                                    ("andel-strings-" + std::to_string(getpid()) + ".pot");
  {
    std::ofstream out(pot);
    const auto quoted = [](const std::string& text) {
      std::string out = "\"";
      for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
      }
      return out + "\"";
    };
    out << "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n";
    for (const std::string& text : english) {
      out << "\nmsgid " << quoted(text) << "\nmsgstr \"\"\n";
    }
    for (const auto& [singular, plural] : plurals) {
      english.erase(singular);
      out << "\nmsgid " << quoted(singular) << "\nmsgid_plural " << quoted(plural)
          << "\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n";
    }
  }
  EXPECT_GT(plurals.size(), 10u) << "the counted phrases were not all found";
  for (const char* language : {"da", "nl"}) {
    const std::string command = "msgcmp " + std::string(ANDEL_SOURCE_DIR) + "/locale/" + language +
                                ".po " + pot.string() + " 2>&1";
    std::string report;
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    char buffer[4096];
    while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) report.append(buffer, n);
    // Only what is missing; msgcmp also lists the catalogue's entries no source uses.
    std::string missing;
    for (std::string_view line : Split(report, '\n')) {
      if (line.find("is not used") == std::string_view::npos) missing += std::string(line) + "\n";
    }
    EXPECT_EQ(pclose(pipe), 0) << language << " lacks translations:\n" << missing;
  }
  std::filesystem::remove(pot);
}

TEST(Language, NegotiatesFromAcceptLanguage) {
  EXPECT_EQ(NegotiateLanguage("da-DK,da;q=0.9,en;q=0.5"), "da");
  EXPECT_EQ(NegotiateLanguage("fr-FR,nl;q=0.4,en;q=0.3"), "nl");
  EXPECT_EQ(NegotiateLanguage("fr"), "en");
  EXPECT_EQ(NegotiateLanguage(""), "en");
  EXPECT_EQ(NegotiateLanguage("en;q=0.2, nl;q=0.8"), "nl");
}

TEST(Formatting, DatesAndNumbersPerLanguage) {
  const Date date{2026, 5, 3};
  EXPECT_EQ(FormatDate("en", date), "3 May 2026");
  EXPECT_EQ(FormatDate("da", date), "3. maj 2026");
  EXPECT_EQ(FormatDate("nl", date), "3 mei 2026");
  EXPECT_EQ(FormatInteger("en", 1234567), "1,234,567");
  EXPECT_EQ(FormatInteger("da", 1234567), "1.234.567");
  EXPECT_EQ(FormatInteger("nl", -1000), "-1.000");
  EXPECT_EQ(FormatInteger("en", 999), "999");
}

TEST(Forms, UrlEncodedAndCookies) {
  auto form = ParseUrlEncoded("name=S%C3%B8ren+Lund&empty=&flag");
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Get("name"), "Søren Lund");
  EXPECT_TRUE(form->Has("flag"));
  auto bad = ParseUrlEncoded("name=%FF%FE");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().where, "name");
  EXPECT_FALSE(ParseUrlEncoded("x=%4").has_value());
  EXPECT_EQ(CookieValue("a=1; andel_session=xyz; b=2", "andel_session"), "xyz");
  EXPECT_FALSE(CookieValue("a=1", "andel_session").has_value());
}

TEST(Forms, RequestPaths) {
  EXPECT_EQ(PercentDecodePath("/c/f%C3%B8devarer/a+b"), "/c/fødevarer/a+b");  // '+' stays
  EXPECT_EQ(PercentDecodePath("/a%2Fb%0a"), "/a/b\n");
  EXPECT_EQ(PercentDecodePath(""), "");
  EXPECT_FALSE(PercentDecodePath("/a%4").has_value());
  EXPECT_FALSE(PercentDecodePath("/a%").has_value());
  EXPECT_FALSE(PercentDecodePath("/a%zz").has_value());
}

TEST(Forms, Multipart) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"m.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\nemail,name\r\na,b\r\n--XyZ--\r\n";
  std::vector<UploadedFile> files;
  auto form = ParseMultipart(body, "multipart/form-data; boundary=XyZ", files);
  ASSERT_TRUE(form.has_value());
  EXPECT_EQ(form->Get("csrf"), "abc");
  ASSERT_EQ(files.size(), 1u);
  EXPECT_EQ(files[0].content, "email,name\r\na,b");
  EXPECT_FALSE(ParseMultipart("garbage", "multipart/form-data; boundary=XyZ", files).has_value());
}

TEST(Security, TokensHashesAndPasswords) {
  ASSERT_TRUE(InitSecurity().has_value());
  const std::string a = RandomToken(), b = RandomToken();
  EXPECT_EQ(a.size(), 43u);
  EXPECT_NE(a, b);
  EXPECT_EQ(HashToken(a).size(), 64u);
  EXPECT_EQ(HashToken(a), HashToken(a));
  EXPECT_NE(CsrfToken("k1", a), CsrfToken("k2", a));
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash.has_value());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword("correct horse battery", *hash));
  EXPECT_FALSE(VerifyPassword("wrong horse battery", *hash));
  EXPECT_FALSE(VerifyPassword("x", ""));
  EXPECT_FALSE(ValidatePassword("short").has_value());
}

TEST(Views, TranslateTemplateMarkers) {
  Result<Catalog> loaded = LoadCatalog();
  ASSERT_TRUE(loaded.has_value());
  const Catalog& catalog = *loaded;
  EXPECT_EQ(*TranslateTemplate("<h1>{{#t}}Members{{/t}}</h1>", "da", catalog),
            "<h1>Medlemmer</h1>");
  EXPECT_EQ(*TranslateTemplate("{{#t}}A & B{{/t}}", "da", catalog), "A &amp; B");
  EXPECT_FALSE(TranslateTemplate("{{#t}}open", "da", catalog).has_value());
}

TEST(Routes, EveryRouteIsInTheOpenApiFile) {
  const std::string openapi = ReadSource("docs/openapi.yaml");
  for (const Route& route : RouteTable()) {
    if (route.surface != Surface::kApi) continue;
    const std::string path = route.pattern.substr(std::string("/api/v1").size());
    std::string method(MethodName(route.method));
    for (char& c : method) c = static_cast<char>(std::tolower(c));
    const size_t at = openapi.find("\n  " + path + ":\n");
    ASSERT_NE(at, std::string::npos) << "missing path " << path;
    const size_t next = openapi.find("\n  /", at + 1);
    const std::string block = openapi.substr(at, next - at);
    EXPECT_NE(block.find("\n    " + method + ":"), std::string::npos)
        << "missing " << method << " " << path;
  }
}

// Unique up to the names of their parameters: "/a/{id}" and "/a/{slug}" would be one route twice.
TEST(Routes, PatternsAreUniquePerMethod) {
  std::set<std::string> seen;
  for (const Route& route : RouteTable()) {
    const std::string shape = std::regex_replace(route.pattern, std::regex(R"(\{[a-z_]+\})"), "{}");
    EXPECT_TRUE(seen.insert(std::string(MethodName(route.method)) + " " + shape).second)
        << route.pattern;
  }
}

// Whatever the order of the capabilities' route lists, an address finds its own route: a literal
// segment ("/funds/import") wins over a parameter ("/funds/{id}"), which also matches it.
TEST(Routes, EveryAddressFindsItsMostSpecificRoute) {
  for (const Route& route : RouteTable()) {
    const std::string path = std::regex_replace(route.pattern, std::regex(R"(\{[a-z_]+\})"), "7");
    std::map<std::string, std::string> params;
    bool known = false;
    EXPECT_EQ(MatchRoute(route.method, path, params, known), &route) << route.pattern;
    EXPECT_TRUE(known);
  }
}

}  // namespace
}  // namespace andel::web
