// Hostile submission: a correct counter (one mutex) that then sleeps for a
// day. The functional judge must stop it at its time limit; the TSan judge
// refuses the sleep outright.
#include "counter.hpp"

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;
std::mutex counter_mutex;

void worker(long increments) {
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
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, increments);
  for (std::thread& thread : threads) thread.join();
  std::this_thread::sleep_for(std::chrono::hours(24));
  return counter;
}

}  // namespace racelab
