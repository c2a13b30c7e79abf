// Exercise 6 — a wrong fix of the threaded strategy: the append is locked,
// but the workers also share the index of the next number, and read and bump
// it without the lock. Two workers can take the same number (a prime found
// twice) or skip one. ThreadSanitizer and racelab-check name `next`.
#include "prime_pool.hpp"

#include <cstddef>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> found;  // the primes the workers found so far
std::mutex found_mutex;
std::size_t next = 0;  // the next number nobody took yet

void check_numbers(const std::vector<std::uint64_t>& numbers) {
  while (next < numbers.size()) {
    const std::uint64_t n = numbers[next];
    ++next;
    if (is_prime(n)) {
      std::lock_guard<std::mutex> lock(found_mutex);
      found.push_back(n);
    }
  }
}

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  found.clear();
  next = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(check_numbers, std::cref(numbers));
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return found;
}

}  // namespace racelab
