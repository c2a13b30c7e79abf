#include "bench/harness/wording.hpp"

#include <iomanip>
#include <sstream>

namespace racelab::lab::bench {

std::string fixed(double value, int decimals) {
  std::ostringstream s;
  s << std::fixed << std::setprecision(decimals) << value;
  return s.str();
}

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

const CurveSummary* curve_of(const BenchReport& r, const PointResult& p) {
  for (const auto& c : r.curves) {
    if (c.side == p.side && c.workload == p.workload && c.size == p.size && c.strategy == p.strategy) return &c;
  }
  return nullptr;
}

}  // namespace racelab::lab::bench
