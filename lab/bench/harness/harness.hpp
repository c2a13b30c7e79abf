#pragma once
/// \file
/// The perf harness behind `racelab bench` and the perf judge: statistics over
/// repeated timings, running a perf driver (lab/bench) once per measurement,
/// the sweep over workloads × strategies × worker counts, and its outputs
/// (terminal table, JSON, CSV, SVG).

#include <boost/json/value.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab::bench {

// ---- statistics (pure functions; tests/bench checks them on known inputs) ----

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

// ---- one driver run -----------------------------------------------------------

/// One invocation of a perf driver: `reps` timed repetitions after `warmup`.
struct DriverCall {
  std::filesystem::path driver;
  std::string workload;
  std::string strategy;
  int workers = 1;
  std::size_t size = 0;
  int reps = 1;
  int warmup = 0;
  std::chrono::milliseconds time_limit{120'000};
};

/// What came back: the timings, or what went wrong (in plain words).
struct DriverOutcome {
  bool ok = false;              ///< ran, wrote its result, answer right
  bool wrong_answer = false;    ///< ran, but the answer differs from the expected one
  std::vector<double> seconds;  ///< per timed repetition
  std::string problem;          ///< why not ok: the answer check, a crash, a time-out…
};

/// Runs the driver (stdout/stderr captured and ignored; only --result is read).
DriverOutcome run_driver(const DriverCall& call);

/// A strategy a driver registers.
struct DriverStrategy {
  std::string workload;
  std::string name;
  bool uses_workers = true;
};

/// `driver --list`; throws std::runtime_error with a readable message when it fails.
std::vector<DriverStrategy> list_strategies(const std::filesystem::path& driver);

// ---- the sweep -----------------------------------------------------------------

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

// ---- outputs ----------------------------------------------------------------------

void write_table(const BenchReport& report, std::ostream& out);
boost::json::value to_json(const BenchReport& report);
void write_csv(const BenchReport& report, std::ostream& out);
/// One chart: speed-up against workers for one series, a line per (side, strategy)
/// labelled at its end, and the ideal line y = x.
std::string svg_chart(const BenchReport& report, const std::string& workload, std::size_t size);

/// Writes bench.json, bench.csv and one speedup-<workload>-<size>.svg per series into `dir`;
/// returns the files written.
std::vector<std::filesystem::path> write_outputs(const BenchReport& report, const std::filesystem::path& dir);

}  // namespace racelab::lab::bench
