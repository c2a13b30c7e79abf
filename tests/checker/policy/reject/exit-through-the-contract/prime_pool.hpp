// Exercise 6 — the prime pool.
//
// The contract between your code and the grader. Do not change it: the
// grader, and the perf judge that times your strategies, call these functions
// exactly as declared here.
//
// Every strategy gets the same list of numbers and returns the primes among
// them: each number of the list that is prime, once per time it appears in the
// list, in any order. `workers` (at least 1) is how many threads or processes
// the strategy may run at once to do the checking.
//
// Rules every strategy follows:
// - check numbers with racelab::is_prime() below, never a test of your own:
//   the perf judge compares your speed-ups with the kit's, so the work per
//   number must be the same;
// - before it returns, every thread it started has been joined and every
//   child process waited for: no pool or thread outlives the call.
#pragma once

#include <cstdint>
#include <vector>

#include "racelab/bench/primes.hpp"

namespace racelab {

/// Threads sharing one results vector: starts `workers` threads that check
/// the numbers and append the primes they find to one shared list.
std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers);

/// Job queue → workers → result queue: the calling thread puts the numbers on
/// a job queue, `workers` threads take jobs and put their verdicts on a result
/// queue, and the calling thread, the only one that touches the list of
/// primes, collects them.
std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t>& numbers, int workers);

/// Processes: forks `workers` child processes that check the numbers and send
/// the primes they find back through pipes. It starts no thread: fork() is only
/// safe in a process with one thread (see README.md). A child never returns
/// from this function: it ends with _exit().
std::vector<std::uint64_t> primes_processes(const std::vector<std::uint64_t>& numbers, int workers);

/// Where the coroutines' checking runs.
enum class CoroutineMode {
  one_thread,   ///< everything on the event loop's thread; `workers` is ignored
  thread_pool,  ///< every is_prime() call offloaded to a pool of `workers` threads
};

/// Coroutines on a Boost.Asio event loop (an io_context run by the calling
/// thread): one coroutine per number. In one_thread mode the loop's thread
/// does all the checking; in thread_pool mode it does none of it.
std::vector<std::uint64_t> primes_coroutines(const std::vector<std::uint64_t>& numbers, CoroutineMode mode,
                                             int workers);

/// Provided by the kit: racelab::bench::is_prime(n) (trial division, a few
/// milliseconds for the large numbers of the perf run), plus a note of which
/// thread called it, so the grader can tell where the work ran. Call this one.
bool is_prime(std::uint64_t n);

}  // namespace racelab
