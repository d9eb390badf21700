// The SVG charts: well-formed XML with a title and description, and the drawn positions follow
// the data (higher values higher up, the baseline and target where their values are).
#include "impact/charts.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <string>
#include <vector>

namespace andel::impact {
namespace {

// A small XML well-formedness check: tags nest and close, attributes are quoted, and & starts
// an entity. Enough for what the charts write (no CDATA, comments or processing instructions).
bool WellFormed(const std::string& xml) {
  std::vector<std::string> open;
  for (size_t i = 0; i < xml.size();) {
    if (xml[i] == '&') {
      const size_t end = xml.find(';', i);
      if (end == std::string::npos) return false;
      const std::string entity = xml.substr(i, end - i + 1);
      if (entity != "&amp;" && entity != "&lt;" && entity != "&gt;" && entity != "&quot;" &&
          entity != "&#39;") {
        return false;
      }
      i = end + 1;
      continue;
    }
    if (xml[i] == '>') return false;
    if (xml[i] != '<') {
      ++i;
      continue;
    }
    const size_t end = xml.find('>', i);
    if (end == std::string::npos) return false;
    std::string tag = xml.substr(i + 1, end - i - 1);
    i = end + 1;
    if (tag.starts_with("/")) {
      if (open.empty() || open.back() != tag.substr(1)) return false;
      open.pop_back();
      continue;
    }
    const bool empty = tag.ends_with("/");
    if (empty) tag.pop_back();
    const std::string name = tag.substr(0, tag.find(' '));
    // Attributes: name="value" pairs, no stray quotes or angle brackets.
    static const std::regex attributes(R"((\s+[a-zA-Z][a-zA-Z0-9:-]*="[^"<>]*")*\s*)");
    if (!std::regex_match(tag.substr(name.size()), attributes)) return false;
    if (!empty) open.push_back(name);
  }
  return open.empty();
}

std::vector<double> Numbers(const std::string& svg, const std::string& element,
                            const std::string& attribute) {
  std::vector<double> values;
  const std::regex pattern("<" + element + "[^>]*? " + attribute + "=\"([-0-9.]+)\"");
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    values.push_back(std::stod((*it)[1]));
  }
  return values;
}

ChartSpec Jobs() {
  ChartSpec spec;
  spec.id = "jobs";
  spec.title = "People into jobs <2025> & \"more\"";
  spec.description = "Monthly; baseline 20, target 60";
  for (int month = 1; month <= 12; ++month) {
    spec.points.push_back({"2025-" + std::to_string(month), month * 4.5 + (month % 3), ""});
  }
  spec.baseline = ChartReference{20, "baseline 20"};
  spec.target = ChartReference{60, "target 60"};
  return spec;
}

TEST(Charts, LineChartIsWellFormedAndFollowsTheData) {
  const ChartSpec spec = Jobs();
  const std::string svg = LineChartSvg(spec);
  EXPECT_TRUE(WellFormed(svg)) << svg;
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"jobs-title\">People into jobs &lt;2025&gt; &amp; &quot;more"),
            std::string::npos);
  EXPECT_NE(svg.find("<desc id=\"jobs-desc\">Monthly"), std::string::npos);
  const std::vector<double> values = Numbers(svg, "circle", "data-value");
  const std::vector<double> ys = Numbers(svg, "circle", "cy");
  ASSERT_EQ(values.size(), spec.points.size());
  ASSERT_EQ(ys.size(), spec.points.size());
  for (size_t i = 0; i < values.size(); ++i) EXPECT_NEAR(values[i], spec.points[i].value, 1e-3);
  // Each point's tooltip names its period and value.
  EXPECT_NE(svg.find("<title>2025-3: 13.5</title></circle>"), std::string::npos) << svg;
  // The y position is one linear map of the value: higher is further up (smaller y).
  const double scale = (ys[1] - ys[0]) / (values[1] - values[0]);
  EXPECT_LT(scale, 0);
  for (size_t i = 0; i < values.size(); ++i) {
    EXPECT_NEAR(ys[i], ys[0] + (values[i] - values[0]) * scale, 0.01);
  }
  // The baseline and target lines sit where their values map to.
  const std::vector<double> baseline = Numbers(svg, "line class=\"baseline\"", "y1");
  const std::vector<double> target = Numbers(svg, "line class=\"target\"", "y1");
  ASSERT_EQ(baseline.size(), 1u);
  ASSERT_EQ(target.size(), 1u);
  EXPECT_NEAR(baseline[0], ys[0] + (20 - values[0]) * scale, 0.01);
  EXPECT_NEAR(target[0], ys[0] + (60 - values[0]) * scale, 0.01);
}

TEST(Charts, BarsRingAndSmallMultiples) {
  ChartSpec spec = Jobs();
  spec.points[3].value = -2;  // a bar below zero points down from the zero line
  const std::string bars = BarChartSvg(spec);
  EXPECT_TRUE(WellFormed(bars));
  const std::vector<double> heights = Numbers(bars, "rect", "height");
  ASSERT_EQ(heights.size(), spec.points.size());
  EXPECT_NEAR(heights[11] / heights[0], spec.points[11].value / spec.points[0].value, 0.01);
  const std::string ring = ProgressRingSvg("ring", "Progress", "64 % of the target", 0.64, "64 %");
  EXPECT_TRUE(WellFormed(ring));
  EXPECT_EQ(Numbers(ring, "circle class=\"ring\"", "data-value"), std::vector<double>{0.64});
  const std::string grid =
      SmallMultiplesSvg("all", "Dashboard", "Every indicator", {Jobs(), Jobs(), Jobs(), Jobs()}, 3);
  EXPECT_TRUE(WellFormed(grid));
  EXPECT_EQ(Numbers(grid, "circle", "data-value").size(), 48u);
  EXPECT_NE(grid.find("viewBox=\"0 0 780 380\""), std::string::npos);  // 3 across, 2 rows
  // Empty data draws axes only, still well-formed.
  ChartSpec empty;
  empty.id = "none";
  EXPECT_TRUE(WellFormed(LineChartSvg(empty)));
  EXPECT_FALSE(WellFormed("<svg><g></svg>"));  // the check itself catches bad nesting
}

}  // namespace
}  // namespace andel::impact
