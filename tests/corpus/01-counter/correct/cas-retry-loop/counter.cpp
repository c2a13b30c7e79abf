// Corpus, exercise 1, correct. Style: lock-free: read the atomic, then
// compare_exchange_weak() in a retry loop until the write-back lands on the
// value that was read.
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<long> counter{0};

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = counter.load();
    fuzz();
    while (!counter.compare_exchange_weak(old_value, old_value + 1)) {
      // Someone else got in first: old_value now holds their result; retry from it.
    }
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter.store(0);
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back(worker, increments);
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  return counter.load();
}

}  // namespace racelab
