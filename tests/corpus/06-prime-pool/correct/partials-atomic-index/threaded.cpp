// Corpus, exercise 6, correct (threaded strategy). Style: nothing shared but
// the index of the next number (a std::atomic, fetch_add): each worker keeps
// the primes it finds in a vector of its own, and the vectors are merged
// after every worker is joined.
#include "prime_pool.hpp"

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  std::vector<std::vector<std::uint64_t>> found_by(static_cast<std::size_t>(workers));
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&numbers, &next, &mine = found_by[static_cast<std::size_t>(w)]] {
      for (std::size_t i = next.fetch_add(1); i < numbers.size(); i = next.fetch_add(1)) {
        if (is_prime(numbers[i])) {
          mine.push_back(numbers[i]);
        }
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  std::vector<std::uint64_t> primes;
  for (const std::vector<std::uint64_t>& some : found_by) {
    primes.insert(primes.end(), some.begin(), some.end());
  }
  return primes;
}

}  // namespace racelab
