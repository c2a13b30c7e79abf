// A wrong fix for exercise 1: the counter is atomic, but the update is still a
// separate read and write. Each operation is indivisible; the pair is not.
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
    counter.store(old_value + 1);
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
