// The outputs of `racelab bench`: the terminal table, JSON, CSV and SVG charts.

#include "bench/harness/harness.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

namespace racelab::lab::bench {
namespace {

std::string fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

/// "352 ms", "1.25 s", "84 µs": three significant digits in a unit that fits.
std::string duration_text(double seconds) {
  const auto three = [](double v) { return fixed(v, v >= 100 ? 0 : v >= 10 ? 1 : 2); };
  if (seconds >= 1) return three(seconds) + " s";
  if (seconds >= 1e-3) return three(seconds * 1e3) + " ms";
  return three(seconds * 1e6) + " µs";
}

std::string unit_of(const std::string& workload) {
  if (workload == "primes") return "numbers";
  if (workload == "tables") return "tables";
  return "increments";
}

std::string series_title(const Series& s) {
  return s.workload + ", " + std::to_string(s.size) + " " + unit_of(s.workload);
}

bool has_student(const BenchReport& r) {
  return std::any_of(r.points.begin(), r.points.end(), [](const PointResult& p) { return p.side == "student"; });
}

/// Pads to `width` display columns (the table holds a few multi-byte characters: ×, µ).
std::string pad(const std::string& text, std::size_t width, bool right = false) {
  std::size_t columns = 0;
  for (unsigned char c : text) columns += (c & 0xC0) != 0x80 ? 1 : 0;
  const std::string fill(columns < width ? width - columns : 0, ' ');
  return right ? fill + text : text + fill;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

const CurveSummary* curve_of(const BenchReport& r, const PointResult& p) {
  for (const auto& c : r.curves) {
    if (c.side == p.side && c.workload == p.workload && c.size == p.size && c.strategy == p.strategy) return &c;
  }
  return nullptr;
}

void write_series_table(const BenchReport& r, const Series& s, std::ostream& out) {
  const bool sides = has_student(r);
  out << series_title(s);
  if (s.estimated_sequential_seconds) {
    out << " (sequential not run: " << duration_text(*s.estimated_sequential_seconds)
        << ", scaled from the smaller run)";
  }
  out << "\n";
  out << (sides ? pad("side", 11) : "") << pad("strategy", 16) << pad("workers", 8, true) << pad("median", 11, true)
      << pad("spread", 9, true) << pad("speed-up", 10, true) << pad("efficiency", 12, true) << "\n";
  for (const auto& p : r.points) {
    if (p.workload != s.workload || p.size != s.size) continue;
    out << (sides ? pad(p.side, 11) : "") << pad(p.strategy, 16) << pad(std::to_string(p.workers), 8, true);
    if (!p.problem.empty() || p.seconds.empty()) {
      out << "   " << (p.problem.empty() ? "not measured (time budget)" : p.problem) << "\n";
      continue;
    }
    out << pad(duration_text(p.median), 11, true) << pad(fixed(p.spread * 100, 0) + "%", 9, true)
        << pad(p.speedup > 0 ? fixed(p.speedup, p.speedup < 0.1 ? 3 : 2) + "×" : "-", 10, true)
        << pad(p.speedup > 0 && p.uses_workers ? fixed(p.efficiency * 100, 0) + "%" : "-", 12, true);
    if (s.estimated_sequential_seconds) {
      // The I/O question at scale: how close to one table's wait does the whole run get?
      const double latency = *s.estimated_sequential_seconds / static_cast<double>(s.size);
      out << "  " << fixed(p.median / latency, 2) << "× one table's latency";
    }
    if (p.noisy) out << "  NOISY: do not trust";
    out << "\n";
  }
  std::string fits;
  for (const auto& c : r.curves) {
    if (c.workload != s.workload || c.size != s.size || !c.serial_fraction || c.strategy == "sequential") continue;
    fits += (fits.empty() ? "" : ", ") + (sides ? c.side + " " : std::string()) + c.strategy + " " +
            fixed(*c.serial_fraction, 2);
  }
  if (!fits.empty()) out << "Amdahl serial fraction f: " << fits << "\n";
  out << "\n";
}

}  // namespace

void write_table(const BenchReport& r, std::ostream& out) {
  out << "racelab bench: " << r.cores << " cores, " << r.reps << " repetitions per point after " << r.warmup
      << " warm-up, medians; speed-up against the reference sequential run of the same size\n\n";
  for (const auto& s : r.series) write_series_table(r, s, out);
  const auto noisy = std::count_if(r.points.begin(), r.points.end(), [](const PointResult& p) { return p.noisy; });
  if (noisy > 0) {
    out << noisy << (noisy == 1 ? " point is" : " points are") << " NOISY: the repetitions spread over more than "
        << fixed(r.noise_threshold * 100, 0)
        << "% of their median, so something else was using the machine. Run again on a quiet machine, or with more "
           "--reps.\n";
  }
  for (const auto& note : r.notes) out << "note: " << note << "\n";
  out << "Took " << fixed(r.elapsed_seconds, 1) << " s.\n";
}

boost::json::value to_json(const BenchReport& r) {
  boost::json::array points;
  for (const auto& p : r.points) {
    boost::json::array seconds(p.seconds.begin(), p.seconds.end());
    boost::json::object o{{"side", p.side},       {"workload", p.workload}, {"size", p.size},
                          {"strategy", p.strategy}, {"workers", p.workers},  {"seconds", std::move(seconds)},
                          {"median_seconds", p.median}, {"spread", p.spread}, {"noisy", p.noisy},
                          {"speedup", p.speedup}, {"efficiency", p.efficiency},
                          {"baseline", p.baseline_estimated ? "scaled" : "measured"},
                          {"uses_workers", p.uses_workers}};
    if (!p.problem.empty()) o["problem"] = p.problem;
    points.push_back(std::move(o));
  }
  boost::json::array curves;
  for (const auto& c : r.curves) {
    boost::json::object o{{"side", c.side}, {"workload", c.workload}, {"size", c.size}, {"strategy", c.strategy}};
    o["serial_fraction"] = c.serial_fraction ? boost::json::value(*c.serial_fraction) : boost::json::value(nullptr);
    curves.push_back(std::move(o));
  }
  boost::json::array notes(r.notes.begin(), r.notes.end());
  return boost::json::object{{"cores", r.cores},
                             {"quick", r.quick},
                             {"reps", r.reps},
                             {"warmup", r.warmup},
                             {"noise_threshold", r.noise_threshold},
                             {"elapsed_seconds", r.elapsed_seconds},
                             {"points", std::move(points)},
                             {"curves", std::move(curves)},
                             {"notes", std::move(notes)}};
}

void write_csv(const BenchReport& r, std::ostream& out) {
  out << "side,workload,size,strategy,workers,reps,median_seconds,spread,noisy,speedup,efficiency,baseline,"
         "serial_fraction,problem\n";
  for (const auto& p : r.points) {
    const auto* curve = curve_of(r, p);
    const bool measured = !p.seconds.empty();
    out << p.side << ',' << p.workload << ',' << p.size << ',' << p.strategy << ',' << p.workers << ','
        << p.seconds.size() << ',' << (measured ? fixed(p.median, 6) : "") << ','
        << (measured ? fixed(p.spread, 4) : "") << ',' << (p.noisy ? "yes" : "no") << ','
        << (p.speedup > 0 ? fixed(p.speedup, 4) : "") << ',' << (p.speedup > 0 ? fixed(p.efficiency, 4) : "") << ','
        << (p.baseline_estimated ? "scaled" : "measured") << ','
        << (curve && curve->serial_fraction ? fixed(*curve->serial_fraction, 4) : "") << ','
        << csv_field(p.problem) << '\n';
  }
}

namespace {

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

}  // namespace

std::string svg_chart(const BenchReport& r, const std::string& workload, std::size_t size) {
  Frame f;
  std::vector<const PointResult*> points;
  std::vector<int> worker_ticks;
  for (const auto& p : r.points) {
    if (p.workload != workload || p.size != size || p.speedup <= 0) continue;
    points.push_back(&p);
    f.max_workers = std::max(f.max_workers, p.workers);
    f.max_speedup = std::max(f.max_speedup, p.speedup);
    if (std::find(worker_ticks.begin(), worker_ticks.end(), p.workers) == worker_ticks.end())
      worker_ticks.push_back(p.workers);
  }
  std::sort(worker_ticks.begin(), worker_ticks.end());
  // The ideal line reaches the most workers; the axis shows it unless it would dwarf every measured line.
  f.max_speedup = std::max(f.max_speedup, std::min<double>(f.max_workers, 2 * f.max_speedup)) * 1.08;
  const double step = tick_step(f.max_speedup);

  std::ostringstream s;
  s << std::fixed << std::setprecision(1);
  s << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"440\" viewBox=\"0 0 760 440\" "
       "font-family=\"sans-serif\" font-size=\"12\">\n"
    << "<rect width=\"760\" height=\"440\" fill=\"white\"/>\n"
    << "<text x=\"" << f.left << "\" y=\"28\" font-size=\"16\" font-weight=\"bold\">"
    << xml_escape("Speed-up over sequential: " + workload + ", " + std::to_string(size) + " " + unit_of(workload) +
                  " (" + std::to_string(r.cores) + " cores)")
    << "</text>\n"
    << "<clipPath id=\"plot\"><rect x=\"" << f.left << "\" y=\"" << f.top << "\" width=\"" << f.width
    << "\" height=\"" << f.height << "\"/></clipPath>\n";
  // Axes, ticks and grid.
  s << "<g stroke=\"#999\" stroke-width=\"1\">\n"
    << "<line x1=\"" << f.left << "\" y1=\"" << f.top + f.height << "\" x2=\"" << f.left + f.width << "\" y2=\""
    << f.top + f.height << "\"/>\n"
    << "<line x1=\"" << f.left << "\" y1=\"" << f.top << "\" x2=\"" << f.left << "\" y2=\"" << f.top + f.height
    << "\"/>\n";
  for (double v = 0; v <= f.max_speedup + 1e-9; v += step) {
    s << "<line x1=\"" << f.left << "\" y1=\"" << f.y(v) << "\" x2=\"" << f.left + f.width << "\" y2=\"" << f.y(v)
      << "\" stroke=\"#eee\"/>\n";
  }
  s << "</g>\n";
  for (double v = 0; v <= f.max_speedup + 1e-9; v += step) {
    s << "<text x=\"" << f.left - 8 << "\" y=\"" << f.y(v) + 4 << "\" text-anchor=\"end\">" << fixed(v, step < 1 ? 1 : 0)
      << "×</text>\n";
  }
  for (int n : worker_ticks) {
    s << "<text x=\"" << f.x(n) << "\" y=\"" << f.top + f.height + 18 << "\" text-anchor=\"middle\">" << n
      << "</text>\n";
  }
  s << "<text x=\"" << f.left + f.width / 2 << "\" y=\"" << f.top + f.height + 40
    << "\" text-anchor=\"middle\">workers (threads, processes or pool threads)</text>\n"
    << "<text transform=\"translate(20 " << f.top + f.height / 2
    << ") rotate(-90)\" text-anchor=\"middle\">speed-up (×)</text>\n";

  std::vector<Label> labels;
  // The ideal line: n workers, n times faster.
  s << "<polyline class=\"ideal\" clip-path=\"url(#plot)\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"2 4\" "
       "points=\"";
  for (int n : worker_ticks) s << f.x(n) << "," << f.y(n) << " ";
  s << "\"/>\n";
  {
    const int last = worker_ticks.empty() ? 1 : worker_ticks.back();
    labels.push_back({f.x(last) + 8, f.y(std::min<double>(last, f.max_speedup)) + 4, "ideal", "#888"});
  }
  std::map<std::string, std::string> colour_of;
  for (const auto& c : r.curves) {
    if (c.workload != workload || c.size != size) continue;
    std::vector<const PointResult*> line;
    for (const auto* p : points) {
      if (p->side == c.side && p->strategy == c.strategy) line.push_back(p);
    }
    if (line.empty()) continue;
    std::sort(line.begin(), line.end(), [](auto* a, auto* b) { return a->workers < b->workers; });
    auto [it, added] = colour_of.try_emplace(c.strategy, palette[colour_of.size() % std::size(palette)]);
    const std::string& colour = it->second;
    const bool student = c.side == "student";
    s << "<polyline class=\"strategy\" fill=\"none\" stroke=\"" << colour << "\" stroke-width=\"2\""
      << (student ? " stroke-dasharray=\"6 3\"" : "") << " points=\"";
    for (const auto* p : line) s << f.x(p->workers) << "," << f.y(p->speedup) << " ";
    s << "\"/>\n";
    for (const auto* p : line) {
      s << "<circle cx=\"" << f.x(p->workers) << "\" cy=\"" << f.y(p->speedup) << "\" r=\"3\" fill=\"" << colour
        << "\"/>\n";
    }
    labels.push_back({f.x(line.back()->workers) + 8, f.y(line.back()->speedup) + 4,
                      c.strategy + (student ? " (student)" : ""), colour});
  }
  separate(labels, 14);
  for (const auto& l : labels) {
    s << "<text x=\"" << l.x << "\" y=\"" << l.y << "\" fill=\"" << l.colour << "\">" << xml_escape(l.text)
      << "</text>\n";
  }
  s << "</svg>\n";
  return s.str();
}

std::vector<std::filesystem::path> write_outputs(const BenchReport& r, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  std::vector<std::filesystem::path> written;
  const auto write = [&](const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream out(path, std::ios::trunc);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
    written.push_back(path);
  };
  write("bench.json", boost::json::serialize(to_json(r)) + "\n");
  std::ostringstream csv;
  write_csv(r, csv);
  write("bench.csv", csv.str());
  for (const auto& s : r.series) {
    // A chart needs a curve: a series measured at one worker count has none.
    if (s.workers.size() < 2) continue;
    write("speedup-" + s.workload + "-" + std::to_string(s.size) + ".svg", svg_chart(r, s.workload, s.size));
  }
  return written;
}

}  // namespace racelab::lab::bench
