// Hostile submission: workers take turns by sleeping — each waits until the
// one before it should be done. The counts may even come out right on a quiet
// machine, but nothing orders the accesses: it is still a race.
#include "counter.hpp"

#include <chrono>
#include <thread>
#include <vector>

namespace racelab {

long counter = 0;

void worker(int index, long increments) {
  std::this_thread::sleep_for(std::chrono::milliseconds(100) * index);
  for (long i = 0; i < increments; ++i) {
    long old_value = counter;
    fuzz();
    counter = old_value + 1;
    fuzz();
  }
}

long count_in_parallel(int workers, long increments) {
  counter = 0;
  std::vector<std::thread> threads;
  for (int w = 0; w < workers; ++w) threads.emplace_back(worker, w, increments);
  for (std::thread& thread : threads) thread.join();
  return counter;
}

}  // namespace racelab
