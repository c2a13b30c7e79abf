// The perf harness's statistics: pure functions over timings, so they can be
// checked on known inputs (tests/bench/bench_stats_tests.cpp).

#include "bench/harness/stats.hpp"

#include <algorithm>

namespace racelab::lab::bench {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle), values.end());
  const double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2;
}

double spread(const std::vector<double>& values) {
  const double m = median(values);
  if (values.size() < 2 || m <= 0) return 0;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return (*high - *low) / m;
}

bool is_noisy(const std::vector<double>& values, double threshold) { return spread(values) > threshold; }

double speedup(double sequential_seconds, double strategy_seconds) {
  return strategy_seconds > 0 ? sequential_seconds / strategy_seconds : 0;
}

double efficiency(double speedup, int workers) { return workers > 0 ? speedup / workers : 0; }

std::optional<double> amdahl_serial_fraction(const std::vector<ScalingPoint>& points) {
  double numerator = 0, denominator = 0;
  for (const auto& p : points) {
    if (p.workers < 1 || p.speedup <= 0) continue;
    const double x = 1.0 / p.workers;
    const double y = 1.0 / p.speedup;
    numerator += (1 - x) * (y - x);
    denominator += (1 - x) * (1 - x);
  }
  if (denominator == 0) return std::nullopt;  // only n = 1: the law says nothing about f
  return std::clamp(numerator / denominator, 0.0, 1.0);
}

}  // namespace racelab::lab::bench
