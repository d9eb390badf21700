// Charts drawn on the server as SVG, so they need no JavaScript: each with a title, a
// description, and its numbers in a table beside it.
#pragma once

#include <string>
#include <vector>

namespace andel::web {

// How a fund's money was shared: a bar per group of voters, what they paid against their fair
// share of the fund.
struct ShareBar {
  std::string label;
  long voters = 0;
  double paid = 0;
  double fair_share = 0;
};

// The chart's words, in the reader's language.
struct ShareChartText {
  std::string title, description;
  std::string group_heading, voters_heading, paid_heading, fair_share_heading;
  std::string currency;
  std::string language = "en";  // how numbers are written
};

// A <figure> holding the SVG and the table, as HTML (labels escaped).
std::string ShareChart(const std::vector<ShareBar>& bars, const ShareChartText& text);

}  // namespace andel::web
