// Exercise 6's perf adapter: registers the student's strategies with the
// perf driver (lab/bench), which times them on the "primes" workload next to
// the kit's reference strategies. Each returns how many of the numbers are
// prime and the sum of those primes, which the driver checks.
#include <cstdint>
#include <vector>

#include "prime_pool.hpp"
#include "racelab/bench/driver.hpp"

namespace racelab {

// The perf build's is_prime(): the workload's test and nothing else, so a
// student's strategy does exactly the work of the kit's reference per number.
bool is_prime(std::uint64_t n) { return bench::is_prime(n); }

}  // namespace racelab

namespace {

using racelab::bench::Answer;
using racelab::bench::Workload;

Answer summarise(const std::vector<std::uint64_t>& primes) {
  Answer answer;
  answer.count = primes.size();
  for (std::uint64_t p : primes) {
    answer.checksum += p;  // unsigned: wraps around, i.e. the sum mod 2^64
  }
  return answer;
}

}  // namespace

RACELAB_BENCH_STRATEGY(primes_threaded, "primes", "threaded", true, [](const Workload& w, int workers) {
  return summarise(racelab::primes_threaded(w.numbers, workers));
})

RACELAB_BENCH_STRATEGY(primes_queue_manager, "primes", "queue-manager", true, [](const Workload& w, int workers) {
  return summarise(racelab::primes_queue_manager(w.numbers, workers));
})

RACELAB_BENCH_STRATEGY(primes_process, "primes", "process", true, [](const Workload& w, int workers) {
  return summarise(racelab::primes_processes(w.numbers, workers));
})

// One thread: the event loop does everything, so there is no worker count to vary.
RACELAB_BENCH_STRATEGY(primes_coroutine, "primes", "coroutine", false, [](const Workload& w, int) {
  return summarise(racelab::primes_coroutines(w.numbers, racelab::CoroutineMode::one_thread, 1));
})

RACELAB_BENCH_STRATEGY(primes_coroutine_pool, "primes", "coroutine-pool", true, [](const Workload& w, int workers) {
  return summarise(racelab::primes_coroutines(w.numbers, racelab::CoroutineMode::thread_pool, workers));
})
