// The queue manager with a counting semaphore for the jobs.
#include "prime_pool.hpp"

#include <deque>
#include <mutex>
#include <optional>
#include <semaphore>
#include <thread>
#include <vector>

namespace racelab {

int worker_count(int asked);  // threaded.cpp

std::vector<std::uint64_t> primes_queue_manager(const std::vector<std::uint64_t> &numbers, int workers) {
  const int n = worker_count(workers);
  std::deque<std::optional<std::uint64_t>> jobs(numbers.begin(), numbers.end());
  for (int w = 0; w < n; ++w) {
    jobs.emplace_back(std::nullopt);
  }
  std::mutex jobs_mutex, results_mutex;
  std::counting_semaphore<> results_ready(0);
  std::deque<std::pair<std::uint64_t, bool>> results;
  std::vector<std::jthread> threads;
  for (int w = 0; w < n; ++w) {
    threads.emplace_back([&] {
      for (;;) {
        std::optional<std::uint64_t> job;
        {
          std::lock_guard lock(jobs_mutex);
          job = jobs.front();
          jobs.pop_front();
        }
        if (!job) {
          return;
        }
        const bool prime = is_prime(*job);
        {
          std::lock_guard lock(results_mutex);
          results.emplace_back(*job, prime);
        }
        results_ready.release();
      }
    });
  }
  std::vector<std::uint64_t> primes;
  for (std::size_t received = 0; received < numbers.size(); ++received) {
    results_ready.acquire();
    std::lock_guard lock(results_mutex);
    if (results.front().second) {
      primes.push_back(results.front().first);
    }
    results.pop_front();
  }
  return primes;
}

}  // namespace racelab
