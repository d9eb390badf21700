// Charts drawn on the server as SVG, readable without JavaScript: an indicator over time with
// its baseline and target, bars per period, a progress ring, and small multiples for a
// dashboard. Each has a <title> and <desc> (role="img"); the page shows the same data as a table
// beside it. Texts come translated from the caller; numbers are written as given.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace andel::impact {

// One value of a series: its label on the axis ("2025-03") and the value.
struct ChartPoint {
  std::string label;
  double value = 0;
  std::string value_text;  // as the tooltip shows it ("1,250 hours"); the value itself if empty
};

struct ChartReference {
  double value = 0;
  std::string label;  // "baseline 40", "target 120"
};

struct ChartSpec {
  std::string id;  // unique on the page: the prefix of the title's and description's ids
  std::string title;
  std::string description;
  std::vector<ChartPoint> points;
  std::optional<ChartReference> baseline;
  std::optional<ChartReference> target;
  int width = 640;
  int height = 300;
  // How the axis labels write numbers: 1,000,000.5 (en) or 1.000.000,5 (da, nl).
  char thousands_separator = ',';
  char decimal_separator = '.';
};

// A line through the points (evenly spaced, in order), with dashed baseline and target lines.
std::string LineChartSvg(const ChartSpec& spec);

// A bar per point, from zero.
std::string BarChartSvg(const ChartSpec& spec);

// A ring filled to `progress` (0–1) with `center` written inside ("64 %").
std::string ProgressRingSvg(const std::string& id, const std::string& title,
                            const std::string& description, double progress,
                            const std::string& center, int size = 120);

// Small line charts side by side, `columns` to a row, each with its own title and scale, under
// one overall title and description.
std::string SmallMultiplesSvg(const std::string& id, const std::string& title,
                              const std::string& description, const std::vector<ChartSpec>& panels,
                              int columns = 3);

// Text made safe inside XML: & < > " ' escaped.
std::string EscapeXml(const std::string& text);

}  // namespace andel::impact
