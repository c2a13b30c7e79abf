// The speed-up chart of one series, as SVG written through Boost.PropertyTree:
// a line per (side, strategy) labelled at its end, and the ideal line y = x.

#include "bench/harness/outputs.hpp"

#include "bench/harness/wording.hpp"
#include "core/xml.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace racelab::lab::bench {
namespace {

namespace pt = boost::property_tree;

/// Where a chart's plot area sits and how values map onto it.
struct Frame {
  double left = 70, top = 50, width = 520, height = 320;
  int max_workers = 1;
  double max_speedup = 1;

  [[nodiscard]] double x(int workers) const {
    // Worker counts double: a log2 axis spaces them evenly, from 1 to 256 alike.
    if (max_workers <= 1) return left;
    return left + width * std::log2(static_cast<double>(workers)) / std::log2(static_cast<double>(max_workers));
  }
  [[nodiscard]] double y(double speedup) const { return top + height * (1 - speedup / max_speedup); }
  [[nodiscard]] double bottom() const { return top + height; }
};

/// A tick step for the y axis giving about five ticks: 1, 2 or 5 × 10^k.
double tick_step(double range) {
  const double raw = range / 5;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0}) {
    if (raw <= m * magnitude) return m * magnitude;
  }
  return 10 * magnitude;
}

const char* const palette[] = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"};

struct Label {
  double x, y;
  std::string text, colour;
};

/// Moves end-of-line labels apart vertically so none overlaps another.
void separate(std::vector<Label>& labels, double gap) {
  std::sort(labels.begin(), labels.end(), [](const Label& a, const Label& b) { return a.y < b.y; });
  for (std::size_t i = 1; i < labels.size(); ++i) labels[i].y = std::max(labels[i].y, labels[i - 1].y + gap);
}

/// A coordinate: one decimal.
std::string at(double v) { return fixed(v, 1); }

/// Adds `<name attr="value"…>text</name>` under `parent`.
pt::ptree& element(pt::ptree& parent, const std::string& name,
                   std::initializer_list<std::pair<const char*, std::string>> attributes, const std::string& text = {}) {
  auto& e = add_element(parent, name, text);
  for (const auto& [key, value] : attributes) set_attribute(e, key, value);
  return e;
}

void line(pt::ptree& parent, double x1, double y1, double x2, double y2) {
  element(parent, "line", {{"x1", at(x1)}, {"y1", at(y1)}, {"x2", at(x2)}, {"y2", at(y2)}});
}

/// The points of one series that have a speed-up, and the frame that holds them.
struct Plot {
  Frame frame;
  std::vector<const PointResult*> points;
  std::vector<int> worker_ticks;
};

Plot plot_of(const BenchReport& r, const std::string& workload, std::size_t size) {
  Plot plot;
  for (const auto& p : r.points) {
    if (p.workload != workload || p.size != size || p.speedup <= 0) continue;
    plot.points.push_back(&p);
    plot.frame.max_workers = std::max(plot.frame.max_workers, p.workers);
    plot.frame.max_speedup = std::max(plot.frame.max_speedup, p.speedup);
    auto& ticks = plot.worker_ticks;
    if (std::find(ticks.begin(), ticks.end(), p.workers) == ticks.end()) ticks.push_back(p.workers);
  }
  std::sort(plot.worker_ticks.begin(), plot.worker_ticks.end());
  // The ideal line reaches the most workers; the axis shows it unless it would dwarf every measured line.
  auto& f = plot.frame;
  f.max_speedup = std::max(f.max_speedup, std::min<double>(f.max_workers, 2 * f.max_speedup)) * 1.08;
  return plot;
}

/// Axes, grid, tick labels and axis titles.
void draw_axes(pt::ptree& svg, const Plot& plot) {
  const Frame& f = plot.frame;
  const double step = tick_step(f.max_speedup);
  auto& g = element(svg, "g", {{"stroke", "#999"}, {"stroke-width", "1"}});
  line(g, f.left, f.bottom(), f.left + f.width, f.bottom());
  line(g, f.left, f.top, f.left, f.bottom());
  for (double v = 0; v <= f.max_speedup + 1e-9; v += step) {
    element(g, "line", {{"x1", at(f.left)}, {"y1", at(f.y(v))}, {"x2", at(f.left + f.width)}, {"y2", at(f.y(v))},
                        {"stroke", "#eee"}});
  }
  for (double v = 0; v <= f.max_speedup + 1e-9; v += step) {
    element(svg, "text", {{"x", at(f.left - 8)}, {"y", at(f.y(v) + 4)}, {"text-anchor", "end"}},
            fixed(v, step < 1 ? 1 : 0) + "×");
  }
  for (int n : plot.worker_ticks) {
    element(svg, "text", {{"x", at(f.x(n))}, {"y", at(f.bottom() + 18)}, {"text-anchor", "middle"}},
            std::to_string(n));
  }
  element(svg, "text", {{"x", at(f.left + f.width / 2)}, {"y", at(f.bottom() + 40)}, {"text-anchor", "middle"}},
          "workers (threads, processes or pool threads)");
  element(svg, "text", {{"transform", "translate(20 " + at(f.top + f.height / 2) + ") rotate(-90)"},
                        {"text-anchor", "middle"}},
          "speed-up (×)");
}

/// The ideal line: n workers, n times faster; its label.
void draw_ideal(pt::ptree& svg, const Plot& plot, std::vector<Label>& labels) {
  const Frame& f = plot.frame;
  std::string points;
  for (int n : plot.worker_ticks) points += at(f.x(n)) + "," + at(f.y(n)) + " ";
  element(svg, "polyline", {{"class", "ideal"}, {"clip-path", "url(#plot)"}, {"fill", "none"}, {"stroke", "#888"},
                            {"stroke-dasharray", "2 4"}, {"points", points}});
  const int last = plot.worker_ticks.empty() ? 1 : plot.worker_ticks.back();
  labels.push_back({f.x(last) + 8, f.y(std::min<double>(last, f.max_speedup)) + 4, "ideal", "#888"});
}

/// A line with a dot per point for each (side, strategy) curve; their labels.
void draw_curves(pt::ptree& svg, const BenchReport& r, const std::string& workload, std::size_t size,
                 const Plot& plot, std::vector<Label>& labels) {
  const Frame& f = plot.frame;
  std::map<std::string, std::string> colour_of;
  for (const auto& c : r.curves) {
    if (c.workload != workload || c.size != size) continue;
    std::vector<const PointResult*> on_curve;
    for (const auto* p : plot.points) {
      if (p->side == c.side && p->strategy == c.strategy) on_curve.push_back(p);
    }
    if (on_curve.empty()) continue;
    std::sort(on_curve.begin(), on_curve.end(), [](auto* a, auto* b) { return a->workers < b->workers; });
    auto [it, added] = colour_of.try_emplace(c.strategy, palette[colour_of.size() % std::size(palette)]);
    const std::string colour = it->second;
    const bool student = c.side == "student";
    std::string points;
    for (const auto* p : on_curve) points += at(f.x(p->workers)) + "," + at(f.y(p->speedup)) + " ";
    auto& polyline = element(svg, "polyline", {{"class", "strategy"}, {"fill", "none"}, {"stroke", colour},
                                               {"stroke-width", "2"}});
    if (student) set_attribute(polyline, "stroke-dasharray", "6 3");
    set_attribute(polyline, "points", points);
    for (const auto* p : on_curve) {
      element(svg, "circle", {{"cx", at(f.x(p->workers))}, {"cy", at(f.y(p->speedup))}, {"r", "3"}, {"fill", colour}});
    }
    labels.push_back({f.x(on_curve.back()->workers) + 8, f.y(on_curve.back()->speedup) + 4,
                      c.strategy + (student ? " (student)" : ""), colour});
  }
}

}  // namespace

std::string svg_chart(const BenchReport& r, const std::string& workload, std::size_t size) {
  const Plot plot = plot_of(r, workload, size);
  const Frame& f = plot.frame;
  pt::ptree document;
  auto& svg = element(document, "svg", {{"xmlns", "http://www.w3.org/2000/svg"}, {"width", "760"}, {"height", "440"},
                                        {"viewBox", "0 0 760 440"}, {"font-family", "sans-serif"}, {"font-size", "12"}});
  element(svg, "rect", {{"width", "760"}, {"height", "440"}, {"fill", "white"}});
  element(svg, "text", {{"x", at(f.left)}, {"y", "28"}, {"font-size", "16"}, {"font-weight", "bold"}},
          "Speed-up over sequential: " + workload + ", " + std::to_string(size) + " " + unit_of(workload) + " (" +
              std::to_string(r.cores) + " cores)");
  auto& clip = element(svg, "clipPath", {{"id", "plot"}});
  element(clip, "rect", {{"x", at(f.left)}, {"y", at(f.top)}, {"width", at(f.width)}, {"height", at(f.height)}});
  draw_axes(svg, plot);
  std::vector<Label> labels;
  draw_ideal(svg, plot, labels);
  draw_curves(svg, r, workload, size, plot, labels);
  separate(labels, 14);
  for (const auto& l : labels) element(svg, "text", {{"x", at(l.x)}, {"y", at(l.y)}, {"fill", l.colour}}, l.text);
  return xml_document(document);
}

}  // namespace racelab::lab::bench
