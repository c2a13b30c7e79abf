// The harness's statistics on inputs whose answers are known.

#include "racelab/bench/primes.hpp"
#include "bench/harness/stats.hpp"
#include "bench/harness/sweep.hpp"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace racelab::lab::bench;

BOOST_AUTO_TEST_CASE(median_of_odd_and_even_counts) {
  BOOST_TEST(median({3.0, 1.0, 2.0}) == 2.0);
  BOOST_TEST(median({4.0, 1.0, 3.0, 2.0}) == 2.5);
  BOOST_TEST(median({}) == 0.0);
}

BOOST_AUTO_TEST_CASE(spread_is_range_over_median) {
  BOOST_TEST(spread({1.0, 1.0, 1.0}) == 0.0);
  BOOST_TEST(spread({0.9, 1.0, 1.1}) == 0.2, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(one_slow_repetition_is_noisy_and_the_median_resists_it) {
  const std::vector<double> steady{1.00, 1.02, 0.99, 1.01, 1.00};
  std::vector<double> disturbed = steady;
  disturbed[2] = 3.0;  // something else took the machine for one repetition
  BOOST_TEST(!is_noisy(steady));
  BOOST_TEST(is_noisy(disturbed));
  BOOST_TEST(median(disturbed) == 1.01, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(a_sweep_with_one_slow_repetition_reports_the_point_noisy) {
  BenchReport report;
  report.series.push_back({"primes", 10, {1, 2}, {}, {}});
  PointResult sequential{.side = "reference", .workload = "primes", .size = 10, .strategy = "sequential",
                         .workers = 1, .seconds = {1.0, 1.0, 1.0}};
  PointResult parallel = sequential;
  parallel.strategy = "threaded";
  parallel.workers = 2;
  parallel.seconds = {0.5, 0.5, 2.0};
  report.points = {sequential, parallel};
  summarise(report);
  BOOST_TEST(!report.points[0].noisy);
  BOOST_TEST(report.points[1].noisy);
  BOOST_TEST(report.points[1].speedup == 2.0, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(speedup_and_efficiency) {
  BOOST_TEST(speedup(2.0, 0.5) == 4.0);
  BOOST_TEST(efficiency(4.0, 8) == 0.5);
  BOOST_TEST(speedup(1.0, 0.0) == 0.0);
}

BOOST_AUTO_TEST_CASE(amdahl_fit_recovers_a_known_serial_fraction) {
  const double f = 0.1;
  std::vector<ScalingPoint> points;
  for (int n : {1, 2, 4, 8, 16}) points.push_back({n, 1.0 / (f + (1 - f) / n)});
  const auto fitted = amdahl_serial_fraction(points);
  BOOST_TEST_REQUIRE(fitted.has_value());
  BOOST_TEST(*fitted == f, boost::test_tools::tolerance(1e-9));
}

BOOST_AUTO_TEST_CASE(amdahl_fit_of_perfect_and_of_serial_scaling) {
  BOOST_TEST(*amdahl_serial_fraction({{1, 1}, {2, 2}, {4, 4}}) == 0.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(*amdahl_serial_fraction({{1, 1}, {2, 1}, {4, 1}}) == 1.0, boost::test_tools::tolerance(1e-12));
  BOOST_TEST(!amdahl_serial_fraction({{1, 1}}).has_value());
}

BOOST_AUTO_TEST_CASE(worker_counts_double_up_to_the_limit) {
  BOOST_TEST(doubling_up_to(1) == std::vector<int>({1}), boost::test_tools::per_element());
  BOOST_TEST(doubling_up_to(6) == std::vector<int>({1, 2, 4, 6}), boost::test_tools::per_element());
  BOOST_TEST(doubling_up_to(64).back() == 64);
}

BOOST_AUTO_TEST_CASE(the_sweep_scales_with_the_cores) {
  BenchOptions o;
  o.cores = 64;
  const auto series = plan_series(o);
  BOOST_TEST_REQUIRE(series.size() == 4u);  // primes, tables, 1000 tables, counter
  BOOST_TEST(series[0].workers.back() == 64);
  BOOST_TEST(series[0].size >= 64u * 8);
  BOOST_TEST(series[2].size == 1000u);
}

// The driver's expected answers rely on these tables being what they claim.
BOOST_AUTO_TEST_CASE(prime_tables_hold_primes_and_composites) {
  for (auto n : racelab::bench::large_primes) BOOST_TEST(racelab::bench::is_prime(n), n);
  for (auto n : racelab::bench::hard_composites) BOOST_TEST(!racelab::bench::is_prime(n), n);
}
