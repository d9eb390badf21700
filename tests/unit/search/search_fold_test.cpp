// Search folding: what a person types in Danish, Dutch or English finds what was written.
#include "search/search_fold.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace andel::search {
namespace {

bool Finds(const std::string& typed, const std::string& written) {
  return SearchKey(written).find(SearchQuery(typed)) != std::string::npos;
}

TEST(SearchFold, WhatPeopleTypeFindsWhatWasWritten) {
  struct Case {
    const char* typed;
    const char* written;
  };
  const Case cases[] = {
      // Danish
      {"arhus", "Århus"},
      {"aarhus", "Århus"},
      {"ARHUS", "Århus"},
      {"århus", "Aarhus"},  // the short form of what is typed meets the long form written
      {"kobenhavn", "København"},
      {"koebenhavn", "København"},
      {"aero", "Ærø"},
      {"aeroe", "Ærø"},
      {"frugt og gront", "Frugt og grønt"},
      {"søren", "SØREN KIERKEGAARD"},
      // Dutch
      {"cooperatie", "Coöperatie"},
      {"ijsselmeer", "IJsselmeer"},
      {"creche", "Crèche"},
      {"een", "één"},
      {"zuid-holland", "Zuid-Holland"},
      // English and others a member may write
      {"cafe", "Café"},
      {"naive", "naïve"},
      {"strasse", "Straße"},
      {"lodz", "Łódź"},
      {"muller", "Müller"},
      {"mueller", "Müller"},
      {"angstrom", "Ångström"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(Finds(c.typed, c.written))
        << c.typed << " in " << c.written << ": key " << SearchKey(c.written) << ", query "
        << SearchQuery(c.typed);
  }
  // Folding finds, but does not make different words equal.
  EXPECT_FALSE(Finds("kaffe", "Café"));
  EXPECT_FALSE(Finds("aarhus", "Arhus"));
}

TEST(SearchFold, KeysAreLowerCaseAsciiForLatinText) {
  EXPECT_EQ(SearchKey("Café"), "cafe");
  EXPECT_EQ(SearchKey("Ærø Café\nCoöperatie"), "aero cafe\ncooperatie\naeroe cafe\ncooeperatie");
  EXPECT_EQ(SearchQuery("Århus"), "arhus");
  EXPECT_EQ(SearchKey(""), "");
  // Not valid UTF-8: folded as far as it reads, never a crash.
  EXPECT_FALSE(SearchKey("\xff\xfe abc").empty());
}

// On random text of letters as members write them: a text's own query finds its key, in any case
// the text is typed, and a key never holds a capital or a combining mark.
TEST(SearchFold, EveryTextFindsItselfHoweverItIsTyped) {
  const std::vector<std::string> letters = {
      "a", "b", "e", "o", "u", "s", "A", "E", "O", " ", "-", "å", "Å", "ø", "Ø", "æ", "Æ",
      "é", "É", "è", "ë", "ö", "Ö", "ü", "Ü", "ä", "ß", "ł", "ó", "ï", "ç", "ñ", "1", "'"};
  const std::vector<std::pair<std::string, std::string>> capitals = {
      {"a", "A"}, {"e", "E"}, {"o", "O"}, {"å", "Å"}, {"ø", "Ø"}, {"æ", "Æ"},
      {"é", "É"}, {"ö", "Ö"}, {"ü", "Ü"}, {"ä", "Ä"}, {"ó", "Ó"}, {"ç", "Ç"}};
  std::mt19937 random(20261207);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 12);
    for (int i = 0; i < length; ++i) text += letters[random() % letters.size()];
    const std::string key = SearchKey(text);
    EXPECT_NE(key.find(SearchQuery(text)), std::string::npos) << text;
    std::string upper = text;
    for (const auto& [small, capital] : capitals) {
      for (size_t at = upper.find(small); at != std::string::npos;
           at = upper.find(small, at + capital.size())) {
        upper.replace(at, small.size(), capital);
      }
    }
    EXPECT_EQ(SearchQuery(upper), SearchQuery(text)) << text << " / " << upper;
    for (char c : key) {
      EXPECT_FALSE(c >= 'A' && c <= 'Z') << text << " -> " << key;
      EXPECT_FALSE(static_cast<unsigned char>(c) >= 0x80) << text << " -> " << key;
    }
  }
}

}  // namespace
}  // namespace andel::search
