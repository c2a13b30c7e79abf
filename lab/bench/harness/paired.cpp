#include "bench/harness/paired.hpp"

#include <boost/math/distributions/binomial.hpp>

#include <algorithm>

namespace racelab::lab::bench {
namespace {

/// Coverage of [x(k), x(n+1−k)] (1-based ranks) as an interval for the median.
double coverage(std::size_t n, std::size_t k) {
  if (k == 0) return 1;
  const boost::math::binomial_distribution<double> b(static_cast<double>(n), 0.5);
  return 1 - 2 * boost::math::cdf(b, static_cast<double>(k - 1));
}

}  // namespace

std::optional<Interval> median_interval(std::vector<double> values, double confidence) {
  const std::size_t n = values.size();
  if (n == 0 || coverage(n, 1) < confidence) return std::nullopt;
  std::size_t k = 1;
  while (k + 1 <= (n + 1) / 2 && coverage(n, k + 1) >= confidence) ++k;
  std::sort(values.begin(), values.end());
  return Interval{values[k - 1], values[n - k]};
}

Side side_of(const Interval& interval, double threshold) {
  if (interval.low >= threshold) return Side::above;
  if (interval.high < threshold) return Side::below;
  return Side::straddles;
}

std::size_t fewest_values_for(double confidence) {
  std::size_t n = 1;
  while (coverage(n, 1) < confidence) ++n;
  return n;
}

}  // namespace racelab::lab::bench
