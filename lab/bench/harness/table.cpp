// The terminal table of `racelab bench`: a block per series, a row per point.

#include "bench/harness/outputs.hpp"

#include "bench/harness/wording.hpp"
#include "core/text.hpp"

#include <algorithm>
#include <ostream>

namespace racelab::lab::bench {
namespace {

std::string series_title(const Series& s) {
  return s.workload + ", " + std::to_string(s.size) + " " + unit_of(s.workload);
}

bool has_student(const BenchReport& r) {
  return std::any_of(r.points.begin(), r.points.end(), [](const PointResult& p) { return p.side == "student"; });
}

/// Pads to `width` display columns (the table holds a few multi-byte characters: ×, µ).
std::string pad(const std::string& text, std::size_t width, bool right = false) {
  return right ? pad_left(text, width) : pad_right(text, width);
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

}  // namespace racelab::lab::bench
