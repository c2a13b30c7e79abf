// Exercise 1 — the unsynchronized counter. Reference solution: an atomic.
#include "counter.hpp"

#include <atomic>
#include <thread>
#include <vector>

namespace racelab {

std::atomic<long> counter{0};  // shared by every worker
// std::atomic makes each operation on the counter indivisible.

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    fuzz();
    counter.fetch_add(1);
    // One read-modify-write: no other thread can slip in between the read
    // and the write. A separate load() then store() would lose updates again.
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
