// Exercise 6 — the prime pool. Reference solution, threaded strategy: the
// workers share the list of primes, and a mutex guards it.
#include "prime_pool.hpp"

#include <atomic>
#include <cstddef>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace racelab {

std::vector<std::uint64_t> found;  // the primes the workers found so far
std::mutex found_mutex;
// One mutex for the one list: every worker locks the same object before it
// appends, so no two appends overlap.

// Takes numbers until none is left. `next` is the index of the first number
// nobody took yet; fetch_add hands every index to exactly one worker, so a
// fast worker simply takes more numbers than a slow one.
void check_numbers(const std::vector<std::uint64_t>& numbers, std::atomic<std::size_t>& next) {
  for (std::size_t index = next.fetch_add(1); index < numbers.size(); index = next.fetch_add(1)) {
    // The slow part runs outside the lock, so the workers check in parallel;
    // the lock is held only for the append, a few nanoseconds.
    if (is_prime(numbers[index])) {
      std::lock_guard<std::mutex> lock(found_mutex);
      found.push_back(numbers[index]);
    }
  }
}

std::vector<std::uint64_t> primes_threaded(const std::vector<std::uint64_t>& numbers, int workers) {
  found.clear();
  // No lock needed here: no worker exists yet.
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(check_numbers, std::cref(numbers), std::ref(next));
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  // Every worker is joined: join() made their appends visible here, and
  // nobody else can touch `found` any more.
  return std::move(found);
}

}  // namespace racelab
