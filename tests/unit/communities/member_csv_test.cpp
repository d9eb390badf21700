#include "communities/member_csv.h"

#include <gtest/gtest.h>

#include <random>

#include "core/csv.h"

namespace andel::communities {
namespace {

const std::vector<Category> kCategories = {
    {.code = "citizen", .name_en = "Citizen", .name_da = "Borger", .name_nl = "Burger"},
    {.code = "business", .name_en = "Business", .name_da = "Virksomhed", .name_nl = "Bedrijf"},
    {.code = "public_sector",
     .name_en = "Public sector",
     .name_da = "Offentlig sektor",
     .name_nl = "Publieke sector"}};

TEST(MemberCsv, ReadsGoodRows) {
  const std::string text =
      "email,name,organisation,category,role,shares,joined_on,status\r\n"
      "Mette@Example.dk,Mette Jensen,,citizen,board,3,2023-04-01,active\r\n"
      "\"lars@example.dk\",\"Lars, the smith\",Smedjen,business,,,,\n";
  MemberCsv csv = ParseMemberCsv(text, kCategories);
  ASSERT_TRUE(csv.errors.empty()) << csv.errors[0].message << " " << csv.errors[0].where;
  ASSERT_EQ(csv.rows.size(), 2u);
  EXPECT_EQ(csv.rows[0].email, "mette@example.dk");
  EXPECT_EQ(csv.rows[0].role, Role::kBoard);
  EXPECT_EQ(csv.rows[0].shares, 3);
  EXPECT_EQ(csv.rows[1].name, "Lars, the smith");
  EXPECT_EQ(csv.rows[1].organisation, "Smedjen");
}

TEST(MemberCsv, ReportsEveryBadRowByLineAndColumn) {
  const std::string text =
      "email,name,category,shares,joined_on\n"
      "good@example.dk,Good,citizen,1,2020-01-01\n"
      "not-an-email,Bad Email,citizen,1,\n"
      "x@example.dk,,citizen,1,\n"
      "y@example.dk,Y,astronaut,1,\n"
      "z@example.dk,Z,citizen,-4,2020-02-30\n"
      "good@example.dk,Twice,citizen,,\n";
  MemberCsv csv = ParseMemberCsv(text, kCategories);
  std::vector<std::string> wheres;
  for (const Error& error : csv.errors) wheres.push_back(error.where);
  EXPECT_EQ(wheres, (std::vector<std::string>{"line 3, column email", "line 4, column name",
                                              "line 5, column category", "line 6, column shares",
                                              "line 6, column joined_on", "line 7, column email"}));
}

TEST(MemberCsv, LinesCountBlankLinesAndQuotedLineBreaks) {
  const std::string text =
      "email,name,organisation,category\n\n"
      "a@example.dk,A,\"Two\nlines\",citizen\n"
      "bad,B,,citizen\n";
  MemberCsv csv = ParseMemberCsv(text, kCategories);
  ASSERT_EQ(csv.errors.size(), 2u);
  EXPECT_EQ(csv.errors[0].where, "line 3, column organisation");  // a line break in a name
  EXPECT_EQ(csv.errors[1].where, "line 5, column email");
}

TEST(MemberCsv, RejectsStructuralProblems) {
  EXPECT_EQ(ParseMemberCsv("", kCategories).errors.at(0).message, "the file is empty");
  EXPECT_EQ(ParseMemberCsv("email,name\n", kCategories).errors.at(0).where,
            "line 1, column category");
  EXPECT_EQ(ParseMemberCsv("email,name,category\n\"open,x,y\n", kCategories).errors.at(0).message,
            "a quoted field is not closed");
  const MemberCsv bad_utf8 =
      ParseMemberCsv("email,name,category\na@b.dk,\xFF,citizen\n", kCategories);
  EXPECT_EQ(bad_utf8.errors.at(0).where, "line 2");
}

TEST(MemberCsv, WriteThenReadGivesTheSameRows) {
  // Property: for random rows, parsing the written CSV returns them unchanged.
  std::mt19937 random(424242);
  std::printf("seed 424242\n");
  const std::string alphabet[] = {"a", "Æ", ",", "\"", " ", "ø", "x", "é", "=", "b"};
  for (int round = 0; round < 300; ++round) {
    std::vector<MemberRow> rows;
    const int count = 1 + static_cast<int>(random() % 5);
    for (int i = 0; i < count; ++i) {
      MemberRow row;
      row.email = "m" + std::to_string(round) + "_" + std::to_string(i) + "@example.dk";
      row.name = "N";
      for (int k = 0; k < 6; ++k) row.name += alphabet[random() % 10];
      row.name += "Z";

      row.organisation = random() % 2 ? "" : "Org " + alphabet[random() % 10] + "x";
      row.category = random() % 2 ? "citizen" : "business";
      row.role = static_cast<Role>(random() % 3);
      row.shares = static_cast<int64_t>(random() % 1000);
      row.joined_on =
          Date{2000 + static_cast<int>(random() % 20), 1 + static_cast<int>(random() % 12), 1};
      row.status = static_cast<MemberStatus>(random() % 3);
      rows.push_back(row);
    }
    MemberCsv csv = ParseMemberCsv(WriteMemberCsv(rows), kCategories);
    ASSERT_TRUE(csv.errors.empty()) << "round " << round << ": " << csv.errors[0].message;
    ASSERT_EQ(csv.rows.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(csv.rows[i].name, rows[i].name);
      EXPECT_EQ(csv.rows[i].organisation, rows[i].organisation);
      EXPECT_EQ(csv.rows[i].shares, rows[i].shares);
      EXPECT_EQ(csv.rows[i].role, rows[i].role);
      EXPECT_EQ(csv.rows[i].status, rows[i].status);
      EXPECT_EQ(csv.rows[i].joined_on, rows[i].joined_on);
    }
  }
}

// Values a spreadsheet would run as a formula are written after a quote; reading removes it, so
// an exported list imports as the same members (fuzzing found "=cmd@x.dk" coming back as
// "'=cmd@x.dk", a different member).
TEST(MemberCsv, ValuesThatLookLikeFormulasReadBackUnchanged) {
  MemberRow row;
  row.category = "citizen";
  struct Case {
    std::string email, name, organisation;
  };
  const Case kCases[] = {
      {"=cmd@x.dk", "@Sum", "+45 Group"},
      {"-info@x.dk", "-Anna", "'=quoted"},
      {"'a@x.dk", "'", "''"},
      {"plain@x.dk", "O'Neill", "'Nice' Ltd"},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.email);
    row.email = c.email;
    row.name = c.name;
    row.organisation = c.organisation;
    const std::string written = WriteMemberCsv({row});
    // No cell starts a formula.
    EXPECT_TRUE(written.find("\n=") == std::string::npos &&
                written.find(",=") == std::string::npos);
    MemberCsv csv = ParseMemberCsv(written, kCategories);
    ASSERT_TRUE(csv.errors.empty()) << csv.errors[0].message << " " << csv.errors[0].where;
    ASSERT_EQ(csv.rows.size(), 1u);
    EXPECT_EQ(csv.rows[0].email, c.email);
    EXPECT_EQ(csv.rows[0].name, c.name);
    EXPECT_EQ(csv.rows[0].organisation, c.organisation);
  }
}

// Property: a list saved by a Danish or Dutch spreadsheet (semicolons), or as tab-separated text,
// with each category written by its code or by its name in any language and in any case, reads
// as the same members as the comma-separated list with codes.
TEST(MemberCsv, SemicolonsTabsAndCategoryNamesReadAsTheCommaFileWithCodes) {
  std::mt19937 random(2026);
  const std::string names[] = {"N;1", "Jens, Smed", "Åse", "\"Q\"", "plain"};
  for (int round = 0; round < 300; ++round) {
    const char separator = ",;\t"[random() % 3];
    std::string text = std::string("email") + separator + "name" + separator + "category\r\n";
    std::vector<std::pair<std::string, std::string>> expected;  // email, code
    for (int i = 0, n = 1 + static_cast<int>(random() % 5); i < n; ++i) {
      const Category& category = kCategories[random() % kCategories.size()];
      const std::string* written[] = {&category.code, &category.name_en, &category.name_da,
                                      &category.name_nl};
      std::string as = *written[random() % 4];
      if (random() % 2) {
        for (char& c : as) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      }
      const std::string email = "m" + std::to_string(i) + "@example.dk";
      text += email + separator + CsvField(names[random() % 5], separator) + separator +
              CsvField(as, separator) + "\r\n";
      expected.emplace_back(email, category.code);
    }
    MemberCsv csv = ParseMemberCsv(text, kCategories);
    ASSERT_TRUE(csv.errors.empty()) << text << csv.errors[0].message << " " << csv.errors[0].where;
    ASSERT_EQ(csv.rows.size(), expected.size()) << text;
    for (size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(csv.rows[i].email, expected[i].first);
      EXPECT_EQ(csv.rows[i].category, expected[i].second);
    }
  }
}

TEST(MemberCsv, EachErrorEchoesTheValueFound) {
  const MemberCsv csv = ParseMemberCsv(
      "email;name;category;shares\nnot-mail;A;Borger;1\nb@x.dk;B;Astronaut;1\nc@x.dk;C;Burger;-2\n",
      kCategories);
  ASSERT_EQ(csv.errors.size(), 3u);
  EXPECT_EQ(csv.errors[0].where, "line 2, column email");
  EXPECT_EQ(csv.errors[0].value, "not-mail");
  EXPECT_EQ(csv.errors[1].message, "unknown category");
  EXPECT_EQ(csv.errors[1].value, "Astronaut");
  EXPECT_EQ(csv.errors[2].value, "-2");
  // An unknown column names itself; a missing one has no value.
  const MemberCsv header = ParseMemberCsv("email;navn;category\n", kCategories);
  EXPECT_EQ(header.errors.at(0).value, "navn");
  EXPECT_EQ(header.errors.at(1).where, "line 1, column name");
  EXPECT_EQ(header.errors.at(1).value, "");
}

// A code wins over a name; a name that several categories carry is refused, never guessed.
TEST(MemberCsv, CategoryCodesComeFirstAndAmbiguousNamesAreRefused) {
  const std::vector<Category> categories = {
      {.code = "business", .name_en = "Company", .name_da = "Virksomhed", .name_nl = "Bedrijf"},
      {.code = "company", .name_en = "Corporation", .name_da = "Selskab", .name_nl = "Bedrijf"}};
  const MemberCsv csv = ParseMemberCsv(
      "email,name,category\na@x.dk,A,company\nb@x.dk,B,Virksomhed\nc@x.dk,C,bedrijf\n", categories);
  ASSERT_EQ(csv.errors.size(), 1u);
  EXPECT_EQ(csv.errors[0].where, "line 4, column category");
  EXPECT_EQ(csv.errors[0].message, "several categories have this name: write its code");
  const MemberCsv good =
      ParseMemberCsv("email,name,category\na@x.dk,A,company\nb@x.dk,B,Virksomhed\n", categories);
  ASSERT_TRUE(good.errors.empty());
  EXPECT_EQ(good.rows[0].category, "company");
  EXPECT_EQ(good.rows[1].category, "business");
}

TEST(MemberCsv, TheTemplateReadsBackInEverySeparatorAndLanguage) {
  EXPECT_EQ(DetectCsvSeparator("\r\n\nemail;name;category"), ';');
  EXPECT_EQ(DetectCsvSeparator("\"e,mail\";name;category"), ';');
  EXPECT_EQ(DetectCsvSeparator("email;name;category\na,b;c"), ';');
  EXPECT_EQ(DetectCsvSeparator("email,name,category"), ',');
  EXPECT_EQ(DetectCsvSeparator("email\tname"), '\t');
  EXPECT_EQ(DetectCsvSeparator(""), ',');
  for (char separator : {',', ';'}) {
    for (const char* name : {"Borger", "Burger", "Citizen", "Offentlig sektor"}) {
      const MemberCsv csv = ParseMemberCsv(MemberCsvTemplate(separator, name), kCategories);
      ASSERT_TRUE(csv.errors.empty()) << name << ": " << csv.errors[0].message;
      ASSERT_EQ(csv.rows.size(), 1u);
      EXPECT_EQ(csv.rows[0].email, "mette@example.org");
    }
  }
}

TEST(Statutes, Validation) {
  Statutes statutes;
  EXPECT_TRUE(Validate(statutes).has_value());
  statutes.quorum_percent = 101;
  EXPECT_EQ(Validate(statutes).error().where, "quorum_percent");
  statutes.quorum_percent = 50;
  statutes.qualified_majority = {1, 3};
  EXPECT_EQ(Validate(statutes).error().where, "qualified_majority");
  EXPECT_EQ(FormatFraction(*ParseFraction("4/6", "x")), "2/3");
  EXPECT_EQ(FormatFraction(*ParseFraction("1", "x")), "1/1");
  EXPECT_FALSE(ParseFraction("3/2", "x").has_value());
  EXPECT_FALSE(ParseFraction("a/b", "x").has_value());
}

}  // namespace
}  // namespace andel::communities
