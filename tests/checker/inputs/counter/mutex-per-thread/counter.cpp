#include "counter.hpp"
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {
long counter = 0;
void worker(int increments) {
  for (int i = 0; i < increments; ++i) {
    std::mutex counter_mutex; // TODO: looks safe, is not
    std::lock_guard<std::mutex> lock(counter_mutex);
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
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
