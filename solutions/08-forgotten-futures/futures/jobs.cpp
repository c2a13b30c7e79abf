// Exercise 8 — a solution: keep every future, wait for all, then ask each for
// its result.
#include "jobs.hpp"

namespace racelab {

std::vector<long> run_jobs(const std::vector<Job>& jobs) {
  std::vector<std::future<long>> futures;
  futures.reserve(jobs.size());
  for (const Job& job : jobs) {
    // Each job goes to the pool as a copy: nothing it runs refers to this
    // function's variables, and every one of its futures is kept.
    futures.push_back(submit(job));
  }
  // All of them first: leaving at the first failure would leave the others
  // running after the caller has moved on.
  for (std::future<long>& future : futures) future.wait();
  std::vector<long> results;
  results.reserve(futures.size());
  for (std::future<long>& future : futures) {
    // get() hands over the job's result, or throws what the job threw: the
    // first failure in the order of the list leaves this loop.
    results.push_back(future.get());
  }
  return results;
}

}  // namespace racelab
