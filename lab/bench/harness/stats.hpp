#pragma once
/// \file
/// The perf harness's statistics: pure functions over timings, checked on
/// known inputs (tests/bench/bench_stats_tests.cpp).

#include <optional>
#include <vector>

namespace racelab::lab::bench {

/// Spread above which a point is reported "noisy: do not trust" (see spread()).
inline constexpr double default_noise_threshold = 0.25;

/// The middle value (the mean of the two middle ones for an even count); 0 when empty.
double median(std::vector<double> values);

/// (max − min) / median: the whole range, relative to the median. With the
/// handful of repetitions a sweep can afford, quartiles are not meaningful,
/// and one slow repetition — exactly what a busy machine produces — must show.
double spread(const std::vector<double>& values);

/// True when spread(values) > threshold.
bool is_noisy(const std::vector<double>& values, double threshold = default_noise_threshold);

/// sequential median / strategy median.
double speedup(double sequential_seconds, double strategy_seconds);

/// speed-up / workers: 1 is perfect scaling.
double efficiency(double speedup, int workers);

/// One measured point of a speed-up curve.
struct ScalingPoint {
  int workers = 1;
  double speedup = 1;
};

/// The serial fraction f of Amdahl's law, S(n) = 1 / (f + (1 − f)/n), fitted by
/// least squares. With x = 1/n and y = 1/S the law reads y − x = f·(1 − x), a
/// line through the origin, so f = Σ(1−x)(y−x) / Σ(1−x)². Clamped to [0, 1]
/// (a super-linear run would give f < 0). Empty without a point at n > 1.
std::optional<double> amdahl_serial_fraction(const std::vector<ScalingPoint>& points);

}  // namespace racelab::lab::bench
