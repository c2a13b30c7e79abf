// Corpus, exercise 6, wrong (threaded strategy). Style: lambda workers;
// "the compiler asked for mutable".
// Bug: the lambda captures the result list by value ([=] ... mutable): every
// worker appends to its own copy, which vanishes with the thread. No race,
// and no prime comes back.
#include "prime_pool.hpp"

#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  std::vector<std::uint64_t> found;
  const auto stride = static_cast<std::size_t>(workers);
  std::vector<std::thread> threads;
  for (std::size_t first = 0; first < stride; ++first) {
    threads.emplace_back([=]() mutable {
      for (std::size_t i = first; i < numbers.size(); i += stride) {
        if (is_prime(numbers[i])) {
          found.push_back(numbers[i]);
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return found;
}

}  // namespace racelab
