// Corpus, exercise 1, wrong. Style: lock-free, load then
// compare_exchange_strong().
// Bug: the result of the CAS is ignored. When another worker changed the
// counter in between, the exchange fails and this increment is silently
// dropped: lost updates, with every access atomic (no data race to report).
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<long> counter{0};

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long expected = counter.load();
    fuzz();
    counter.compare_exchange_strong(expected, expected + 1);
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
