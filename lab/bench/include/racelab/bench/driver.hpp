#pragma once
/// \file
/// The perf driver: a small program the harness (`racelab bench`, the perf
/// judge) starts once per measurement. It links a set of *strategies* — the
/// kit's reference ones, or a student's, registered by an exercise's perf
/// adapter — and the driver's own main(), which runs one strategy on one
/// workload with a given number of workers, checks the answer, and writes the
/// timings to a file the harness names (never to stdout: what a student's code
/// prints cannot change a measurement).

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "racelab/bench/primes.hpp"

namespace racelab::bench {

/// The input of one run. Built by the driver from the workload name and size,
/// identically for every strategy, so all strategies do the same work.
struct Workload {
  std::string name;                    ///< "primes", "tables" or "counter"
  std::vector<std::uint64_t> numbers;  ///< primes: the numbers to test (large, some prime)
  std::size_t tables = 0;              ///< tables: how many tables wait
  std::chrono::microseconds latency{0};  ///< tables: how long each table "thinks"
  std::uint64_t increments = 0;        ///< counter: total increments over all workers
};

/// What a strategy computed, compared with the sequential answer:
/// primes: how many of the numbers are prime and the sum of those primes (mod 2^64);
/// tables: tables served and the sum of their numbers; counter: the final count.
struct Answer {
  std::uint64_t count = 0;
  std::uint64_t checksum = 0;
  friend bool operator==(const Answer&, const Answer&) = default;
};

/// One way to run a workload. `workers` is the number of threads, processes
/// or pool threads the strategy may use (ignored by "sequential" and by the
/// one-thread "coroutine").
struct Strategy {
  std::string workload;  ///< "primes", "tables", "counter"
  std::string name;      ///< "sequential", "threaded", "queue-manager", "process", "coroutine", "coroutine-pool", …
  std::function<Answer(const Workload&, int workers)> run;
  bool uses_workers = true;  ///< false: one point only (its speed-up is measured at 1 worker)
};

/// Adds a strategy to this driver. Perf adapters call it from a static
/// initialiser (see RACELAB_BENCH_STRATEGY).
void register_strategy(Strategy strategy);

/// Every registered strategy, in registration order.
const std::vector<Strategy>& strategies();

/// The kit's workloads, the same for every driver.
Workload make_workload(const std::string& name, std::size_t size);

/// The right answer, computed plainly (not timed).
Answer expected_answer(const Workload& workload);

/// A table "thinking" for `latency`: blocks the calling thread (the I/O the
/// threads and sequential strategies wait on).
void think(std::chrono::microseconds latency);

/// The driver's main(): `--list` prints the strategies as JSON; otherwise
/// `--workload W --strategy S --workers N --size K --reps R --warmup U --result FILE`.
int driver_main(int argc, char** argv);

}  // namespace racelab::bench

/// Registers a strategy at static-initialisation time:
///   RACELAB_BENCH_STRATEGY(primes_threaded, "primes", "threaded", true,
///                          [](const Workload& w, int workers) { … return Answer{…}; });
#define RACELAB_BENCH_STRATEGY(id, workload, name, uses_workers, ...)                         \
  namespace {                                                                               \
  const bool racelab_bench_registered_##id = [] {                                           \
    ::racelab::bench::register_strategy({workload, name, __VA_ARGS__, uses_workers});       \
    return true;                                                                            \
  }();                                                                                      \
  }
