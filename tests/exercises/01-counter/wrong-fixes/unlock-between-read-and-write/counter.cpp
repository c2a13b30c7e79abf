// A wrong fix for exercise 1: every access to the counter holds the lock, but
// the lock is released between the read and the write-back. Each access is
// safe, so ThreadSanitizer has nothing to report; the update is not: another
// worker can read and write in the gap, and its increment is overwritten.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

void worker(long increments) {
  for (long i = 0; i < increments; ++i) {
    long old_value = 0;
    {
      std::lock_guard<std::mutex> lock(counter_mutex);
      old_value = counter;
    }
    fuzz();
    {
      std::lock_guard<std::mutex> lock(counter_mutex);
      counter = old_value + 1;
    }
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
