// A form shown again: every kind of field keeps what was posted, the field at fault carries its
// message tied with aria-describedby, and the summary links to it; other forms stay as they were.
#include "web/render/form_state.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <string>

namespace andel::web {
namespace {

const char kPage[] =
    "<h1>Funds</h1>\n"
    "<form method=\"post\" action=\"/c/x/funds/import\"><input name=\"title\" value=\"\"></form>\n"
    "<form method=\"post\" action=\"/c/x/funds?from=list\">\n"
    "<input type=\"hidden\" name=\"csrf\" value=\"token\">\n"
    "<label for=\"t\">Title</label><input id=\"t\" name=\"title\" value=\"old\">\n"
    "<input name=\"secret\" type=\"password\">\n"
    "<textarea id=\"d\" name=\"description\">old text</textarea>\n"
    "<select id=\"b\" name=\"ballot\"><option value=\"approval\" selected>A</option>"
    "<option value=\"cumulative\">C</option></select>\n"
    "<input type=\"checkbox\" name=\"tag\" value=\"x\" checked><input type=\"checkbox\" "
    "name=\"tag\" "
    "value=\"y\">\n"
    "<input type=\"radio\" name=\"who\" value=\"members\" checked><input type=\"radio\" "
    "name=\"who\" value=\"board\">\n"
    "</form>\n";

Form Posted(const std::vector<std::pair<std::string, std::string>>& fields) {
  Form form;
  for (const auto& [name, value] : fields) form.Add(name, value);
  return form;
}

TEST(FormState, EveryKindOfFieldKeepsWhatWasPosted) {
  const std::string html = ShowFormAgain(kPage, "/c/x/funds",
                                         Posted({{"csrf", "forged"},
                                                 {"title", "Kick-start \"fund\" <b>"},
                                                 {"secret", "hunter2"},
                                                 {"description", "\nLine one & two"},
                                                 {"ballot", "cumulative"},
                                                 {"tag", "y"},
                                                 {"who", "board"}}),
                                         std::nullopt, {});
  EXPECT_NE(html.find("value=\"Kick-start &quot;fund&quot; &lt;b&gt;\""), std::string::npos);
  EXPECT_NE(html.find("value=\"token\""), std::string::npos) << "hidden fields stay";
  EXPECT_EQ(html.find("hunter2"), std::string::npos) << "passwords are never sent back";
  EXPECT_NE(html.find("<textarea id=\"d\" name=\"description\">\n\nLine one &amp; two</textarea>"),
            std::string::npos);
  EXPECT_NE(html.find("<option value=\"cumulative\" selected>"), std::string::npos);
  EXPECT_NE(html.find("<option value=\"approval\">"), std::string::npos);
  EXPECT_NE(html.find("value=\"x\">"), std::string::npos) << "an unticked box is unticked";
  EXPECT_NE(html.find("value=\"y\" checked>"), std::string::npos);
  EXPECT_NE(html.find("value=\"board\" checked>"), std::string::npos);
  EXPECT_NE(html.find("action=\"/c/x/funds/import\"><input name=\"title\" value=\"\">"),
            std::string::npos)
      << "another form is left alone";
  EXPECT_EQ(html.find("error-summary"), std::string::npos) << "no error, no summary";
}

TEST(FormState, TheFieldAtFaultCarriesItsMessageAndTheSummaryLinksToIt) {
  const std::string html =
      ShowFormAgain(kPage, "/c/x/funds", Posted({{"ballot", "cumulative"}}),
                    FieldError{.field = "ballot", .message = "choose a ballot"},
                    {.summary_heading = "Der er et problem", .error_prefix = "Fejl:"});
  EXPECT_NE(html.find("<h1>Funds</h1><div class=\"error-summary\""), std::string::npos);
  EXPECT_NE(html.find("Der er et problem"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"#b\">choose a ballot</a>"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"field-error\" id=\"b-error\"><span class=\"visually-hidden\">"
                      "Fejl:</span> choose a ballot</p><select id=\"b\" name=\"ballot\" "
                      "aria-invalid=\"true\" aria-describedby=\"b-error\">"),
            std::string::npos)
      << html;
}

TEST(FormState, AMessageNoControlTakesOpensTheFormAndAControlWithoutIdGetsOne) {
  const std::string nowhere = ShowFormAgain(
      kPage, "/c/x/funds", Posted({}), FieldError{.field = "decision", .message = "closed"}, {});
  EXPECT_NE(nowhere.find("action=\"/c/x/funds?from=list\"><p class=\"field-error\" "
                         "id=\"form-error\">"),
            std::string::npos);
  EXPECT_NE(nowhere.find("<a href=\"#form-error\">closed</a>"), std::string::npos);
  const std::string unnamed = ShowFormAgain(kPage, "/c/x/funds", Posted({}),
                                            FieldError{.field = "who", .message = "choose"}, {});
  EXPECT_NE(unnamed.find("id=\"field-who\" aria-invalid=\"true\""), std::string::npos);
  EXPECT_NE(unnamed.find("<a href=\"#field-who\">choose</a>"), std::string::npos);
}

// Random texts posted into a text field come back as its value, whatever their bytes.
TEST(FormState, AnyTextComesBackAsTheFieldsValue) {
  std::mt19937 random(3);
  const std::string alphabet = "ab <>&\"'=/\n\tæø";
  const std::regex value(R"re(<input id="t" name="title" value="([^"]*)">)re");
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (size_t n = random() % 12; n > 0; --n) text += alphabet[random() % alphabet.size()];
    const std::string html =
        ShowFormAgain(kPage, "/c/x/funds", Posted({{"title", text}}), std::nullopt, {});
    std::smatch match;
    ASSERT_TRUE(std::regex_search(html, match, value)) << html;
    EXPECT_EQ(match[1].str(), HtmlEscape(text));
  }
}

}  // namespace
}  // namespace andel::web
