#pragma once
/// \file
/// The sweep of `racelab bench`: workloads × strategies × worker counts,
/// student and reference interleaved, then medians, speed-ups and curves.

#include "bench/harness/stats.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab::bench {

/// One workload at one size, and the worker counts its strategies run at.
struct Series {
  std::string workload;
  std::size_t size = 0;
  std::vector<int> workers;
  /// Only these strategies (empty: every one the drivers register for the workload).
  std::vector<std::string> only;
  /// Set (to anything) when the sequential run would take too long (1000 tables): the
  /// baseline is then scaled by size from the measured series of the same workload, and
  /// summarise() stores it here; speed-ups in this series are against that estimate.
  std::optional<double> estimated_sequential_seconds;
};

struct BenchOptions {
  std::filesystem::path reference_driver;
  /// The students' drivers (exercise6_perf, exercise7_perf): each covers the workloads it registers.
  std::vector<std::filesystem::path> student_drivers;
  bool reference = true;
  bool student = false;
  bool quick = false;
  std::vector<int> cpu_workers;  ///< empty: 1, 2, 4 … cores
  std::vector<int> io_workers;   ///< empty: the CPU counts, then doubling up to 4 × cores
  int reps = 5;
  int warmup = 1;
  double budget_seconds = 0;  ///< 0: no budget
  double noise_threshold = default_noise_threshold;
  std::vector<std::string> workloads{"primes", "tables", "counter"};
  unsigned cores = 0;  ///< 0: std::thread::hardware_concurrency()
};

/// One (side, series, strategy, workers) point.
struct PointResult {
  std::string side;  ///< "reference" or "student"
  std::string workload;
  std::size_t size = 0;
  std::string strategy;
  int workers = 1;
  std::vector<double> seconds;
  double median = 0;
  double spread = 0;
  bool noisy = false;
  double speedup = 0;     ///< against the reference sequential median of the series
  double efficiency = 0;
  bool baseline_estimated = false;
  bool uses_workers = true;  ///< false: a one-thread strategy (efficiency means nothing for it)
  std::string problem;  ///< non-empty: no valid timing (wrong answer, crash, skipped)
};

/// One curve: a strategy of one side in one series.
struct CurveSummary {
  std::string side, workload, strategy;
  std::size_t size = 0;
  std::optional<double> serial_fraction;
};

struct BenchReport {
  unsigned cores = 0;
  bool quick = false;
  int reps = 0;
  int warmup = 0;
  double noise_threshold = default_noise_threshold;
  double elapsed_seconds = 0;
  std::vector<Series> series;
  std::vector<PointResult> points;
  std::vector<CurveSummary> curves;
  std::vector<std::string> notes;  ///< what the run changed or could not do, in plain words
};

/// The worker counts of a sweep: 1, 2, 4 … up to `limit`, `limit` itself included.
std::vector<int> doubling_up_to(int limit);

/// The series of a sweep for `options` (sizes, worker counts), before anything runs.
std::vector<Series> plan_series(const BenchOptions& options);

/// Progress while it runs: one line per point measured.
using ProgressSink = std::function<void(const std::string& line)>;

/// Runs the sweep. Student and reference repetitions of the same point are
/// interleaved (ABBA order) so that drift in the machine's load hits both.
BenchReport run_bench(const BenchOptions& options, const ProgressSink& progress);

/// Fills median, spread, noise, speed-ups and curves from the raw seconds.
void summarise(BenchReport& report);

}  // namespace racelab::lab::bench
