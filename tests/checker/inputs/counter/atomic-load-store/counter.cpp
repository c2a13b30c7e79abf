#include "counter.hpp"
#include <atomic>
#include <thread>
#include <vector>

namespace racelab {
std::atomic<long> counter{0};
void worker(int increments) {
  for (int i = 0; i < increments; ++i) {
    long old_value = counter.load();
    fuzz();
    counter.store(old_value + 1);
  }
}

long count_with_threads(int threads, int increments) {
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t)
    workers.emplace_back(worker, increments);
  for (std::thread &t : workers)
    t.join();
  return counter;
}
} // namespace racelab
