// Exercise 8 — a solution: the jobs count themselves down on a latch, and
// keep their own failures; the caller waits for the latch.
#include "jobs.hpp"

#include <cstddef>
#include <exception>
#include <latch>

namespace racelab {

std::vector<long> run_jobs(const std::vector<Job>& jobs) {
  std::vector<long> results(jobs.size());
  // One slot per job: no two jobs write the same element, and the caller
  // reads them only after the latch says every job is done.
  std::vector<std::exception_ptr> failures(jobs.size());
  std::latch all_done(static_cast<std::ptrdiff_t>(jobs.size()));
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    // The future is not needed: the job catches its own failure, and the
    // latch, not the future, is what the caller waits for.
    (void)submit([&results, &failures, &all_done, &jobs, i] {
      try {
        results[i] = jobs[i]();
      } catch (...) {
        failures[i] = std::current_exception();
      }
      // Last: after this the caller may return, and everything above is gone.
      all_done.count_down();
      return 0L;
    });
  }
  all_done.wait();
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return results;
}

}  // namespace racelab
