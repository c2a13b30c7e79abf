// POLICY-EXERCISE: 06-prime-pool
// Three strategies in other styles; a helper defined here and used by
// queue_manager.cpp, which declares it.
#include "prime_pool.hpp"

#include <algorithm>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

int worker_count(int asked) { return std::max(1, asked); }

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t> &numbers, int workers) {
  std::vector<std::future<std::vector<std::uint64_t>>> parts;
  const int n = worker_count(workers);
  for (int w = 0; w < n; ++w) {
    parts.push_back(std::async(std::launch::async, [&numbers, w, n] {
      std::vector<std::uint64_t> mine;
      for (std::size_t i = static_cast<std::size_t>(w); i < numbers.size(); i += static_cast<std::size_t>(n)) {
        if (is_prime(numbers[i])) {
          mine.push_back(numbers[i]);
        }
      }
      return mine;
    }));
  }
  std::vector<std::uint64_t> primes;
  for (auto &part : parts) {
    auto mine = part.get();
    primes.insert(primes.end(), mine.begin(), mine.end());
  }
  return primes;
}

}  // namespace racelab
