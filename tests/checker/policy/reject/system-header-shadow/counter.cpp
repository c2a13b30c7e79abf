// An honest-looking solution; the trick is the folder's file named 'thread'.
#include "counter.hpp"

#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long count_in_parallel(int workers, long increments) {
  long counter = 0;
  std::mutex counter_mutex;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) {
    threads.emplace_back([&counter, &counter_mutex, increments] {
      for (long i = 0; i < increments; ++i) {
        fuzz();
        std::lock_guard<std::mutex> lock(counter_mutex);
        ++counter;
      }
    });
  }
  for (std::thread &thread : threads) {
    thread.join();
  }
  return counter;
}

}  // namespace racelab
