// A wrong fix for exercise 1: compare_exchange instead of a store, but its
// result is ignored. When another worker changed the counter since the read,
// the exchange fails and this increment is simply dropped: the loop that
// should retry with the fresh value is missing. Every access is atomic, so
// ThreadSanitizer has nothing to report.
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
    counter.compare_exchange_strong(old_value, old_value + 1);
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
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
