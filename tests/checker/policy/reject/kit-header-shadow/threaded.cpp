// POLICY-EXERCISE: 06-prime-pool
// An honest-looking strategy; the trick is the folder's racelab/bench/primes.hpp.
#include "prime_pool.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t> &numbers, int workers) {
  std::vector<std::uint64_t> primes;
  std::mutex primes_mutex;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&, w] {
      for (std::size_t i = std::size_t(w); i < numbers.size(); i += std::size_t(workers)) {
        if (is_prime(numbers[i])) {
          std::lock_guard<std::mutex> lock(primes_mutex);
          primes.push_back(numbers[i]);
        }
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return primes;
}

}  // namespace racelab
