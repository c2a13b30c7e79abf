#pragma once
/// \file
/// Judging a ratio from interleaved pairs of runs: the distribution-free
/// confidence interval of a median, and which side of a threshold it lies on.
/// Checked on known inputs (tests/bench/bench_stats_tests.cpp).

#include <cstddef>
#include <optional>
#include <vector>

namespace racelab::lab::bench {

/// A closed interval [low, high].
struct Interval {
  double low = 0;
  double high = 0;
};

/// The confidence interval of the median of `values` at (at least) `confidence`,
/// from order statistics: [x(k), x(n+1−k)] with the largest k whose coverage
/// 1 − 2·P(Binomial(n, ½) < k) still reaches `confidence`. It assumes nothing
/// of the timings' distribution, and one run slowed by a burst of load moves it
/// by one rank, not by the size of the burst. Empty when n is too small for
/// that confidence (below 6 values at 95%).
std::optional<Interval> median_interval(std::vector<double> values, double confidence);

/// Where a measured interval stands against a threshold.
enum class Side {
  above,      ///< low ≥ threshold
  below,      ///< high < threshold
  straddles,  ///< neither: more measurements may decide
};

Side side_of(const Interval& interval, double threshold);

/// The fewest values median_interval() needs for `confidence`.
std::size_t fewest_values_for(double confidence);

}  // namespace racelab::lab::bench
