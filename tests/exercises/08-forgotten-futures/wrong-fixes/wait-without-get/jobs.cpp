// A wrong fix: every future is kept and waited for, but never asked for its
// result, so a job's exception stays in its future and is lost.
#include "jobs.hpp"

namespace racelab {

std::vector<long> run_jobs(const std::vector<Job>& jobs) {
  std::vector<long> results(jobs.size());
  std::vector<std::future<long>> futures;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    futures.push_back(submit([&results, &jobs, i] {
      results[i] = jobs[i]();
      return results[i];
    }));
  }
  for (std::future<long>& future : futures) future.wait();
  return results;
}

}  // namespace racelab
