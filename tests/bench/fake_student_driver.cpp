// A stand-in for a student's perf driver (exercise6_perf) in the harness's
// tests: one "threaded" primes strategy, built three ways. Plain: parallel,
// as a correct solution. RACELAB_FAKE_ONE_BIG_LOCK: every check happens while
// holding one mutex, the serialising "fix" the perf judge must catch.
// RACELAB_FAKE_WRONG_ANSWER: miscounts, so the answer check must catch it.

#include "racelab/bench/driver.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace {

racelab::bench::Answer threaded(const racelab::bench::Workload& w, int workers) {
  std::mutex m;
  racelab::bench::Answer total;
  std::vector<std::jthread> threads;
  for (int t = 0; t < workers; ++t) {
    threads.emplace_back([&, t] {
      for (std::size_t i = static_cast<std::size_t>(t); i < w.numbers.size(); i += static_cast<std::size_t>(workers)) {
#ifdef RACELAB_FAKE_ONE_BIG_LOCK
        std::lock_guard lock(m);
        const bool prime = racelab::bench::is_prime(w.numbers[i]);
#else
        const bool prime = racelab::bench::is_prime(w.numbers[i]);
        std::lock_guard lock(m);
#endif
        if (prime) {
          ++total.count;
          total.checksum += w.numbers[i];
        }
      }
    });
  }
  threads.clear();  // joins
#ifdef RACELAB_FAKE_WRONG_ANSWER
  ++total.count;
#endif
  return total;
}

}  // namespace

RACELAB_BENCH_STRATEGY(fake_threaded, "primes", "threaded", true, threaded)
