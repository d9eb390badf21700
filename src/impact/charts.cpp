#include "impact/charts.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numbers>

namespace andel::impact {
namespace {

constexpr double kLeft = 56, kRight = 16, kTop = 16, kBottom = 40;

std::string Number(double value) {
  char buffer[64];
  const auto [end, ec] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, 3);
  std::string text(buffer, ec == std::errc() ? end : buffer);
  if (text.empty()) return "0";
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

// An axis label: Number's digits, grouped by thousands and with the spec's separators.
std::string TickLabel(double value, const ChartSpec& spec) {
  const std::string plain = Number(value);
  const bool negative = plain.starts_with('-');
  const size_t start = negative ? 1 : 0;
  const size_t point = std::min(plain.find('.'), plain.size());
  std::string out = negative ? "-" : "";
  for (size_t i = start; i < point; ++i) {
    if (i > start && (point - i) % 3 == 0) out.push_back(spec.thousands_separator);
    out.push_back(plain[i]);
  }
  if (point < plain.size()) out += spec.decimal_separator + plain.substr(point + 1);
  return out;
}

// A "nice" axis from at most 0 to at least every value, in steps of 1, 2 or 5 × 10ⁿ.
struct Axis {
  double low = 0, high = 1, step = 1;
};

Axis AxisFor(const std::vector<double>& values) {
  double low = 0, high = 0;
  for (const double v : values) {
    low = std::min(low, v);
    high = std::max(high, v);
  }
  if (high - low <= 0) high = low + 1;
  const double raw = (high - low) / 4;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude;
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    step = m * magnitude;
    if (step >= raw) break;
  }
  return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::vector<double> ValuesOf(const ChartSpec& spec) {
  std::vector<double> values;
  for (const ChartPoint& p : spec.points) values.push_back(p.value);
  if (spec.baseline) values.push_back(spec.baseline->value);
  if (spec.target) values.push_back(spec.target->value);
  return values;
}

std::string Open(const std::string& id, const std::string& title, const std::string& description,
                 double width, double height) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " +
         Number(width) + " " + Number(height) + "\" width=\"" + Number(width) + "\" height=\"" +
         Number(height) + "\" role=\"img\" aria-labelledby=\"" + EscapeXml(id) + "-title " +
         EscapeXml(id) + "-desc\"><title id=\"" + EscapeXml(id) + "-title\">" + EscapeXml(title) +
         "</title><desc id=\"" + EscapeXml(id) + "-desc\">" + EscapeXml(description) + "</desc>";
}

// The plot of one chart at (x, y): axes, grid, references, and the series as a line or bars.
std::string Plot(const ChartSpec& spec, double x, double y, double width, double height,
                 bool bars) {
  const Axis axis = AxisFor(ValuesOf(spec));
  const double left = x + kLeft, right = x + width - kRight;
  const double top = y + kTop, bottom = y + height - kBottom;
  const auto y_of = [&](double value) {
    return bottom - (value - axis.low) / (axis.high - axis.low) * (bottom - top);
  };
  const size_t n = spec.points.size();
  const double slot = n ? (right - left) / static_cast<double>(n) : 0;
  const auto x_of = [&](size_t i) { return left + slot * (static_cast<double>(i) + 0.5); };
  std::string svg;
  for (double tick = axis.low; tick <= axis.high + axis.step / 2; tick += axis.step) {
    svg += "<line class=\"grid\" x1=\"" + Number(left) + "\" x2=\"" + Number(right) + "\" y1=\"" +
           Number(y_of(tick)) + "\" y2=\"" + Number(y_of(tick)) + "\"/><text class=\"tick\" x=\"" +
           Number(left - 6) + "\" y=\"" + Number(y_of(tick) + 4) + "\" text-anchor=\"end\">" +
           TickLabel(tick, spec) + "</text>";
  }
  // At most about eight labels on the time axis, fewer where a label would not fit (56 units).
  const size_t room = std::clamp<size_t>(static_cast<size_t>((right - left) / 56), 2, 8);
  const size_t every = std::max<size_t>(1, (n + room - 1) / room);
  for (size_t i = 0; i < n; ++i) {
    if (i % every != 0) continue;
    svg += "<text class=\"tick\" x=\"" + Number(x_of(i)) + "\" y=\"" + Number(bottom + 16) +
           "\" text-anchor=\"middle\">" + EscapeXml(spec.points[i].label) + "</text>";
  }
  // The baseline's label at the start of its line, the target's at the end.
  const auto reference = [&](const std::optional<ChartReference>& line, const char* kind,
                             bool at_end) {
    if (!line) return;
    const std::string at = Number(y_of(line->value));
    svg += std::string("<line class=\"") + kind + "\" data-value=\"" + Number(line->value) +
           "\" x1=\"" + Number(left) + "\" x2=\"" + Number(right) + "\" y1=\"" + at + "\" y2=\"" +
           at + "\"/><text class=\"" + kind + "-label\" x=\"" + Number(at_end ? right : left + 4) +
           "\" y=\"" + Number(y_of(line->value) - 4) + "\" text-anchor=\"" +
           (at_end ? "end" : "start") + "\">" + EscapeXml(line->label) + "</text>";
  };
  reference(spec.baseline, "baseline", false);
  reference(spec.target, "target", true);
  // Each bar or point names its period and value (a tooltip where a pointer rests on it).
  const auto tooltip = [&](const ChartPoint& p) {
    return "<title>" + EscapeXml(p.label) + ": " +
           EscapeXml(p.value_text.empty() ? Number(p.value) : p.value_text) + "</title>";
  };
  if (bars) {
    const double zero = y_of(std::clamp(0.0, axis.low, axis.high));
    for (size_t i = 0; i < n; ++i) {
      const double v = y_of(spec.points[i].value);
      svg += "<rect class=\"bar\" data-value=\"" + Number(spec.points[i].value) + "\" x=\"" +
             Number(x_of(i) - slot * 0.35) + "\" width=\"" + Number(slot * 0.7) + "\" y=\"" +
             Number(std::min(v, zero)) + "\" height=\"" + Number(std::abs(zero - v)) + "\">" +
             tooltip(spec.points[i]) + "</rect>";
    }
  } else if (n > 0) {
    svg += "<polyline class=\"series\" points=\"";
    for (size_t i = 0; i < n; ++i) {
      svg += (i ? " " : "") + Number(x_of(i)) + "," + Number(y_of(spec.points[i].value));
    }
    svg += "\"/>";
    for (size_t i = 0; i < n; ++i) {
      svg += "<circle class=\"point\" data-value=\"" + Number(spec.points[i].value) + "\" cx=\"" +
             Number(x_of(i)) + "\" cy=\"" + Number(y_of(spec.points[i].value)) + "\" r=\"3\">" +
             tooltip(spec.points[i]) + "</circle>";
    }
  }
  return svg;
}

}  // namespace

std::string EscapeXml(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string LineChartSvg(const ChartSpec& spec) {
  return Open(spec.id, spec.title, spec.description, spec.width, spec.height) +
         Plot(spec, 0, 0, spec.width, spec.height, false) + "</svg>";
}

std::string BarChartSvg(const ChartSpec& spec) {
  return Open(spec.id, spec.title, spec.description, spec.width, spec.height) +
         Plot(spec, 0, 0, spec.width, spec.height, true) + "</svg>";
}

std::string ProgressRingSvg(const std::string& id, const std::string& title,
                            const std::string& description, double progress,
                            const std::string& center, int size) {
  progress = std::clamp(progress, 0.0, 1.0);
  const double s = size, r = s / 2 - 10;
  const double circumference = 2 * std::numbers::pi * r;
  return Open(id, title, description, s, s) + "<circle class=\"ring-track\" cx=\"" + Number(s / 2) +
         "\" cy=\"" + Number(s / 2) + "\" r=\"" + Number(r) +
         "\" fill=\"none\" stroke-width=\"12\"/><circle class=\"ring\" data-value=\"" +
         Number(progress) + "\" cx=\"" + Number(s / 2) + "\" cy=\"" + Number(s / 2) + "\" r=\"" +
         Number(r) + "\" fill=\"none\" stroke-width=\"12\" stroke-dasharray=\"" +
         Number(circumference * progress) + " " + Number(circumference) +
         "\" transform=\"rotate(-90 " + Number(s / 2) + " " + Number(s / 2) +
         ")\"/><text class=\"ring-label\" x=\"" + Number(s / 2) + "\" y=\"" + Number(s / 2 + 6) +
         "\" text-anchor=\"middle\">" + EscapeXml(center) + "</text></svg>";
}

std::string SmallMultiplesSvg(const std::string& id, const std::string& title,
                              const std::string& description, const std::vector<ChartSpec>& panels,
                              int columns) {
  constexpr double kWidth = 260, kHeight = 170, kHeading = 20;
  columns = std::max(1, columns);
  const size_t rows =
      (panels.size() + static_cast<size_t>(columns) - 1) / static_cast<size_t>(columns);
  std::string svg = Open(id, title, description, kWidth * columns,
                         (kHeight + kHeading) * static_cast<double>(std::max<size_t>(rows, 1)));
  for (size_t i = 0; i < panels.size(); ++i) {
    const double x = kWidth * static_cast<double>(i % static_cast<size_t>(columns));
    const double y = (kHeight + kHeading) * static_cast<double>(i / static_cast<size_t>(columns));
    svg += "<g class=\"panel\"><text class=\"panel-title\" x=\"" + Number(x + 8) + "\" y=\"" +
           Number(y + 14) + "\">" + EscapeXml(panels[i].title) + "</text>" +
           Plot(panels[i], x, y + kHeading, kWidth, kHeight, false) + "</g>";
  }
  return svg + "</svg>";
}

}  // namespace andel::impact
