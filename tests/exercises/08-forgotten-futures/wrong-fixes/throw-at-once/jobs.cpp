// A wrong fix: every future is asked for its result, in order — and the first
// failure leaves the loop at once, with the later jobs still running.
#include "jobs.hpp"

namespace racelab {

std::vector<long> run_jobs(const std::vector<Job>& jobs) {
  std::vector<std::future<long>> futures;
  for (const Job& job : jobs) futures.push_back(submit(job));
  std::vector<long> results;
  for (std::future<long>& future : futures) results.push_back(future.get());
  return results;
}

}  // namespace racelab
