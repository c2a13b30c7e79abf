// A wrong fix for exercise 1: every worker locks a mutex — its own.
// Each worker's mutex is a different object, so locking it excludes nobody.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

void worker(long increments) {
  std::mutex counter_mutex;
  for (long i = 0; i < increments; ++i) {
    std::lock_guard<std::mutex> lock(counter_mutex);
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
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
  return counter;
}

}  // namespace racelab
