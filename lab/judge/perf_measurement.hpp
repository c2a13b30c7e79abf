#pragma once
/// \file
/// The perf judge's measurement: the student's and the reference's runs of each
/// strategy in interleaved pairs, each pair's ratio of speed-ups, and a decision
/// per strategy taken only when the confidence interval of the median ratio
/// lies on one side of the threshold, with the load the machine was under.

#include "bench/harness/driver_run.hpp"
#include "bench/harness/paired.hpp"

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace racelab::lab {

/// The confidence at which a strategy is decided (for each strategy apart).
inline constexpr double perf_confidence = 0.95;

/// How far above 1× the reference's speed-up must reach for a serialised
/// strategy (about 1×) to fall clearly below the threshold: a pass is only
/// trusted when reference speed-up × threshold ≥ this margin.
inline constexpr double discernible_margin = 1.2;

/// One round's runs of one strategy: the reference's sequential run, the
/// reference's run of the strategy and the student's, back to back.
struct PerfPair {
  double sequential = 0;
  double reference = 0;
  double student = 0;
  /// The ratio of speed-ups, student / reference = reference time / student time.
  [[nodiscard]] double ratio() const { return student > 0 ? reference / student : 0; }
  [[nodiscard]] double reference_speedup() const { return reference > 0 ? sequential / reference : 0; }
  [[nodiscard]] double student_speedup() const { return student > 0 ? sequential / student : 0; }
};

enum class PerfDecision {
  undecided,
  passed,
  failed,      ///< below the threshold, or the student's driver failed (`problem`)
  unmeasured,  ///< the machine's load left the ratio undecided: no verdict either way
};

/// One strategy under judgement.
struct PerfContest {
  bench::DriverStrategy strategy;
  int workers = 1;
  std::size_t size = 0;
  double threshold = 0;
  std::vector<PerfPair> pairs;
  std::string problem;  ///< the student's driver failed: wrong answer, crash, time-out
  PerfDecision decision = PerfDecision::undecided;
  std::string why;  ///< how the decision was taken, when not by the interval alone

  [[nodiscard]] std::vector<double> ratios() const;
  [[nodiscard]] double median_ratio() const;
  [[nodiscard]] double median_reference_speedup() const;
  [[nodiscard]] double median_student_speedup() const;
  [[nodiscard]] std::optional<bench::Interval> ratio_interval() const;
  /// A serialised strategy would fall clearly below the threshold beside this reference.
  [[nodiscard]] bool discernible() const;
};

/// What the machine was doing meanwhile.
struct PerfLoad {
  int rounds = 0;
  int slow_sequential_rounds = 0;  ///< the reference's sequential run got under 85% of a core
  std::optional<double> stalled_share;  ///< /proc/pressure/cpu over the whole measurement
  /// A reason to doubt the timings, in plain words; empty when none was seen.
  [[nodiscard]] std::string signs() const;
};

struct PerfMeasurement {
  std::vector<PerfContest> contests;
  PerfLoad load;
  std::string kit_problem;  ///< the reference itself failed: the judge cannot run
};

/// How to measure: the two drivers, and the limits on time.
struct PerfPlan {
  std::filesystem::path student_driver;
  std::filesystem::path reference_driver;
  std::chrono::milliseconds call_limit{60'000};
  double budget_seconds = 60;  ///< rounds stop being added past this
  int most_rounds = 30;
};

/// Measures round after round until every contest is decided or the budget
/// ends; then decides the rest (by the median on a quiet machine, else
/// unmeasured). `m.contests` come in with strategy, workers, size and threshold.
void measure_and_decide(const PerfPlan& plan, PerfMeasurement& m);

}  // namespace racelab::lab
