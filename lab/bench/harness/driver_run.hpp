#pragma once
/// \file
/// Running a perf driver (lab/bench) once per measurement, through its
/// command-line protocol: --list, and --result for the timings.

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace racelab::lab::bench {

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

}  // namespace racelab::lab::bench
