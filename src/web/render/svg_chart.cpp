#include "web/render/svg_chart.h"

#include <algorithm>
#include <cstdio>

#include "web/forms.h"
#include "web/i18n.h"

namespace andel::web {
namespace {

std::string Fixed(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

}  // namespace

std::string ShareChart(const std::vector<ShareBar>& bars, const ShareChartText& text) {
  constexpr int kWidth = 640, kLabel = 0, kBarHeight = 14, kRow = 48, kTop = 8;
  const int height = kTop + kRow * static_cast<int>(bars.size()) + 8;
  double largest = 1;
  for (const ShareBar& bar : bars) largest = std::max({largest, bar.paid, bar.fair_share});
  const double scale = (kWidth - 20) / largest;
  std::string svg =
      "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(kWidth) + " " +
      std::to_string(height) +
      "\" aria-labelledby=\"share-title share-desc\" xmlns=\"http://www.w3.org/2000/svg\">"
      "<title id=\"share-title\">" +
      HtmlEscape(text.title) + "</title><desc id=\"share-desc\">" + HtmlEscape(text.description) +
      "</desc>";
  for (size_t i = 0; i < bars.size(); ++i) {
    const ShareBar& bar = bars[i];
    const int y = kTop + kRow * static_cast<int>(i);
    svg += "<text x=\"" + std::to_string(kLabel) + "\" y=\"" + std::to_string(y + 12) +
           "\" class=\"chart-label\">" + HtmlEscape(bar.label) + " (" +
           FormatInteger(text.language, bar.voters) + ")</text>";
    svg += "<rect class=\"chart-fair\" x=\"0\" y=\"" + std::to_string(y + 18) + "\" width=\"" +
           Fixed(bar.fair_share * scale, 1) + "\" height=\"" + std::to_string(kBarHeight + 8) +
           "\"/>";
    svg += "<rect class=\"chart-paid\" x=\"0\" y=\"" + std::to_string(y + 22) + "\" width=\"" +
           Fixed(bar.paid * scale, 1) + "\" height=\"" + std::to_string(kBarHeight) + "\"/>";
  }
  svg += "</svg>";
  std::string table = "<table class=\"chart-data\"><caption>" + HtmlEscape(text.title) +
                      "</caption><thead><tr><th scope=\"col\">" + HtmlEscape(text.group_heading) +
                      "</th><th scope=\"col\">" + HtmlEscape(text.voters_heading) +
                      "</th><th scope=\"col\">" + HtmlEscape(text.paid_heading) + " (" +
                      HtmlEscape(text.currency) + ")</th><th scope=\"col\">" +
                      HtmlEscape(text.fair_share_heading) + " (" + HtmlEscape(text.currency) +
                      ")</th></tr></thead><tbody>";
  for (const ShareBar& bar : bars) {
    table += "<tr><th scope=\"row\">" + HtmlEscape(bar.label) + "</th><td>" +
             FormatInteger(text.language, bar.voters) + "</td><td>" +
             FormatDecimal(text.language, Fixed(bar.paid, 2)) + "</td><td>" +
             FormatDecimal(text.language, Fixed(bar.fair_share, 2)) + "</td></tr>";
  }
  table += "</tbody></table>";
  return "<figure class=\"share-chart\">" + svg +
         "<p class=\"chart-key\"><span class=\"swatch swatch-paid\"></span> " +
         HtmlEscape(text.paid_heading) + " <span class=\"swatch swatch-fair\"></span> " +
         HtmlEscape(text.fair_share_heading) + "</p>" + table + "</figure>";
}

}  // namespace andel::web
